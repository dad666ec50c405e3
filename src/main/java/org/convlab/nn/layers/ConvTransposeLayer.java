package org.convlab.nn.layers;

import java.util.List;
import org.convlab.engine.ConvTranspose2d;
import org.convlab.engine.ConvTranspose2dReference;
import org.convlab.engine.ConvTransposeGeometry;
import org.convlab.engine.Shape;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.nn.Parameter;

/** Transposed convolution: weight [C_in, filters, KH, KW] (PyTorch's ConvTranspose2d layout), optional bias [filters]. */
public final class ConvTransposeLayer extends Layer {
    private final ConvTransposeSpec spec;
    private final Parameter weight;
    private final Parameter bias;
    private final int[] padding;
    private ConvTransposeGeometry geometry;

    ConvTransposeLayer(ConvTransposeSpec spec, Shape in, Shape out, Context ctx) {
        super(spec, in, out, ctx);
        this.spec = spec;
        this.padding = spec.resolvedPadding();
        this.weight = new Parameter(spec.name() + ".weight",
                new int[] {in.channels(), spec.filters(), spec.kernelHeight(), spec.kernelWidth()});
        this.bias = spec.bias() ? new Parameter(spec.name() + ".bias", new int[] {spec.filters()}) : null;
    }

    public Parameter weight() {
        return weight;
    }

    /** Null when the layer has no bias. */
    public Parameter bias() {
        return bias;
    }

    /** The sizes of the current batch (for traces). */
    public ConvTransposeGeometry geometry() {
        return geometry;
    }

    @Override
    protected void onBatch(int batch) {
        geometry = new ConvTransposeGeometry(batch, in.channels(), in.height(), in.width(), spec.filters(),
                spec.kernelHeight(), spec.kernelWidth(), spec.stride(), padding[0], padding[1], spec.outputPadRows(),
                spec.outputPadCols(), spec.dilation());
    }

    @Override
    public void forward(float[] x, boolean training) {
        float[] b = bias == null ? null : bias.value();
        if (ctx.reference()) {
            ConvTranspose2dReference.forward(y, x, weight.value(), b, geometry);
        } else {
            ConvTranspose2d.forward(y, x, weight.value(), b, geometry);
        }
    }

    @Override
    public void backward(float[] dX, float[] dY, float[] x) {
        float[] dB = bias == null ? null : bias.grad();
        if (ctx.reference()) {
            ConvTranspose2dReference.backward(dX, weight.grad(), dB, dY, x, weight.value(), geometry);
        } else {
            ConvTranspose2d.backward(dX, weight.grad(), dB, dY, x, weight.value(), geometry);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return Parameter.weightAndBias(weight, bias);
    }
}
