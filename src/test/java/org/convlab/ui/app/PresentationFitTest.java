package org.convlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.convlab.ui.maps.ValueGrid;
import org.convlab.ui.stepper.XoLessonSequence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;

/**
 * Issue 12's bar for a lecture hall: in presentation mode every step of the X/O lesson fits the
 * screen without scrolling at 1024x768, 1366x768 and 1920x1080, and at 1366x768 the numbers of
 * the 9x9 input grid are drawn at least 24 px tall.
 */
class PresentationFitTest {
    /** The figure: digits a room can read on a 1366x768 projector. */
    static final double DIGITS_PX = 24;

    private final FxRobot robot = new FxRobot();
    private static MainWindow window;

    @BeforeAll
    static void show() throws Exception {
        window = PresentationWindow.show(1366, 768);
    }

    @AfterEach
    void leave() {
        PresentationWindow.reset(robot);
    }

    @AfterAll
    static void close() throws Exception {
        PresentationWindow.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 768", "1366, 768", "1920, 1080"})
    void everyLessonStepFitsTheScreen(int width, int height) {
        // the brief's two classroom sizes always; the large screen (the roomiest) with -Dconvlab.longTests=true,
        // so that verify stays near five minutes
        org.junit.jupiter.api.Assumptions.assumeTrue(width != 1920 || Boolean.getBoolean("convlab.longTests"),
                "1920x1080 runs with -Dconvlab.longTests=true");
        PresentationWindow.resize(robot, width, height);
        XoLessonSequence lesson = PresentationWindow.lesson(robot);
        robot.interact(() -> window.presentation().set(true));
        PresentationWindow.settle(robot);
        List<String> misfits = new ArrayList<>();
        double smallestDigits = Double.MAX_VALUE;
        for (int k = 0; k < lesson.size(); k++) {
            int step = k;
            robot.interact(() -> lesson.go(step));
            PresentationWindow.settle(robot);
            String title = robot.from(lesson).lookup("#lessonTitle").queryAs(Label.class).getText();
            ScrollPane scroll = PresentationWindow.scrollAround(lesson);
            double shown = scroll != null ? scroll.getViewportBounds().getHeight() : lesson.getHeight();
            double needed = scroll != null ? scroll.getContent().getLayoutBounds().getHeight()
                    : lesson.prefHeight(lesson.getWidth());
            Bounds onScreen = lesson.localToScene(lesson.getLayoutBounds());
            boolean fits = needed <= shown + 1 && (scroll != null || onScreen.getMaxY() <= height + 1);
            if (!fits) {
                misfits.add((step + 1) + " '" + title + "': needs " + needed + " px, has " + shown);
            }
            ValueGrid input = lesson.convView().inputGrid();
            if (input.getScene() != null && input.rows() == 9) {
                smallestDigits = Math.min(smallestDigits, input.getGraphicsContext2D().getFont().getSize());
            }
        }
        System.out.println(width + "x" + height + ": smallest 9x9 input digits " + smallestDigits + " px");
        assertTrue(smallestDigits < Double.MAX_VALUE, "the lesson shows the convolution's 9x9 input");
        if (width == 1366) {
            assertTrue(smallestDigits >= DIGITS_PX, "9x9 input digits at 1366x768: " + smallestDigits + " px");
        }
        assertTrue(misfits.isEmpty(), width + "x" + height + ": steps that need scrolling: " + misfits);
    }
}
