package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.convlab.data.xo.XoLesson;
import org.convlab.nn.Parameter;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.backward.GradientTrace;
import org.convlab.ui.maps.ValueGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Backward tab in a real (headless) window on the X/O lesson, driven as a student would: click
 * a filter weight and step through its windows to the end, where the shown sum divided by 9 is the
 * engine's gradient; take a learning step and see the loss fall; undo it and get the weights back.
 */
class BackwardViewTest {
    private final FxRobot robot = new FxRobot();
    private static StepperTabs tabs;

    @BeforeAll
    static void show() throws Exception {
        tabs = TabsWindow.show();
    }

    @BeforeEach
    void reset() {
        robot.interact(() -> {
            tabs.session().setInput(LessonNetwork.input(XoLesson.load().x()));
            tabs.session().resetWeights();
            tabs.backwardView().setLabel(0);
        });
        TabsWindow.select(robot, tabs, "tabBackward");
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void clickCell(ValueGrid grid, int row, int col) {
        Rectangle2D cell = grid.cellBounds(row, col);
        Point2D at = grid.localToScreen(cell.getMinX() + cell.getWidth() / 2, cell.getMinY() + cell.getHeight() / 2);
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDefaultLabelIsTheLessonsX() {
        robot.clickOn("#backShowLoss");
        assertEquals("X", tabs.session().classes().get(0));
        assertEquals(0, tabs.backwardView().label());
        Label grad = robot.lookup("#backLossGrad0").queryAs(Label.class);
        float[] p = tabs.backwardView().tracer().loss().probabilities();
        // p - y for the label X: the probability of X minus 1, negative ("raise the X logit")
        assertTrue(grad.getText().endsWith(BackwardPart.num(p[0] - 1f)), grad.getText());
        assertTrue(p[0] - 1f < 0);
        // against the label O the same probability of X is pushed down: dL/dlogit[X] = p[X] - 0
        robot.interact(() -> tabs.backwardView().setLabel(1));
        grad = robot.lookup("#backLossGrad0").queryAs(Label.class); // the table is drawn anew
        assertTrue(grad.getText().endsWith(BackwardPart.num(p[0])), grad.getText());
        assertEquals(1, tabs.backwardView().tracer().label());
    }

    @Test
    void steppingThroughAConvWeightsWindowsEndsAtTheEnginesGradient() {
        robot.clickOn("#backShowConv");
        BackwardConvView conv = tabs.backwardView().conv;
        ValueGrid weights = robot.lookup("#bconvWeights").queryAs(ValueGrid.class);
        clickCell(weights, 0, 2); // filter 0, top right weight
        GradientTrace t = conv.trace();
        assertEquals("conv1:w[0][0][0][2]", t.target());
        assertEquals(49, t.terms().size(), "a 3x3 filter on the 9x9 X without padding sits at 7 x 7 positions");
        assertEquals(50, conv.controls().count(), "49 windows, then the division");

        // independently: the X's pixel under w[0][0][0][2] at output (r, c) is x[r][c + 2]; the upstream is
        // dL/d(conv1 output), as the tracer kept it; the engine adds them in row-major order in float
        BackwardTracer tracer = tabs.backwardView().tracer();
        float[] x = tracer.layerInput(0);
        float[] up = tracer.upstream(0);
        float sum = 0f;
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                sum += x[r * 9 + c + 2] * up[r * 7 + c];
            }
        }
        Label shown = robot.lookup("#bconvSum").queryAs(Label.class);
        assertTrue(shown.getText().startsWith("running sum: 0 + "), shown.getText());
        for (int k = 1; k < 49; k++) {
            robot.clickOn("#bconvForward");
        }
        assertEquals(48, conv.controls().step());
        assertEquals(sum, conv.shownSum(), 0f);
        assertTrue(shown.getText().endsWith("= " + BackwardPart.num(sum)), shown.getText());
        robot.clickOn("#bconvForward"); // the division
        float value = sum / 9f;
        assertEquals(value, conv.shownSum(), 0f);
        assertEquals(Float.floatToIntBits(tracer.convWeight(0, 0, 0, 0, 2).value()), Float.floatToIntBits(conv.shownSum()));
        // and that is the gradient the network's own backward wrote
        Parameter w = tabs.session().network().layers().get(0).parameters().get(0);
        assertEquals(Float.floatToIntBits(w.grad()[2]), Float.floatToIntBits(conv.shownSum()));
        assertEquals("dL/dw[0][0][0][2] = " + BackwardPart.num(sum) + " / 9 = " + BackwardPart.num(value), shown.getText());
    }

