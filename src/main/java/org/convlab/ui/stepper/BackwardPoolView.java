package org.convlab.ui.stepper;

import java.util.ArrayList;
import java.util.List;
import org.convlab.engine.PoolGeometry;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.trace.backward.PoolRouting;

/**
 * Max-pool routing: each window's gradient goes whole to the cell that won the max (ties by the
 * engine's rule, {@link PoolRouting#TIE_RULE}), every other cell of the window gets 0; average
 * pooling shares it equally. Left the forward input with the winners marked, middle the gradient
 * arriving at the pooled map, right where it lands. Click a cell of the middle map to follow its
 * window. Ids: {@code #bpoolForward}, {@code #bpoolUpstream}, {@code #bpoolPassed},
 * {@code #bpoolRule}, {@code #bpoolDetail}, {@code #bpoolLayer}, {@code #bpoolChannel}.
 */
final class BackwardPoolView extends BackwardMaps {
    private int windowRow;
    private int windowCol;

    BackwardPoolView(StepperSession session) {
        super(session, "bpool", l -> l instanceof PoolLayer, "pooling");
        upstream.setOnCell((r, c) -> {
            windowRow = r;
            windowCol = c;
            redraw();
        });
    }

    @Override
    void select(int layerIndex, int channel) {
        windowRow = 0;
        windowCol = 0;
        super.select(layerIndex, channel);
    }

    /** Follows the window of pooled cell (row, col). */
    void follow(int row, int col) {
        windowRow = row;
        windowCol = col;
        redraw();
    }

    @Override
    void redraw() {
        if (tracer() == null || layer < 0) {
            return;
        }
        PoolRouting r = tracer().pool(layer);
        PoolGeometry g = r.geometry();
        int c = channel();
        int h = g.inHeight();
        int w = g.inWidth();
        int oh = g.outHeight();
        int ow = g.outWidth();
        windowRow = Math.min(windowRow, oh - 1);
        windowCol = Math.min(windowCol, ow - 1);
        float[] in = plane(r.input(), c, h, w);
        float[] up = plane(r.upstream(), c, oh, ow);
        float[] down = plane(r.inputGradient(), c, h, w);
        boolean[] winners = new boolean[h * w];
        if (r.max()) {
            for (int o = c * oh * ow; o < (c + 1) * oh * ow; o++) {
                winners[r.winner()[o] - c * h * w] = true;
            }
        }
        double cell = cellFor(Math.max(w, ow));
        fill(forward, in, h, w, cell, r.max() ? winners : null, this::exactCell);
        fill(upstream, up, oh, ow, cell, null);
        fill(passed, down, h, w, cell, r.max() ? winners : null);

        int o = (c * oh + windowRow) * ow + windowCol;
        int top = g.windowTop(windowRow);
        int left = g.windowLeft(windowCol);
        List<int[]> window = new ArrayList<>();
        for (int a = 0; a < g.windowHeight(); a++) {
            for (int b = 0; b < g.windowWidth(); b++) {
                window.add(new int[] {top + a, left + b});
            }
        }
        forward.setWindow(window);
        passed.setWindow(window);
        upstream.setHighlight(windowRow, windowCol);
        String name = session.network().layers().get(layer).name();
        if (r.max()) {
            int win = r.winner()[o] - c * h * w;
            forward.setHighlight(win / w, win % w);
            passed.setHighlight(win / w, win % w);
            forwardTitle.setText("Forward input (winners marked)");
            rule.setText("Max pooling: each window's gradient goes whole to the cell that won the max; the other cells"
                    + " of the window get 0. Tie rule: " + PoolRouting.TIE_RULE + ".");
            detail.setText("Window (" + windowRow + ", " + windowCol + "): max " + exact(in[win]) + " at (" + win / w + ", "
                    + win % w + "), which gets dL/dy = " + num(up[windowRow * ow + windowCol]) + "; the other "
                    + (window.size() - 1) + " cells get 0 from it. Click a cell of the middle map for another window.");
        } else {
            forward.clearHighlight();
            passed.clearHighlight();
            forwardTitle.setText("Forward input");
            int d = r.divisor()[o];
            rule.setText("Average pooling: each window shares its gradient equally, dL/dy / (cells in the window),"
                    + " among its cells.");
            detail.setText("Window (" + windowRow + ", " + windowCol + "): " + num(up[windowRow * ow + windowCol]) + " / "
                    + d + " = " + num(up[windowRow * ow + windowCol] / d) + " to each of its cells."
                    + " Click a cell of the middle map for another window.");
        }
        forward.draw();
        upstream.draw();
        passed.draw();
        upstreamTitle.setText("dL/d(" + name + " output)");
        passedTitle.setText("dL/d(" + name + " input)");
        afterDraw();
    }
}
