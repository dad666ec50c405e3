package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import org.convlab.data.xo.XoLesson;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.trace.ClassVotes;
import org.convlab.trace.VoteLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Stepping through another network: LeNet-5 opened in the step-through tabs shows its own layers
 * (28 x 28 maps with padding 2, 6 filters, 10 classes), the same numbers as the network's fast
 * forward, leaves the caller's network alone when a weight is typed, and goes back to the lesson.
 */
class OpenNetworkTest {
    private final FxRobot robot = new FxRobot();
    private static StepperTabs tabs;

    @BeforeAll
    static void show() throws Exception {
        tabs = TabsWindow.show();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** A 28 x 28 picture: a bright square on dark, like a drawn shape. */
    private static float[] square() {
        float[] x = new float[28 * 28];
        for (int r = 8; r < 20; r++) {
            for (int c = 8; c < 20; c++) {
                x[r * 28 + c] = 1f;
            }
        }
        return x;
    }

    private Tab tab(String id) {
        return TabsWindow.tab(tabs, id);
    }

    @Test
    void opensLeNetAndGoesBackToTheLesson() {
        Network net = Network.build(Presets.get("lenet5").network(), 1);
        float[] x = square();
        float[] fast = net.forward(x, 1, false).clone(); // the caller's network on its fast kernels
        robot.interact(() -> tabs.getSelectionModel().select(tab("tabConv")));
        robot.interact(() -> tabs.open(net, x, false, "LeNet-5 \u2014 a square"));

        Label header = robot.lookup("#stepperHeader").match(javafx.scene.Node::isVisible).queryAs(Label.class);
        assertEquals("LeNet-5 \u2014 a square", header.getText());
        ConvStepView conv = tabs.convView();
        assertEquals(28, conv.outputGrid().rows()); // (28 - 5 + 2*2)/1 + 1 = 28
        assertEquals(28 * 28, conv.controls().count());
        assertEquals(2, conv.trace().geometry().padHeight());
        assertEquals(6, tabs.filtersView().bank().shownFilters());

        // the step-through's numbers are the network's: the ledger's probabilities against the fast forward
        VoteLedger ledger = tabs.voteView().ledger();
        assertEquals(10, ledger.classes().size());
        for (ClassVotes c : ledger.classes()) {
            assertEquals(84, c.votes().size());
            assertEquals(fast[c.index()], c.probability(), 1e-5f, "class " + c.index());
        }
        robot.interact(() -> tabs.getSelectionModel().select(tab("tabVotes")));
        Label note = robot.lookup("#voteNote").queryAs(Label.class);
        // as many ledgers as their measured width lets the view show side by side (three or four at 1240 px)
        assertTrue(note.getText().matches("Ledgers of the [34] likeliest of 10 classes, the winner first; each lists its 12 largest votes\\."),
                note.getText());
        javafx.scene.canvas.Canvas ledgerCanvas = robot.lookup("#voteLedger").match(javafx.scene.Node::isVisible).queryAs(javafx.scene.canvas.Canvas.class);
        assertTrue(ledgerCanvas.getWidth() <= tabs.voteView().getWidth(), "the ledgers fit the view: " + ledgerCanvas.getWidth()
                + " of " + tabs.voteView().getWidth());

        // a typed weight changes the step-through's copy, never the caller's network
        float original = ((ConvLayer) net.layers().get(0)).weight().value()[0];
        robot.interact(() -> tabs.session().setWeight(0, 0, 0, 0, 0, original + 1));
        assertEquals(original, ((ConvLayer) net.layers().get(0)).weight().value()[0], 0f);
        assertNotSame(net, tabs.session().network());

        robot.interact(() -> tabs.openLesson());
        assertTrue(tabs.title().startsWith("X/O lesson"), tabs.title());
        assertEquals(7, tabs.convView().outputGrid().rows());
        assertEquals(tabs.lessonSession(), tabs.session());
        assertFalse(tab("tabPool").isDisable());
    }

    @Test
    void aNetWithoutPoolingDisablesThePoolingTab() {
        org.convlab.model.NetworkSpec spec = new org.convlab.model.NetworkSpec(org.convlab.engine.Shape.of(1, 9, 9),
                java.util.List.of("a", "b"), Presets.get("xo").network().layers().stream()
                        .filter(l -> !(l instanceof org.convlab.model.PoolSpec))
                        // preset:xo's vote weights are for 48 pooled values: without pooling, drawn from the seed
                        .map(l -> l instanceof org.convlab.model.DenseSpec d ? d.withWeights(null, null) : l).toList());
        Network net = Network.build(spec, 3);
        robot.interact(() -> tabs.getSelectionModel().select(tab("tabPool")));
        robot.interact(() -> tabs.open(net, LessonNetwork.input(XoLesson.load().o()), true, "no pooling"));
        assertTrue(tab("tabPool").isDisable());
        assertEquals("tabMaps", tabs.getSelectionModel().getSelectedItem().getId());
        robot.interact(() -> tabs.openLesson());
    }
}
