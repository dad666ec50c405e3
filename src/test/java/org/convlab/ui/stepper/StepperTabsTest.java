package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.maps.ValueGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step-through tabs in a real (headless) window, driven like a student would: step the
 * lesson to the filtering math and read 0.55 off the screen; flip a pixel and see exactly the
 * output cells whose windows cover it change; change the stride and see it replay; step with the
 * presentation keys.
 */
class StepperTabsTest {
    private final FxRobot robot = new FxRobot();
    private static StepperTabs tabs;

    @BeforeAll
    static void show() throws Exception {
        tabs = TabsWindow.show();
    }

    /** One window for all tests (starting it is the slow part); each test starts from the lesson's X. */
    @BeforeEach
    void reset() {
        robot.interact(() -> {
            tabs.setPresenting(false);
            tabs.session().fractionsProperty().set(false);
            tabs.session().setInput(LessonNetwork.input(XoLesson.load().x()));
            tabs.convView().controls().pause();
            tabs.convView().configure(0, 0, 0);
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void select(String tabId) {
        TabsWindow.select(robot, tabs, tabId);
    }

    @Test
    void flippingAPixelChangesExactlyTheOutputsWhoseWindowsCoverIt() {
        select("tabConv");
        ConvStepView conv = tabs.convView();
        robot.interact(() -> conv.controls().setStep(48)); // every output shown
        ValueGrid out = conv.outputGrid();
        float[] before = values(out);
        ValueGrid in = conv.inputGrid();
        Rectangle2D cell = in.cellBounds(4, 4);
        Point2D screen = in.localToScreen(cell.getMinX() + cell.getWidth() / 2, cell.getMinY() + cell.getHeight() / 2);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1f, tabs.session().input()[4 * 9 + 4], 0f); // the centre pixel was +1
        float[] after = values(out);
        Set<Integer> changed = new HashSet<>();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changed.add(i);
            }
        }
        // a 3x3 window at (r, c) covers input (4, 4) when r, c are in 2..4
        Set<Integer> covering = new HashSet<>();
        for (int r = 2; r <= 4; r++) {
            for (int c = 2; c <= 4; c++) {
                covering.add(r * 7 + c);
            }
        }
        assertEquals(covering, changed);
        // output (2, 2) matched the diagonal perfectly (9/9); its bottom-right +1 is now -1: 7/9
        assertEquals(9 / 9f, before[2 * 7 + 2], 0f);
        assertEquals(7 / 9f, after[2 * 7 + 2], 0f);
    }

    private static float[] values(ValueGrid g) {
        float[] v = new float[g.rows() * g.cols()];
        for (int i = 0; i < v.length; i++) {
            v[i] = g.valueAt(i / g.cols(), i % g.cols());
        }
        return v;
    }

    @Test
    void changingTheStrideReplaysAtOnce() {
        select("tabConv");
        ConvStepView conv = tabs.convView();
        robot.interact(() -> conv.controls().setStep(30));
        @SuppressWarnings("unchecked")
        Spinner<Integer> stride = robot.from(conv).lookup("#convStride").queryAs(Spinner.class);
        robot.interact(() -> stride.increment());
        assertEquals(4, conv.outputGrid().cols()); // (9 - 3)/2 + 1 = 4
        assertEquals(4, conv.outputGrid().rows());
        assertEquals(16, conv.controls().count());
        assertTrue(conv.controls().isPlaying(), "the step-through replays after the change");
        assertTrue(conv.controls().step() < 16);
        robot.interact(() -> conv.controls().pause());
        robot.interact(() -> conv.controls().setStep(1));
        // window of output (0, 1) starts at input column 2 with stride 2
        assertEquals(2, conv.trace().step(1).windowLeft());
        // dilation 5 spreads the 3x3 window over 11 pixels, more than the 9x9 input: refused, undone, explained
        @SuppressWarnings("unchecked")
        Spinner<Integer> dilation = robot.from(conv).lookup("#convDilation").queryAs(Spinner.class);
        robot.interact(() -> dilation.getValueFactory().setValue(5));
        assertEquals(1, dilation.getValue());
        Label problem = robot.from(conv).lookup("#convProblem").queryAs(Label.class);
        assertTrue(problem.getText().contains("does not fit"), problem.getText());
        robot.interact(() -> stride.decrement());
        assertEquals("", problem.getText());
    }

    @Test
    void presentationKeysStep() {
        // (the guided lesson's keys moved with it to the Lesson tab: XoLessonSequenceTest)
        select("tabConv");
        robot.clickOn(robot.lookup("#stepperHeader").queryAllAs(Label.class).stream()
                .filter(l -> ((javafx.scene.control.ScrollPane) tabs.getSelectionModel().getSelectedItem().getContent())
                        .getContent() == l.getParent())
                .findFirst().orElseThrow()); // focus inside the window
        robot.type(KeyCode.F5);
        assertTrue(tabs.presenting());
        assertFalse(((BorderPane) tabs.getParent()).getLeft().isVisible(), "side panels make room");
        robot.type(KeyCode.F5);
        assertFalse(tabs.presenting());

        int start = tabs.convView().controls().step();
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(start + 1, tabs.convView().controls().step());
        WaitForAsyncUtils.sleep(0, TimeUnit.MILLISECONDS);
    }
}
