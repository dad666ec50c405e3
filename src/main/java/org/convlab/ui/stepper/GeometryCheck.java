package org.convlab.ui.stepper;

import java.util.List;
import org.convlab.model.ConvSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.ShapeInference;
import org.convlab.nn.layers.ConvLayer;

/**
 * The editor's rule for the step-through's stride, padding and dilation spinners: the conv layer
 * with the values tried is put through the model's own shape inference, so a window that does not
 * fit is refused with the same arithmetic the editor shows ({@code (9 - 3)/4 + 1 = 2.5 is not a
 * whole number ...}), and rows are dropped only where the layer says {@code floor}, which is then
 * said in the size formula.
 */
final class GeometryCheck {
    private GeometryCheck() {}

    /**
     * The layer's size arithmetic with these values, e.g. {@code (9 - 3 + 2*0)/1 + 1 = 7}. Throws
     * {@link org.convlab.UserInputException} with the editor's message when the window does not fit.
     */
    static LayerInfo conv(ConvLayer layer, int stride, int padding, int dilation) {
        ConvSpec c = (ConvSpec) layer.spec();
        ConvSpec tried = new ConvSpec(c.name(), c.filters(), c.kernelHeight(), c.kernelWidth(), stride,
                Padding.of(padding), dilation, c.bias(), c.normalize(), null, null, c.floor());
        return ShapeInference.infer(new NetworkSpec(layer.inputShape(), List.of(), List.of(tried))).get(0);
    }

    /** The sentence under the output map: its size formula, and what a floor dropped (if it did). */
    static String describe(LayerInfo info, int stride, int padding, int dilation, int kernel, int inHeight) {
        int span = inHeight + 2 * padding - dilation * (kernel - 1) - 1;
        int dropped = span % stride - padding;
        String formula = "Output size: " + info.formula();
        if (span % stride == 0) {
            return formula;
        }
        return formula + (dropped > 0
                ? "; the layer says floor, so the last " + dropped + " input row(s) and column(s) are dropped"
                : "; only padding zeros are left over, so nothing of the input is dropped");
    }
}
