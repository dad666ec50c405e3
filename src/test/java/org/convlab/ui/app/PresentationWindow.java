package org.convlab.ui.app;

import java.nio.file.Files;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.Theme;
import org.convlab.ui.stepper.XoLessonSequence;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window in a headless stage of a chosen size, for the presentation-mode tests: its
 * presentation mode stays windowed (no full screen), so the stage's size plays the screen's.
 */
final class PresentationWindow {
    static MainWindow window;
    static Stage stage;

    private PresentationWindow() {}

    static MainWindow show(double width, double height) throws Exception {
        // a home of its own: the developer's remembered text size must not change the layout
        System.setProperty("convlab.home", Files.createTempDirectory("convlab-presentation-test").toString());
        FxToolkit.registerPrimaryStage();
        // a stage of its own: the sizes set here must not stay on the primary stage other tests share
        FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            stage = s;
            window = new MainWindow(XoLesson.load());
            Scene scene = new Scene(window, width, height);
            scene.getStylesheets().add(ConvLabApp.class.getResource(ConvLabApp.CSS).toExternalForm());
            s.setScene(scene);
            s.show();
            window.showDeferredPanels();
            window.presentation().setFullScreen(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    /** Closes the window (the tests' @AfterAll). */
    static void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            window.presentation().set(false);
            stage.close();
        });
    }

    /** Leaves presentation mode and puts the shared scale back, for the next test. */
    static void reset(FxRobot robot) {
        robot.interact(() -> {
            window.presentation().set(false);
            window.presentation().setFullScreen(false);
            Theme.setTextSize(Theme.DEFAULT_EM);
            Theme.setPresenting(false, 1);
        });
    }

    static void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setX(0); // all of it on the headless screen
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        settle(robot);
    }

    /** Lets layout passes and the views' follow-up resizing (one pulse each) run out. */
    static void settle(FxRobot robot) {
        for (int i = 0; i < 12; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> stage.getScene().getRoot().layout());
        }
    }

    /**
     * The guided X/O lesson wherever the window holds it (the Lesson tab, or the step-through's
     * "Step by step" tab), made the showing view.
     */
    static XoLessonSequence lesson(FxRobot robot) {
        for (String id : new String[] {CenterViews.LESSON, CenterViews.STEP_THROUGH}) {
            robot.interact(() -> window.views().show(id));
            settle(robot);
            Tab tab = window.views().getSelectionModel().getSelectedItem();
            XoLessonSequence found = find(tab.getContent());
            if (found != null) {
                robot.interact(() -> select(found));
                settle(robot);
                return found;
            }
        }
        throw new AssertionError("no XoLessonSequence in the Lesson or Step through tab");
    }

    private static XoLessonSequence find(Node node) {
        if (node instanceof XoLessonSequence s) {
            return s;
        }
        if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                XoLessonSequence s = find(t.getContent());
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (node instanceof ScrollPane scroll) {
            return find(scroll.getContent());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                XoLessonSequence s = find(child);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Selects, in every tab pane above it, the tab that holds {@code node}. */
    private static void select(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TabPane tabs) {
                for (Tab t : tabs.getTabs()) {
                    if (t.getContent() != null && holds(t.getContent(), node)) {
                        tabs.getSelectionModel().select(t);
                    }
                }
            }
        }
    }

    private static boolean holds(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The scroll pane a node sits in, or null. */
    static ScrollPane scrollAround(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane s) {
                return s;
            }
        }
        return null;
    }
}
