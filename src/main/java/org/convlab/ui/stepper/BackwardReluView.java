package org.convlab.ui.stepper;

import org.convlab.engine.Shape;
import org.convlab.trace.backward.ReluGate;

/**
 * The ReLU gate: the gradient from above passes where the forward input was positive and is 0
 * where it was not ({@link ReluGate#RULE}). The forward input with the closed cells marked, the
 * gradient arriving, and the gradient passed, side by side. Ids: {@code #breluForward},
 * {@code #breluUpstream}, {@code #breluPassed}, {@code #breluRule}, {@code #breluDetail}.
 */
final class BackwardReluView extends BackwardMaps {
    BackwardReluView(StepperSession session) {
        super(session, "brelu", BackwardView::isRelu, "ReLU");
    }

    @Override
    void redraw() {
        if (tracer() == null || layer < 0) {
            return;
        }
        ReluGate gate = tracer().relu(layer);
        Shape s = gate.shape();
        int c = channel();
        float[] in = plane(gate.input(), c, s.height(), s.width());
        float[] up = plane(gate.upstream(), c, s.height(), s.width());
        float[] down = plane(gate.passed(), c, s.height(), s.width());
        boolean[] closed = new boolean[in.length];
        int blocked = 0;
        for (int i = 0; i < in.length; i++) {
            closed[i] = !gate.open(c * s.plane() + i);
            blocked += closed[i] ? 1 : 0;
        }
        double cell = cellFor(s.width());
        fill(forward, in, s.height(), s.width(), cell, closed, this::exactCell);
        fill(upstream, up, s.height(), s.width(), cell, null);
        fill(passed, down, s.height(), s.width(), cell, closed);
        String name = session.network().layers().get(layer).name();
        forwardTitle.setText("Forward input (closed gates marked)");
        upstreamTitle.setText("dL/d(" + name + " output)");
        passedTitle.setText("dL/d(" + name + " input)");
        rule.setText("ReLU's gate " + ReluGate.RULE + ".");
        detail.setText(blocked + " of " + in.length + " gates are closed (marked): their gradient is 0. The other "
                + (in.length - blocked) + " pass the gradient unchanged.");
        afterDraw();
    }
}
