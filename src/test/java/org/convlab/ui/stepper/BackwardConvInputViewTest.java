package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.convlab.data.xo.XoLesson;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.backward.FullConvolution;
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
 * The Backward tab's conv view switched to dL/dx on the X/O lesson, driven as a student would:
 * click an input pixel, step through the flipped filter's terms to the end, where the shown sum
 * divided by 9 is the engine's dL/dx; the pictures are the padded upstream and the filter turned
 * 180 degrees; with fractions on, the weights print exactly and the gradients as decimals.
 */
class BackwardConvInputViewTest {
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
            tabs.session().fractionsProperty().set(false);
            tabs.backwardView().setLabel(0);
        });
        TabsWindow.select(robot, tabs, "tabBackward");
        robot.clickOn("#backShowConv");
        robot.clickOn("#bconvModeInput");
    }

    @AfterAll
    static void close() throws Exception {
        robot().interact(() -> tabs.backwardView().conv.showInput(false));
        FxToolkit.cleanupStages();
    }

    private static FxRobot robot() {
        return new FxRobot();
    }

    private void clickCell(ValueGrid grid, int row, int col) {
        Rectangle2D cell = grid.cellBounds(row, col);
        Point2D at = grid.localToScreen(cell.getMinX() + cell.getWidth() / 2, cell.getMinY() + cell.getHeight() / 2);
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private BackwardConvInputView view() {
        return tabs.backwardView().conv.inputView();
    }

    @Test
    void steppingThroughAPixelsTermsEndsAtTheEnginesGradient() {
        clickCell(robot.lookup("#bdxInput").queryAs(ValueGrid.class), 2, 6);
        BackwardConvInputView dx = view();
        GradientTrace t = dx.trace();
        assertEquals("conv1:x[0][2][6]", t.target());
        // the 9x9 X, a 3x3 filter without padding, stride 1: every kernel cell of each of the 3 filters
        // lay on pixel (2, 6) at output (2 - i, 6 - j), all inside the 7x7 map
        assertEquals(27, t.terms().size());
        assertEquals(28, tabs.backwardView().conv.controls().count(), "27 terms, then the division");

        // independently, in the engine's order (filter, kernel row, kernel column), in float
        BackwardTracer tracer = tabs.backwardView().tracer();
        float[] up = tracer.upstream(0);
        float[] w = tabs.session().network().layers().get(0).parameters().get(0).value();
        float sum = 0f;
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    sum += up[(f * 7 + 2 - i) * 7 + 6 - j] * w[f * 9 + i * 3 + j];
                }
            }
        }
        Label shown = robot.lookup("#bdxSum").queryAs(Label.class);
        assertTrue(shown.getText().startsWith("running sum: 0 + "), shown.getText());
        robot.clickOn("#bdxForward");
        assertEquals(1, dx.controls().step());
        robot.interact(() -> dx.controls().setStep(26));
        assertEquals(26, dx.controls().step());
        assertEquals(sum, dx.shownSum(), 0f);
        robot.clickOn("#bdxForward"); // the division
        float value = sum / 9f;
        assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(dx.shownSum()));
        // the gradient the network's own backward wrote for this input pixel
        assertEquals(Float.floatToIntBits(tracer.inputGradient()[2 * 9 + 6]), Float.floatToIntBits(dx.shownSum()));
        assertEquals("dL/dx[0][2][6] = " + BackwardPart.num(sum) + " / 9 = " + BackwardPart.num(value), shown.getText());
        // the presentation keys step this half while it is shown
        robot.interact(() -> assertTrue(tabs.step(-2)));
        assertEquals(25, dx.controls().step());
    }

    @Test
    void thePicturesAreThePaddedUpstreamAndTheTurnedFilter() {
        clickCell(robot.lookup("#bdxInput").queryAs(ValueGrid.class), 0, 0);
        BackwardConvInputView dx = view();
        // the corner pixel: only w[f][0][0][0] touched it, at output (0, 0), one term per filter
        assertEquals(3, dx.trace().terms().size());
        robot.interact(() -> dx.controls().setStep(1)); // filter 1's term
        FullConvolution.Term term = dx.terms().get(1);
        assertEquals(1, term.filter());
        // flipped cell (2, 2) of the turned filter is the original's (0, 0); on the upstream padded by
        // 2 (= 3 - 1 - padding 0) it sits at (0 + 2, 0 + 2): dL/dy[1][0][0]
        assertEquals(2, term.a());
        assertEquals(2, term.b());
        assertEquals(2, term.u());
        assertEquals(2, term.v());
        ValueGrid padded = robot.lookup("#bdxPadded").queryAs(ValueGrid.class);
        ValueGrid filter = robot.lookup("#bdxFilter").queryAs(ValueGrid.class);
        ValueGrid flipped = robot.lookup("#bdxFlipped").queryAs(ValueGrid.class);
        float[] up = tabs.backwardView().tracer().upstream(0);
        assertEquals(7, padded.rows(), "the 7x7 upstream inside its ring of padding");
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                assertEquals(up[(7 + r) * 7 + c], padded.valueAt(r, c), 0f, "filter 1's dL/dy at " + r + ", " + c);
            }
        }
        assertEquals(padded.cellBounds(-2, -2).getMinX(), 2.0, 0.01, "two rings of padding zeros drawn left of it");
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(filter.valueAt(2 - a, 2 - b), flipped.valueAt(a, b), 0f);
            }
        }
        assertEquals(term.weight(), filter.valueAt(0, 0), 0f);
        assertEquals(term.upstream(), up[7 * 7], 0f);
        // a click on the padding ring picks nothing
        clickCell(robot.lookup("#bdxInput").queryAs(ValueGrid.class), 4, 4);
        assertEquals("conv1:x[0][4][4]", dx.trace().target());
    }

    @Test
    void withFractionsWeightsPrintExactlyAndGradientsAsDecimals() {
        robot.interact(() -> tabs.session().fractionsProperty().set(true));
        clickCell(robot.lookup("#bdxInput").queryAs(ValueGrid.class), 4, 4);
        BackwardConvInputView dx = view();
        robot.interact(() -> dx.controls().setStep(0));
        FullConvolution.Term term = dx.terms().get(0);
        assertEquals(1f, Math.abs(term.weight()), 0f, "the X/O filters are +1 / -1");
        String math = robot.lookup("#bdxMath").queryAs(Label.class).getText();
        String weight = term.weight() > 0 ? "1" : "-1";
        assertTrue(math.contains("= " + weight + " over dL/dy"), math);
        assertTrue(math.contains("product " + weight + " \u00D7 " + BackwardPart.num(term.upstream()) + " = "), math);
        assertFalse(BackwardPart.num(term.upstream()).contains("/"), "a gradient prints as a decimal");
        ValueGrid input = robot.lookup("#bdxInput").queryAs(ValueGrid.class);
        assertEquals("1", input.textAt(4, 4).replace("+", ""), "the ink pixel prints exactly");
        robot.interact(() -> dx.controls().setStep(dx.controls().count() - 1));
        String sum = robot.lookup("#bdxSum").queryAs(Label.class).getText();
        assertTrue(sum.matches("dL/dx\\[0]\\[4]\\[4] = \\S+ / 9 = \\S+"), sum);
    }

    /**
     * A conv with stride 2, padding 1, dilation 2 and 2 input channels, 3 filters: the picture says
     * the zeros between the upstream's rows are a transposed convolution's, the sum runs over the
     * filters, and the last step is the engine's dL/dx of a pixel of channel 1, bit for bit.
     */
    @Test
    void aStridedDilatedMultiChannelConv() throws Exception {
        java.util.List<org.convlab.model.LayerSpec> layers = java.util.List.of(
                new org.convlab.model.ConvSpec("conv1", 3, 3, 3, 2, org.convlab.model.Padding.of(1), 2, true, false, null, null),
                org.convlab.model.ActivationSpec.relu(), new org.convlab.model.FlattenSpec(null),
                org.convlab.model.DenseSpec.of(3), new org.convlab.model.SoftmaxSpec(null));
        org.convlab.nn.Network net = org.convlab.nn.Network.build(new org.convlab.model.NetworkSpec(
                org.convlab.engine.Shape.of(2, 11, 11), java.util.List.of("a", "b", "c"), layers), 5);
        java.util.Random r = new java.util.Random(17);
        for (org.convlab.nn.Parameter p : net.parameters()) {
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * 0.5);
            }
        }
        float[] x = new float[2 * 11 * 11];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        try {
            robot.interact(() -> tabs.open(net, x, false, "strided, dilated, 2 channels"));
            TabsWindow.select(robot, tabs, "tabBackward");
            robot.clickOn("#backShowConv");
            robot.clickOn("#bconvModeInput");
            BackwardConvInputView dx = view();
            robot.interact(() -> dx.configure(0, 1, 5, 3));
            GradientTrace t = dx.trace();
            assertEquals("conv1:x[1][5][3]", t.target());
            assertTrue(t.terms().size() > 3, "several filters and kernel cells reach this pixel: " + t.terms().size());
            String picture = robot.lookup("#bdxPicture").queryAs(Label.class).getText();
            assertTrue(picture.contains("padded with 3 zeros"), picture); // 2 * (3 - 1) - 1
            assertTrue(picture.contains("1 zero inserted between its rows and columns (stride 2: that is how a transposed"
                    + " convolution works)"), picture);
            assertTrue(picture.contains("the sum runs over all 3"), picture);
            assertTrue(picture.contains("dilation 2"), picture);
            ValueGrid padded = robot.lookup("#bdxPadded").queryAs(ValueGrid.class);
            // 15 x 15 in all: a ring of 3, and inside the 5 x 5 upstream spread over 9 rows (2 more rows of zeros below)
            assertEquals(9, padded.rows());
            assertEquals(0f, padded.valueAt(1, 0), 0f, "an inserted zero");
            robot.interact(() -> dx.controls().setStep(dx.controls().count() - 1));
            BackwardTracer tracer = tabs.backwardView().tracer();
            assertEquals(Float.floatToIntBits(tracer.inputGradient()[(11 + 5) * 11 + 3]), Float.floatToIntBits(dx.shownSum()));
            String shots = System.getProperty("convlab.shots");
            if (shots != null) {
                robot.interact(() -> dx.controls().setStep(2));
                robot.interact(() -> {
                    javafx.scene.image.WritableImage img = tabs.getScene().getRoot().snapshot(null, null);
                    try {
                        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                                new java.io.File(shots, "strided-dilated-dx.png"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        } finally {
            robot.interact(() -> tabs.openLesson());
        }
    }

    /** 1024 x 768 and 1366 x 768 windows with the frame's side panel: no label cut, no sideways scroll. */
    @Test
    void nothingIsCutOff() throws Exception {
        List<String> problems = new ArrayList<>();
        javafx.stage.Window window = tabs.getScene().getWindow();
        try {
            for (int[] size : new int[][] {{1024, 768}, {1366, 768}}) {
                robot.interact(() -> {
                    window.setWidth(size[0]);
                    window.setHeight(size[1]);
                });
                for (int step : new int[] {0, 27}) {
                    robot.interact(() -> view().controls().setStep(step));
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> {
                        tabs.getScene().getRoot().applyCss();
                        tabs.getScene().getRoot().layout();
                        cutOff(TabsWindow.tab(tabs, "tabBackward").getContent(), size[0] + " step " + step, problems);
                    });
                }
            }
        } finally {
            robot.interact(() -> window.sizeToScene());
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void cutOff(Node n, String where, List<String> problems) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getWidth() > 0 && l.getText() != null && !l.getText().isBlank()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof javafx.scene.text.Text t && child.getStyleClass().contains("text")
                        && !t.getText().equals(l.getText())) {
                    problems.add(where + ": " + l.getId() + " shows \"" + t.getText() + "\" for \"" + l.getText() + "\"");
                }
            }
        }
        if (n instanceof ScrollPane sp && sp.getContent() != null && sp.getViewportBounds().getWidth() > 0) {
            double over = sp.getContent().getLayoutBounds().getWidth() - sp.getViewportBounds().getWidth();
            if (over > 1) {
                problems.add(where + ": the tab scrolls sideways by " + Math.round(over) + " px");
            }
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                cutOff(child, where, problems);
            }
        }
    }
}
