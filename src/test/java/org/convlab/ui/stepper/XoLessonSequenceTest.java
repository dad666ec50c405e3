package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.lesson.LessonTab;
import org.convlab.ui.maps.ValueGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The guided lesson as the Lesson tab shows it: the filtering math reads 0.55 as on the slides;
 * a pixel clicked on the input marks it "X (modified)", offers Reset and changes every sentence
 * that quotes a number; the answer shows both vote totals, then softmax. Expected numbers come
 * from the slides and exact arithmetic: a full match is 9/9; one flipped pixel in that window
 * leaves 8 matches and 1 disagreement, 8 - 1 = 7; the clean X totals exactly +1 for X and -1 for
 * O, so softmax gives e/(e + 1/e) = 88.1%; the deformed X totals 1537/5036 = 0.305 (64.8%).
 */
class XoLessonSequenceTest {
    private static LessonTab tab;
    private static XoLessonSequence lesson;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            tab = new LessonTab(XoLesson.load());
            lesson = tab.sequence();
            s.setScene(new Scene(tab, 1240, 760));
            s.sizeToScene(); // the shared primary stage may have been sized explicitly by a test before
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @BeforeEach
    void backToTheX() {
        robot.interact(() -> {
            lesson.session().setFractions(false);
            lesson.session().setInput(LessonNetwork.input(XoLesson.load().x()));
            lesson.session().reset();
            lesson.go(0);
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String text() {
        return robot.lookup("#lessonText").queryAs(Label.class).getText();
    }

    private void clickCell(ValueGrid grid, int row, int col) {
        Rectangle2D b = grid.cellBounds(row, col);
        Point2D p = grid.localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        robot.clickOn(p);
    }

    @Test
    void filteringMathShowsPointFiftyFive() {
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#lessonNext");
        }
        assertEquals("Filtering: the math (2)", robot.lookup("#lessonTitle").queryAs(Label.class).getText());
        assertTrue(text().contains("7 of the nine pixels match and 2 disagree: 7 - 2 = 5, and 5 / 9 = 0.55"), text());
        Label finish = robot.from(lesson).lookup("#convFinish").queryAs(Label.class);
        assertEquals("5 / 9 = 0.55", finish.getText());
        Label sum = robot.from(lesson).lookup("#convSum").queryAs(Label.class);
        assertEquals("1 + 1 - 1 + 1 + 1 + 1 - 1 + 1 + 1 = 5", sum.getText());
        ValueGrid output = lesson.convView().outputGrid();
        assertEquals("0.55", output.textAt(3, 3));
        assertEquals("1.00", output.textAt(1, 1)); // the first example window, already filled in
        assertEquals("", output.textAt(3, 4)); // not computed yet

        // the O as input: the centre window of the diagonal now reads the O's centre (all background)
        robot.clickOn("#inputO");
        float[] o = LessonNetwork.input(XoLesson.load().o());
        assertEquals(o[40], lesson.session().input()[40], 0f);
        assertTrue(!"5 / 9 = 0.55".equals(finish.getText()), finish.getText());
        assertFalse(text().contains("5 / 9"), "the sentence follows the O: " + text());
        robot.clickOn("#inputX");
        assertEquals("5 / 9 = 0.55", finish.getText());

        robot.clickOn(robot.from(lesson).lookup("#convFractions").queryAs(javafx.scene.control.CheckBox.class));
        assertEquals("5 / 9 = 5/9", finish.getText());
        assertEquals("7/9", output.textAt(0, 0));
    }

    @Test
    void aClickedPixelMarksTheInputModifiedAndEverySentenceFollows() {
        ToggleButton x = robot.lookup("#inputX").queryAs(ToggleButton.class);
        Button reset = robot.lookup("#lessonReset").queryAs(Button.class);
        assertEquals("X", x.getText());
        assertFalse(reset.isVisible());
        assertTrue(text().contains("The X and the deformed X differ in 16 of 81 pixels"), text());

        // step 1: click the input's pixel at row 1, column 1 (ink on the X): the window of step 3 starts there
        clickCell(robot.lookup("#lessonX").queryAs(ValueGrid.class), 1, 1);
        assertEquals(-1f, lesson.session().input()[9 + 1], 0f);
        assertEquals("X (modified)", x.getText());
        assertTrue(reset.isVisible());
        // the deformed X lacks that ink too (golden image_x_deformed[1][1] = -1): one difference fewer
        assertTrue(text().contains("The X (modified) and the deformed X differ in 15 of 81 pixels"), text());

        robot.interact(() -> lesson.go(2)); // "Filtering: the math (1)", the diagonal's window at (1, 1)
        assertTrue(text().contains("Here 8 of the nine pixels match and 1 disagree: 8 - 1 = 7, and 7 / 9 = 0.77"), text());
        robot.interact(() -> lesson.session().flip(0, 2, 2));
        assertTrue(text().contains("Here 7 of the nine pixels match and 2 disagree: 7 - 2 = 5, and 5 / 9 = 0.55"), text());

        robot.clickOn("#lessonReset");
        assertEquals("X", x.getText());
        assertFalse(reset.isVisible());
        assertTrue(text().contains("Here every pixel matches: 9 / 9 = 1.00."), text());
    }

    @Test
    void aTypedWeightAlsoMarksTheInputModified() {
        robot.interact(() -> lesson.session().setWeight(0, 0, 0, 0, 0, 0.5f));
        assertEquals("X (modified)", robot.lookup("#inputX").queryAs(ToggleButton.class).getText());
        robot.clickOn("#lessonReset");
        assertEquals(1f, lesson.session().network().parameters().get(0).value()[0], 0f);
        assertEquals("X", robot.lookup("#inputX").queryAs(ToggleButton.class).getText());
    }

    @Test
    void theAnswerShowsBothTotalsThenSoftmax() {
        robot.interact(() -> lesson.go(lesson.indexOf("The answer")));
        Label totals = robot.lookup("#lessonTotals").queryAs(Label.class);
        Label softmax = robot.lookup("#lessonSoftmax").queryAs(Label.class);
        assertEquals("It is an X", robot.lookup("#lessonAnswer").queryAs(Label.class).getText());
        assertEquals("votes      X: 1.00     O: -1.00", totals.getText());
        assertEquals("softmax    X: 88.1%    O: 11.9%", softmax.getText());
        assertTrue(robot.lookup("#lessonSoftmaxText").queryAs(Label.class).getText().contains("X leads by 2.00"));
        assertTrue(text().contains("X, 1.00 against -1.00"), text());

        robot.clickOn("#inputO");
        assertEquals("It is an O", robot.lookup("#lessonAnswer").queryAs(Label.class).getText());
        assertEquals("votes      X: -1.00    O: 1.00", totals.getText());
        assertEquals("softmax    X: 11.9%    O: 88.1%", softmax.getText());

        robot.clickOn("#inputDeformed");
        assertEquals("It is an X", robot.lookup("#lessonAnswer").queryAs(Label.class).getText());
        assertEquals("votes      X: 0.31     O: -0.31", totals.getText());
        assertEquals("softmax    X: 64.8%    O: 35.2%", softmax.getText());
    }

    @Test
    void stepsLikeAPresenterWould() {
        assertEquals(0, lesson.index());
        robot.interact(() -> assertTrue(tab.step(+1)));
        assertEquals(1, lesson.index());
        robot.interact(() -> assertTrue(lesson.step(-1)));
        assertEquals(0, lesson.index());
        robot.interact(() -> assertFalse(lesson.step(-1), "nothing before the first step"));
        robot.interact(() -> lesson.go(lesson.size() - 1));
        robot.interact(() -> assertFalse(lesson.step(+1), "nothing after the last step"));
    }
}