    @Test
    void aLearningStepLowersTheLossAndUndoPutsTheWeightsBack() {
        robot.clickOn("#backShowLearn");
        LearningStepView learn = tabs.backwardView().learning;
        var net = tabs.session().network();
        List<String> trainable = org.convlab.trace.learning.LearningStep.trainableLayers(net);
        String fc = trainable.get(trainable.size() - 1);
        Parameter votes = net.layers().get(net.layers().indexOf(net.layers().stream()
                .filter(l -> l.name().equals(fc)).findFirst().orElseThrow())).parameters().get(0);
        float[] start = votes.value().clone();
        float lossBefore = tabs.backwardView().tracer().lossValue();
        robot.clickOn("#learnStep");
        var step = learn.lastStep();
        assertEquals(lossBefore, step.before().loss(), 0f);
        assertTrue(step.after().loss() < step.before().loss(), "the loss fell: " + step);
        // the step-through redrew from the changed net: the backward pass now starts from the new loss
        assertEquals(step.after().loss(), tabs.backwardView().tracer().lossValue(), 1e-6f);
        assertFalse(java.util.Arrays.equals(start, votes.value()));
        Label after = robot.lookup("#learnAfter").queryAs(Label.class);
        assertTrue(after.getText().contains("loss " + BackwardPart.num(step.after().loss())), after.getText());
        assertTrue(after.getText().contains("fell"), after.getText());
        robot.clickOn("#learnUndo");
        assertArrayEquals(start, votes.value(), 0f);
        assertEquals(lossBefore, tabs.backwardView().tracer().lossValue(), 0f);
        assertTrue(robot.lookup("#learnUndo").queryAs(Button.class).isDisabled());
    }

