package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
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
        Label formula = robot.from(conv).lookup("#convFormula").queryAs(Label.class);
        assertEquals("Output size: (9 - 3 + 2*0)/2 + 1 = 4", formula.getText());
        robot.interact(() -> stride.decrement());
    }

    /**
     * Issue 12, item 6: the editor's rule. Stride 4 on the 9x9 input does not fit: (9 - 3)/4 + 1
     * = 2.5. The step-through says so with the editor's arithmetic and shows no map, rather than
     * a 2x2 map that silently drops the last row and column; the spinner keeps the 4, so 5 and 6
     * (which fits: (9 - 3)/6 + 1 = 2) can be reached.
     */
    @Test
    void aStrideThatDoesNotFitIsRefusedWithTheEditorsArithmetic() {
        select("tabConv");
        ConvStepView conv = tabs.convView();
        @SuppressWarnings("unchecked")
        Spinner<Integer> stride = robot.from(conv).lookup("#convStride").queryAs(Spinner.class);
        Label problem = robot.from(conv).lookup("#convProblem").queryAs(Label.class);
        assertFalse(problem.isVisible());
        robot.interact(() -> stride.getValueFactory().setValue(4));
        assertEquals(4, stride.getValue());
        String expected = "conv1: the 3x3 filter does not fit the 9x9 input at stride 4: (9 - 3)/4 + 1 = 2.5 is not a"
                + " whole number, so the last 2 input row(s)/column(s) would never be seen; change the stride, padding"
                + " or kernel size";
        assertEquals(expected, problem.getText());
        assertTrue(problem.isVisible());
        assertEquals(null, conv.trace(), "no map is traced");
        assertFalse(conv.outputGrid().isVisible() && conv.outputGrid().getParent().isVisible()
                && robot.from(conv).lookup("#convOutput").query().getScene() != null
                && isShown(conv.outputGrid()), "no 2x2 map on screen");
        assertFalse(conv.controls().isPlaying());
        assertTrue(conv.controls().isDisabled());
        // the editor refuses the same layer with the same words
        org.convlab.ui.editor.EditorModel editor = org.convlab.ui.editor.EditorModel.ofPreset("xo");
        editor.select(0);
        editor.set("stride", "4");
        assertEquals(expected, editor.rows().get(0).problem());

        robot.interact(() -> stride.getValueFactory().setValue(6)); // (9 - 3)/6 + 1 = 2: fits
        assertFalse(problem.isVisible());
        assertEquals(2, conv.outputGrid().rows());
        assertTrue(isShown(conv.outputGrid()));
        robot.interact(() -> stride.getValueFactory().setValue(1));
        assertEquals(7, conv.outputGrid().rows());
        // dilation 5 spreads the 3x3 window over 11 pixels, more than the 9x9 input
        @SuppressWarnings("unchecked")
        Spinner<Integer> dilation = robot.from(conv).lookup("#convDilation").queryAs(Spinner.class);
        robot.interact(() -> dilation.getValueFactory().setValue(5));
        assertTrue(problem.getText().startsWith("conv1: the 3x3 filter (dilated to 11x11) is larger than the 9x9 input"),
                problem.getText());
        robot.interact(() -> dilation.getValueFactory().setValue(1));
        assertFalse(problem.isVisible());
        robot.interact(() -> conv.controls().pause());
    }

    private static boolean isShown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** Issue 12, item 8: every control of the step-through views says what it does. */
    @Test
    void everyControlOfTheStepThroughHasATooltip() {
        java.util.List<String> without = new java.util.ArrayList<>();
        int checked = 0;
        for (String id : java.util.List.of("tabConv", "tabPool", "tabRelu", "tabFilters")) {
            select(id);
            javafx.scene.Node view = TabsWindow.tab(tabs, id).getContent();
            checked += walk(view, id, without);
        }
        assertTrue(checked >= 20, "controls found: " + checked);
        assertTrue(without.isEmpty(), "controls without a tooltip: " + without);
    }

    /** Counts the controls under {@code n} (not looking inside a control: its skin's parts are its own). */
    private static int walk(javafx.scene.Node n, String where, java.util.List<String> without) {
        if (n instanceof javafx.scene.control.Control c && !(n instanceof Label)
                && !(n instanceof javafx.scene.control.ScrollPane)) {
            javafx.scene.control.Tooltip tip = c.getTooltip();
            if (tip == null || tip.getText() == null || tip.getText().isBlank()) {
                without.add(where + ": " + c.getClass().getSimpleName() + " #" + c.getId()
                        + (c instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : ""));
            }
            return 1;
        }
        if (n instanceof javafx.scene.control.ScrollPane s) {
            return walk(s.getContent(), where, without);
        }
        int count = 0;
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                count += walk(child, where, without);
            }
        }
        return count;
    }

    /** The window's presentation mode and a clicker step the current tab through {@link StepperTabs#step}. */
    @Test
    void steppingMovesTheCurrentTabsWindow() {
        select("tabConv");
        int start = tabs.convView().controls().step();
        robot.interact(() -> assertTrue(tabs.step(+1)));
        assertEquals(start + 1, tabs.convView().controls().step());
        robot.interact(() -> assertTrue(tabs.step(-1)));
        assertEquals(start, tabs.convView().controls().step());
        select("tabFilters");
        robot.interact(() -> assertFalse(tabs.step(+1), "the filters have no steps"));
    }
}
