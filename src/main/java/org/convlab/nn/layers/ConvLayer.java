package org.convlab.nn.layers;

import java.util.List;
import org.convlab.engine.Conv2d;
import org.convlab.engine.Conv2dReference;
import org.convlab.engine.ConvGeometry;
import org.convlab.engine.Dense;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.nn.Parameter;

/** 2D convolution: weight [F, C, KH, KW], optional bias [F], optional X/O normalize (divide by C*KH*KW). */
public final class ConvLayer extends Layer {
    private final ConvSpec conv;
    private final Parameter weight;
    private final Parameter bias;
    private final int[] padding;
    private ConvGeometry geometry;
    /**
     * A kernel covering the whole unpadded input (LeNet's conv3: 16x5x5 -> 120x1x1) is a dense
     * layer on the flattened input with the same weight layout, and the dense kernel runs it much
     * faster than im2col on one output position. The reference mode always runs the conv loops.
     */
    private final boolean denseEquivalent;

    ConvLayer(ConvSpec conv, Shape in, Shape out, Context ctx) {
        super(conv, in, out, ctx);
        this.conv = conv;
        this.padding = conv.resolvedPadding();
        this.weight = new Parameter(conv.name() + ".weight",
                new int[] {conv.filters(), in.channels(), conv.kernelHeight(), conv.kernelWidth()});
        this.bias = conv.bias() ? new Parameter(conv.name() + ".bias", new int[] {conv.filters()}) : null;
        this.denseEquivalent = conv.kernelHeight() == in.height() && conv.kernelWidth() == in.width()
                && padding[0] == 0 && padding[1] == 0 && conv.dilation() == 1 && !conv.normalize()
                && out.height() == 1 && out.width() == 1;
    }

    public Parameter weight() {
        return weight;
    }

    /** Null when the layer has no bias. */
    public Parameter bias() {
        return bias;
    }

    /** The kernel sizes of the current batch (for traces and benchmarks). */
    public ConvGeometry geometry() {
        return geometry;
    }

    @Override
    protected void onBatch(int batch) {
        int divisor = conv.normalize() ? in.channels() * conv.kernelHeight() * conv.kernelWidth() : 1;
        geometry = new ConvGeometry(batch, in.channels(), in.height(), in.width(), conv.filters(),
                conv.kernelHeight(), conv.kernelWidth(), conv.stride(), padding[0], padding[1], conv.dilation(), divisor);
    }

    @Override
    public void forward(float[] x, boolean training) {
        float[] b = bias == null ? null : bias.value();
        if (ctx.reference()) {
            Conv2dReference.forward(y, x, weight.value(), b, geometry);
        } else if (denseEquivalent) {
            Dense.forward(y, x, weight.value(), b, batch, in.size(), conv.filters());
        } else {
            Conv2d.forward(y, x, weight.value(), b, geometry);
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        float[] dB = bias == null ? null : bias.grad();
        if (ctx.reference()) {
            Conv2dReference.backward(dX, weight.grad(), dB, dY, x, weight.value(), geometry);
        } else if (denseEquivalent) {
            Dense.backward(dX, weight.grad(), dB, dY, x, weight.value(), batch, in.size(), conv.filters());
        } else {
            Conv2d.backward(dX, weight.grad(), dB, dY, x, weight.value(), geometry);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return Parameter.weightAndBias(weight, bias);
    }
}
