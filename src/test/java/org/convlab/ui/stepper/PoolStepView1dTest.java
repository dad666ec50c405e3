package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.convlab.engine.Shape;
import org.convlab.io.onnx.OnnxImport;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.nn.Network;
import org.convlab.trace.PoolCell;
import org.convlab.trace.PoolStep;
import org.convlab.ui.maps.ValueGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pooling step-through on 1D nets (C x 1 x L maps): PyTorch's MaxPool1d(2) imported from
 * ONNX walks a 1 x 2 window along the single row, and a 1 x 3 pool with padding [0, 1] draws
 * padding columns left and right but no padding rows.
 */
class PoolStepView1dTest {
    private final FxRobot robot = new FxRobot();

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static PoolStepView show(Network net, float[] input) throws Exception {
        PoolStepView[] view = new PoolStepView[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view[0] = new PoolStepView(new StepperSession(net, input, false));
            s.setScene(new Scene(view[0], 1000, 600));
            s.sizeToScene();
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }

    private static float[] wave(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(0.7 * i + 0.3);
        }
        return x;
    }

    private String where() {
        return robot.lookup("#poolWhere").queryAs(Label.class).getText();
    }

    @Test
    void importedMaxPool1dWalksAOneByTwoWindowAlongTheRow() throws Exception {
        Path onnx = Path.of(PoolStepView1dTest.class.getResource("/onnx/conv1d.onnx").toURI());
        Network net = Network.build(OnnxImport.read(onnx, null), 0);
        PoolStepView view = show(net, wave(net.inputShape().size()));
        robot.interact(() -> view.controls().setStep(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(where().startsWith("Window 1 x 2, stride 2"), where());
        PoolStep step = view.trace().step(3);
        assertEquals(List.of(List.of(0, 6), List.of(0, 7)),
                step.cells().stream().map(c -> List.of(c.row(), c.col())).toList(), "output 3 pools input 6 and 7");
        ValueGrid in = view.inputGrid();
        assertEquals(1, in.rows());
        assertEquals(1, view.outputGrid().rows());
        // no padding ring and no overhang: the grid is one row of cells
        Rectangle2D first = in.cellBounds(0, 0);
        double gap = first.getMinX();
        assertEquals(gap + in.cols() * (first.getWidth() + gap), in.getWidth(), 1e-9);
        assertEquals(gap + (first.getHeight() + gap), in.getHeight(), 1e-9);
    }

    @Test
    void paddingOnlyOnTheColumnsDrawsNoPaddingRows() throws Exception {
        // 1 x 10 map, window 1 x 3, stride 2, padding [0, 1], ceil: ceil((10 - 3 + 2)/2) + 1 = 6 outputs;
        // the last window covers column 9, the pad column 10 and column 11 past it
        PoolSpec pool = new PoolSpec("pool1", PoolSpec.Kind.MAX, 1, 3, 2, Padding.of(0, 1), true);
        NetworkSpec spec = new NetworkSpec(Shape.of(1, 1, 10), List.of("a", "b"),
                List.of(pool, new FlattenSpec("flatten"), DenseSpec.of(2).withName("fc")));
        PoolStepView view = show(Network.build(spec, 3), wave(10));
        robot.interact(() -> view.controls().setStep(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(where().startsWith("Window 1 x 3, stride 2: a partial window at the edge, 1 of its cells"), where());
        assertEquals(List.of(PoolCell.Kind.REAL, PoolCell.Kind.PADDING, PoolCell.Kind.OUTSIDE),
                view.trace().step(5).cells().stream().map(PoolCell::kind).toList());
        ValueGrid in = view.inputGrid();
        assertEquals(6, view.outputGrid().cols());
        // one padding column on the left, none above: cell (0, -1) starts at the left edge, row 0 at the top
        Rectangle2D pad = in.cellBounds(0, -1);
        Rectangle2D real = in.cellBounds(0, 0);
        double gap = pad.getMinX();
        double pitch = real.getWidth() + gap;
        assertEquals(gap, real.getMinY(), 1e-9, "no padding row above the map");
        assertEquals(gap + pitch, real.getMinX(), 1e-9, "one padding column left of the map");
        // across: 10 cells + 2 padding columns + 1 column past the padding; down: 1 row + the overhang row
        assertEquals(gap + 13 * pitch, in.getWidth(), 1e-9);
        assertEquals(gap + 2 * pitch, in.getHeight(), 1e-9);
    }
}