    /**
     * Every Backward view at classroom sizes (1024 x 768 and 1366 x 768 windows, the frame's left
     * panels' width taken): no label shows "..." for its text, nothing makes the tab scroll sideways
     * and nothing hides past its right edge (NothingCutOffTest sweeps only the view a tab opens on).
     */
    @Test
    void nothingIsCutOffInAnyBackwardView() throws Exception {
        List<String> problems = new ArrayList<>();
        javafx.stage.Window window = tabs.getScene().getWindow();
        // the main window's two side panels take about 540 px (measured at 1024 x 768): the step-through gets the rest
        javafx.scene.layout.Region sidePanels = (javafx.scene.layout.Region) ((javafx.scene.layout.BorderPane) tabs.getParent()).getLeft();
        robot.interact(() -> sidePanels.setMinWidth(540));
        try {
            for (int[] size : new int[][] {{1024, 768}, {1366, 768}}) {
                robot.interact(() -> {
                    window.setWidth(size[0]);
                    window.setHeight(size[1]);
                });
                for (String id : List.of("backShowLoss", "backShowDense", "backShowPool", "backShowRelu", "backShowConv",
                        "backShowLearn")) {
                    robot.interact(() -> tabs.backwardView().showPart(id));
                    if (id.equals("backShowLearn")) {
                        robot.clickOn("#learnStep");
                    }
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(50);
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> {
                        tabs.getScene().getRoot().applyCss();
                        tabs.getScene().getRoot().layout();
                        org.convlab.ui.CutOffWalk.walk(tabs, tabs.getScene(),
                                size[0] + " " + id, problems);
                    });
                }
            }
        } finally {
            robot.interact(() -> {
                sidePanels.setMinWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                window.sizeToScene();
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Presentation mode's keys (StepperTabs.step) move the weight-sharing sum while it is shown. */
    @Test
    void thePresentationKeysStepTheWeightSharingSum() {
        robot.clickOn("#backShowConv");
        BackwardConvView conv = tabs.backwardView().conv;
        robot.interact(() -> conv.controls().setStep(3));
        robot.interact(() -> assertTrue(tabs.step(+1)));
        assertEquals(4, conv.controls().step());
        robot.interact(() -> assertTrue(tabs.step(-2)));
        assertEquals(2, conv.controls().step());
        robot.clickOn("#backShowLoss");
        robot.interact(() -> assertFalse(tabs.step(+1), "the loss has no steps"));
    }

    /**
     * Any net the forward step-through opens: LeNet-5 on a square, labelled as the header says
     * ("true: 3"); its first conv weight's 784 uses (28 x 28, padding 2) sum to the engine's gradient.
     */
    @Test
    void opensOnLeNetWithTheTrueClassFromTheHeader() {
        org.convlab.nn.Network net = org.convlab.nn.Network.build(org.convlab.model.Presets.get("lenet5").network(), 1);
        float[] x = new float[28 * 28];
        for (int r = 8; r < 20; r++) {
            for (int c = 8; c < 20; c++) {
                x[r * 28 + c] = 1f;
            }
        }
        String three = net.spec().classes().get(3);
        try {
            robot.interact(() -> tabs.open(net, x, false, "LeNet-5 \u2014 a square, true: " + three));
            TabsWindow.select(robot, tabs, "tabBackward");
            assertEquals(3, tabs.backwardView().label());
            robot.clickOn("#backShowConv");
            BackwardConvView conv = tabs.backwardView().conv;
            GradientTrace t = conv.trace();
            assertEquals("conv1:w[0][0][2][2]", t.target());
            robot.interact(() -> conv.controls().setStep(conv.controls().count() - 1));
            BackwardTracer tracer = tabs.backwardView().tracer();
            Parameter w = tabs.session().network().layers().get(0).parameters().get(0);
            assertEquals(Float.floatToIntBits(w.grad()[12]), Float.floatToIntBits(conv.shownSum()));
            assertEquals(tracer.convWeight(0, 0, 0, 2, 2).value(), conv.shownSum(), 0f);
            robot.clickOn("#backShowDense");
            robot.clickOn("#backShowPool");
            robot.clickOn("#backShowRelu");
            robot.clickOn("#backShowLearn");
        } finally {
            robot.interact(() -> tabs.openLesson());
        }
    }

    @Test
    void everyNewControlHasATooltip() {
        List<String> without = new ArrayList<>();
        int checked = 0;
        for (String id : List.of("backShowLoss", "backShowDense", "backShowPool", "backShowRelu", "backShowConv",
                "backShowLearn")) {
            robot.interact(() -> tabs.backwardView().showPart(id));
            checked += walk(TabsWindow.tab(tabs, "tabBackward").getContent(), without);
        }
        assertTrue(checked >= 30, "controls found: " + checked);
        assertTrue(without.isEmpty(), "controls without a tooltip: " + without);
    }

    private static int walk(Node n, List<String> without) {
        if (n instanceof Control c && !(n instanceof Label) && !(n instanceof ScrollPane)) {
            if (c.getTooltip() == null || c.getTooltip().getText().isBlank()) {
                without.add(c.getClass().getSimpleName() + " #" + c.getId());
            }
            return 1;
        }
        if (n instanceof ScrollPane s) {
            return walk(s.getContent(), without);
        }
        int count = 0;
        if (n instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                count += walk(child, without);
            }
        }
        return count;
    }
}
