package org.convlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.convlab.ui.Theme;
import org.convlab.ui.stepper.XoLessonSequence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Presentation mode as a teacher uses it, in the real main window: F5 on any tab hides the menu
 * bar, both tab bars, the status bar and the side panels and enlarges the scale; the clicker's keys
 * step the lesson; B blanks the screen; Esc leaves and everything comes back.
 */
class PresentationTest {
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

    private void focusWindow() {
        robot.clickOn("#statusBar");
    }

    private static boolean shown(Node n) {
        return n != null && n.isVisible() && n.isManaged() && n.getScene() != null;
    }

    /** The tab bar of the tab pane with this id: hidden means no height and not visible. */
    private Node tabBar(String id) {
        return robot.lookup(id).query().lookup(".tab-header-area");
    }

    @Test
    void f5OnEveryTabHidesTheFrameAndEnlargesEverything() {
        for (String id : List.of(CenterViews.LESSON, CenterViews.STEP_THROUGH, CenterViews.SUMMARY)) {
            robot.interact(() -> window.views().show(id));
            PresentationWindow.settle(robot);
            focusWindow();
            Node menuBar = robot.lookup("#menuBar").query();
            Node status = robot.lookup("#statusBar").query();
            assertTrue(shown(menuBar) && shown(status) && window.getLeft() != null && window.getRight() != null, id);
            double em = Theme.em();

            robot.type(KeyCode.F5);
            PresentationWindow.settle(robot);
            assertTrue(window.presentation().isOn(), id);
            assertTrue(Theme.presenting(), id);
            assertFalse(shown(menuBar), id + ": menu bar hidden");
            assertFalse(shown(status), id + ": status bar hidden");
            assertNull(window.getLeft(), id + ": layer stack hidden");
            assertNull(window.getRight(), id + ": properties hidden");
            Node bar = tabBar("#mainView");
            assertTrue(!bar.isVisible() && bar.getLayoutBounds().getHeight() < 1, id + ": main tab bar hidden");
            if (id.equals(CenterViews.STEP_THROUGH)) {
                Node inner = tabBar("#stepperTabs");
                assertTrue(!inner.isVisible() && inner.getLayoutBounds().getHeight() < 1, "step-through tab bar hidden");
            }
            assertTrue(robot.lookup("#presentationHint").query().isVisible(), id + ": the hint says how to leave");
            // 1366x768: the scale's factor, 1.2, on the 15 px text size
            assertEquals(Theme.DEFAULT_EM * Presentation.FACTOR_AT_1366, Theme.em(), 0.25, id);
            assertTrue(Theme.em() > em);

            robot.type(KeyCode.F5);
            PresentationWindow.settle(robot);
            assertFalse(window.presentation().isOn(), id);
            assertEquals(em, Theme.em(), 1e-9, id);
            assertTrue(shown(menuBar) && shown(status) && window.getLeft() != null && window.getRight() != null,
                    id + ": the frame comes back");
            assertTrue(tabBar("#mainView").isVisible() && tabBar("#mainView").getLayoutBounds().getHeight() > 10, id);
        }
    }

    @Test
    void theViewMenuListsPresentationModeWithF5() {
        MenuItem item = window.getTop() instanceof javafx.scene.control.MenuBar bar ? bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "menuPresentation".equals(i.getId())).findFirst()
                .orElse(null) : null;
        assertNotNull(item, "View > Presentation Mode");
        assertEquals(new KeyCodeCombination(KeyCode.F5), item.getAccelerator());
        robot.interact(() -> item.fire());
        assertTrue(window.presentation().isOn());
        robot.interact(() -> item.fire());
        assertFalse(window.presentation().isOn());
    }

    @Test
    void clickerKeysStepTheLessonBBlanksEscLeaves() {
        XoLessonSequence lesson = PresentationWindow.lesson(robot);
        robot.interact(() -> lesson.go(0));
        focusWindow();
        robot.type(KeyCode.F5);
        assertTrue(window.presentation().isOn());
        robot.type(KeyCode.RIGHT);
        assertEquals(1, lesson.index());
        robot.type(KeyCode.SPACE);
        assertEquals(2, lesson.index());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(3, lesson.index());
        robot.type(KeyCode.LEFT);
        assertEquals(2, lesson.index());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1, lesson.index());

        Node blank = robot.lookup("#presentationBlank").query();
        robot.type(KeyCode.B);
        assertTrue(blank.isVisible() && window.presentation().isBlank());
        assertTrue(blank.getLayoutBounds().getWidth() >= 1366 - 1 && blank.getLayoutBounds().getHeight() >= 768 - 1,
                "the black covers the screen: " + blank.getLayoutBounds());
        robot.type(KeyCode.B);
        assertFalse(blank.isVisible());

        robot.type(KeyCode.ESCAPE);
        assertFalse(window.presentation().isOn());
        assertFalse(Theme.presenting());
        // outside presentation mode the arrows are the controls' own again
        robot.type(KeyCode.RIGHT);
        assertEquals(1, lesson.index());
    }

    @Test
    void fullScreenOnAndOffWithThePresentation() {
        robot.interact(() -> window.presentation().setFullScreen(true));
        focusWindow();
        robot.type(KeyCode.F5);
        PresentationWindow.settle(robot);
        assertTrue(PresentationWindow.stage.isFullScreen());
        robot.type(KeyCode.ESCAPE);
        PresentationWindow.settle(robot);
        assertFalse(PresentationWindow.stage.isFullScreen());
        assertFalse(window.presentation().isOn());
        robot.interact(() -> {
            PresentationWindow.stage.setWidth(1366);
            PresentationWindow.stage.setHeight(768);
        });
    }
}
