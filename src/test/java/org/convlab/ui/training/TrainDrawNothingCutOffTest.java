package org.convlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.Theme;
import org.convlab.ui.app.CenterViews;
import org.convlab.ui.app.MainWindow;
import org.convlab.ui.draw.DrawPad;
import org.convlab.ui.training.TrainingSnapshot.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing cut off in the Train and Draw tabs (issue 12, item 7): the main window at 1024x768,
 * 1280x720 and 1366x768, at the default text size and at View &gt; Text Size 24, before data, with
 * data and after a short X/O run, and the draw pad with the trained model. Every visible label's
 * shown text (its {@code LabeledText}) must be its whole text, never an ellipsis or a clipped word.
 */
class TrainDrawNothingCutOffTest {
    private static final double[][] SIZES = {{1024, 768}, {1280, 720}, {1366, 768}};
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private MainWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        // a home of its own: a remembered text size must not change the layout
        System.setProperty("convlab.home", java.nio.file.Files.createTempDirectory("convlab-cutoff-test").toString());
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> {
            Theme.setTextSize(Theme.DEFAULT_EM);
            Theme.setPresenting(false, 1);
            TrainingDashboard dash = dashboard();
            if (dash != null) {
                dash.dispose();
            }
            stage.close();
        });
    }

    private TrainingDashboard dashboard() {
        return stage == null || stage.getScene() == null ? null
                : (TrainingDashboard) stage.getScene().lookup("#trainingDashboard");
    }

    @Test
    void noLabelInTheTrainAndDrawTabsIsCutOff() throws Exception {
        stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupStage(s -> {
            window = new MainWindow(XoLesson.load());
            Scene scene = new Scene(window, 1366, 768);
            scene.getStylesheets().add(MainWindow.class.getResource("/org/convlab/ui/convlab.css").toExternalForm());
            s.setScene(scene);
            s.show();
            window.views().show(CenterViews.TRAIN);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        sweep("before data", problems, false);

        robot.interact(() -> dashboard().setDataSource(DashboardWindowTest.XO.toString()));
        DataPanel data = (DataPanel) stage.getScene().lookup("#dataPanel");
        DashboardFx.waitUntil(15, () -> data.preparedProperty().get() != null);
        sweep("data loaded", problems, false);

        robot.interact(() -> {
            dashboard().settings().setEpochs(2);
            dashboard().startTraining();
        });
        DashboardFx.waitUntil(30, () -> dashboard().snapshotProperty().get() != null
                && dashboard().snapshotProperty().get().state() == State.FINISHED
                && dashboard().trainedModelProperty().get() != null);
        sweep("after a run", problems, true);
        assertEquals(List.of(), problems, "labels cut off");
    }

    @Test
    void theSweepSeesALabelTooNarrowForItsText() throws Exception {
        stage = FxToolkit.registerStage(Stage::new);
        javafx.scene.control.Label narrow = new javafx.scene.control.Label("optimizer");
        narrow.setMaxWidth(30);
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(new javafx.scene.layout.VBox(narrow), 200, 100));
            s.sizeToScene(); // the shared primary stage may have been sized explicitly by a test before
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        robot.interact(() -> found.addAll(cutOff(stage.getScene().getRoot(), "test")));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("'optimizer' shows"), found.get(0));
    }

    /** Every size and both text sizes: the Train tab, then (with a model) the Draw tab. */
    private void sweep(String when, List<String> problems, boolean draw) throws Exception {
        for (double textSize : new double[] {Theme.DEFAULT_EM, 24}) {
            for (double[] size : SIZES) {
                robot.interact(() -> {
                    Theme.setTextSize(textSize);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    window.views().show(CenterViews.TRAIN);
                });
                settle();
                String where = String.format(java.util.Locale.ROOT, "%s, %.0fx%.0f, text %.0f px", when, size[0], size[1],
                        textSize);
                robot.interact(() -> problems.addAll(cutOff(stage.getScene().getRoot(), "Train, " + where)));
                robot.interact(() -> problems.addAll(sideways(stage.getScene().getRoot(), "Train, " + where)));
                if (draw) {
                    robot.interact(() -> window.views().show(CenterViews.DRAW));
                    settle();
                    DrawPad pad = (DrawPad) stage.getScene().lookup("#drawPad");
                    assertTrue(pad != null && pad.modelProperty().get() != null, "the pad has the trained model");
                    robot.interact(() -> problems.addAll(cutOff(stage.getScene().getRoot(), "Draw, " + where)));
                }
            }
        }
    }

    /** Two layout passes: a wrapped label's height follows its width, found in the first. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().applyCss());
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The dashboard's scrolling column and its setup column scroll up and down only: content wider
     * than its viewport is cut at the right edge (the old setup column showed "ircle").
     */
    static List<String> sideways(Node root, String where) {
        List<String> found = new ArrayList<>();
        for (Node n : root.lookupAll(".scroll-pane")) {
            if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null && n.isVisible()
                    && ("dashboardScroll".equals(sp.getId()) || "setupScroll".equals(sp.getId()))) {
                double content = sp.getContent().getLayoutBounds().getWidth();
                double viewport = sp.getViewportBounds().getWidth();
                if (content > viewport + 1) {
                    found.add(where + ": " + "#" + sp.getId() + " is "
                            + Math.round(content) + " px wide in a " + Math.round(viewport) + " px view");
                }
            }
        }
        return found;
    }

    /** Visible labels whose shown text is not their whole text, as "where: 'full' shows 'shown'". */
    static List<String> cutOff(Node node, String where) {
        List<String> found = new ArrayList<>();
        if (!node.isVisible()) {
            return found;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            String full = normal(l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText());
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && child.getStyleClass().contains("text") && child.isVisible()) {
                    String shown = normal(t.getText());
                    if (!shown.equals(full)) {
                        found.add(where + ": " + (l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId())
                                + " '" + full + "' shows '" + shown + "'");
                    }
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                found.addAll(cutOff(child, where));
            }
        }
        return found;
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
