package org.convlab.ui.stepper;

import javafx.scene.Parent;
import javafx.scene.layout.Pane;
import org.convlab.engine.PoolGeometry;

/**
 * Builds one view of the Backward tab for the {@code render} command: the tab itself
 * ({@link BackwardView}) is built on the session and label, so its backward pass, its learning
 * steps and their re-tracing are the app's own; then the one view asked for is set up and handed
 * back on its own (without the tab's label and view buttons, which a figure would not show).
 * Arguments are checked by the command first (layer kinds, channel, weight, step).
 */
final class BackwardFigure {
    private BackwardFigure() {}

    /**
     * The view {@code view} of the Backward tab: {@code layer} (-1 for the learning step: the view's default),
     * {@code channel} for pooling and ReLU (for a dense layer its unit), {@code step} the pooling window (row by row) or the
     * conv weight's window (its count of terms: the finished sum and its divisor).
     */
    static Parent build(StepperSession session, ViewRenderer.View view, int layer, int channel, int step,
                        ViewRenderer.Backward b) {
        BackwardView tab = new BackwardView(session, b.label());
        tab.setLabel(b.label());
        tab.setShowing(true); // the backward pass runs now and every view draws from it
        BackwardPart part = switch (view) {
            case BACKWARD_LOSS -> tab.loss;
            case BACKWARD_DENSE -> {
                tab.dense.select(layer);
                tab.dense.selectUnit(channel);
                yield tab.dense;
            }
            case BACKWARD_POOL -> {
                if (layer >= 0) {
                    tab.pool.select(layer, channel);
                }
                PoolGeometry g = tab.tracer().pool(tab.pool.layer).geometry();
                tab.pool.follow(step / g.outWidth(), step % g.outWidth());
                yield tab.pool;
            }
            case BACKWARD_RELU -> {
                if (layer >= 0) {
                    tab.relu.select(layer, channel);
                }
                yield tab.relu;
            }
            case BACKWARD_CONV -> {
                int[] w = b.weight();
                if (w == null) {
                    tab.conv.configure(layer, 0, 0, -1, -1); // the view's own default: filter 0's centre
                } else {
                    tab.conv.configure(layer, w[0], w[1], w[2], w[3]);
                }
                tab.conv.controls().setStep(step);
                yield tab.conv;
            }
            case LEARNING_STEP -> {
                if (layer >= 0) {
                    tab.learning.selectLayer(session.network().layers().get(layer).name());
                }
                if (!Double.isNaN(b.learningRate())) {
                    tab.learning.setRate(b.learningRate());
                }
                for (int k = 0; k < b.steps(); k++) {
                    tab.learning.takeStep(); // the tab traces again after each, as in the app
                }
                yield tab.learning;
            }
            default -> throw new IllegalArgumentException(view + " is not a Backward view");
        };
        if (part.getParent() instanceof Pane holder) {
            holder.getChildren().remove(part); // the view shown first (the loss) sits in the tab
        }
        return part;
    }
}
