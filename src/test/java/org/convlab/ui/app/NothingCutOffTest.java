package org.convlab.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.convlab.model.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole-app sweep of issue 12 item 7: every main tab (Start, Lesson, Step through with each of
 * its inner tabs, Summary of every preset, Diagram of VGG-16 and X/O, Train, Draw) at 1024x768, 1280x720 and
 * 1366x768, with the side panels shown and hidden. It fails when a label shows its text cut short
 * (the skin's displayed text differs from the label's text, i.e. an ellipsis took its end) or a
 * control lies partly outside the window without a scroll pane to reach it, and lists every case
 * found, with the place it was seen (also in {@code target/nothing-cut-off.txt}). A panel that
 * scrolls sideways hides the ends of its labels too ("ircle", "ptimizer"), so a scroll pane whose
 * content is wider than its viewport counts, unless it holds a wide picture and says so with the
 * style class {@value org.convlab.ui.CutOffWalk#SIDEWAYS_OK}.
 */
class NothingCutOffTest {
    /** The brief's two classroom sizes; 1280x720 too with -Dconvlab.longTests=true (verify stays near five minutes). */
    private static final int[][] SIZES = Boolean.getBoolean("convlab.longTests")
            ? new int[][] {{1024, 768}, {1280, 720}, {1366, 768}} : new int[][] {{1024, 768}, {1366, 768}};
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        System.setProperty("convlab.home", java.nio.file.Files.createTempDirectory("convlab-sweep").toString());
        FxToolkit.registerPrimaryStage();
        // the app on a stage of its own: the sweep resizes it, and tests after it share the primary stage
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            new ConvLabApp().start(stage);
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new FxRobot().lookup("#properties").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void noLabelIsElidedAndNoControlIsClippedOnAnyTabAtClassroomSizes() throws Exception {
        Set<String> problems = new LinkedHashSet<>();
        MainWindow window = (MainWindow) stage.getScene().getRoot();
        for (int[] size : SIZES) {
            for (boolean panels : new boolean[] {true, false}) {
                String where = size[0] + "x" + size[1] + (panels ? ", side panels shown" : ", side panels hidden");
                onFx(() -> {
                    Stage s = (Stage) window.getScene().getWindow();
                    s.setWidth(size[0]);
                    s.setHeight(size[1]);
                    window.sidePanelsProperty().set(panels);
                });
                sweepTabs(window, where, problems);
            }
        }
        onFx(() -> window.sidePanelsProperty().set(true));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "nothing-cut-off.txt"), problems);
        assertTrue(problems.isEmpty(), problems.size() + " cut-off texts or clipped controls:\n" + String.join("\n", problems));
    }

    private void sweepTabs(MainWindow window, String where, Set<String> problems) throws Exception {
        CenterViews views = window.views();
        for (Tab tab : List.copyOf(views.getTabs())) {
            String tabName = tab.getText();
            if (CenterViews.SUMMARY.equals(tab.getId()) || CenterViews.DIAGRAM.equals(tab.getId())) {
                // the summary of every preset (the list); the diagram of the longest and the smallest
                List<String> presets = CenterViews.SUMMARY.equals(tab.getId()) ? Presets.names() : List.of("vgg16", "xo");
                for (String preset : presets) {
                    onFx(() -> window.model().loadPreset(preset));
                    onFx(() -> views.getSelectionModel().select(tab));
                    check(window, where + ", " + tabName + " of preset:" + preset, problems);
                }
                onFx(() -> window.model().loadPreset("xo"));
                continue;
            }
            onFx(() -> views.getSelectionModel().select(tab));
            check(window, where + ", " + tabName, problems);
            for (TabPane inner : innerTabPanes(tab.getContent())) {
                for (Tab t : List.copyOf(inner.getTabs())) {
                    if (t.isDisable()) {
                        continue;
                    }
                    onFx(() -> inner.getSelectionModel().select(t));
                    check(window, where + ", " + tabName + " > " + t.getText(), problems);
                }
                onFx(() -> inner.getSelectionModel().select(0));
            }
        }
        onFx(() -> views.show(CenterViews.LESSON));
    }

    private static List<TabPane> innerTabPanes(Node content) {
        List<TabPane> found = new ArrayList<>();
        if (content instanceof TabPane t) {
            found.add(t);
        } else if (content instanceof Parent p) {
            for (Node n : p.getChildrenUnmodifiable()) {
                found.addAll(innerTabPanes(n));
            }
            if (content instanceof ScrollPane s && s.getContent() != null) {
                found.addAll(innerTabPanes(s.getContent()));
            }
        }
        return found;
    }

    private void check(MainWindow window, String where, Set<String> problems) throws Exception {
        // two pulses: views that size themselves to the width they were given lay out again
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(60);
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            Scene scene = window.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            org.convlab.ui.CutOffWalk.walk(scene.getRoot(), scene, where, problems);
        });
    }

    private static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
