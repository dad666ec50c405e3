package org.convlab.io.onnx;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.ParamData;

/**
 * The initializers of conv, dense and batch-norm layers, checked against the input the layer
 * gets. Values are views of the spec's tensors (no copy). A missing conv or dense weight is
 * refused (the exporter writes trained or seeded weights, it does not invent them); a missing
 * bias or batch-norm tensor gets the value ConvLab's network uses for it (bias 0, gamma 1, beta 0,
 * running mean 0, running variance 1), so the file computes what {@code forward} computes.
 */
final class OnnxExportWeights {
    private OnnxExportWeights() {}

    static void conv(List<OnnxExportTensor> out, ConvSpec c, long channels) {
        long[] shape = {c.filters(), channels, c.kernelHeight(), c.kernelWidth()};
        out.add(required(c.name(), c.weight(), shape));
        if (c.bias()) {
            // after a normalize Div the bias is added by an Add node, so it broadcasts as [F, 1, 1]
            long[] dims = c.normalize() ? new long[] {c.filters(), 1, 1} : new long[] {c.filters()};
            out.add(optional(c.name() + ".bias", c.biasData(), c.filters(), 0f, dims));
        }
    }

    /** A transposed conv's weight [C_in, F, KH, KW] (PyTorch's and ONNX's layout) and bias [F]. */
    static void convTranspose(List<OnnxExportTensor> out, org.convlab.model.ConvTransposeSpec t, long channels) {
        out.add(required(t.name(), t.weight(), new long[] {channels, t.filters(), t.kernelHeight(), t.kernelWidth()}));
        if (t.bias()) {
            out.add(optional(t.name() + ".bias", t.biasData(), t.filters(), 0f, new long[] {t.filters()}));
        }
    }

    static void dense(List<OnnxExportTensor> out, DenseSpec d, long inputs) {
        out.add(required(d.name(), d.weight(), new long[] {d.units(), inputs}));
        if (d.bias()) {
            out.add(optional(d.name() + ".bias", d.biasData(), d.units(), 0f, new long[] {d.units()}));
        }
    }

    static void batchNorm(List<OnnxExportTensor> out, BatchNormSpec b, long channels) {
        long[] dims = {channels};
        out.add(optional(b.name() + ".weight", b.gamma(), channels, 1f, dims));
        out.add(optional(b.name() + ".bias", b.beta(), channels, 0f, dims));
        out.add(optional(b.name() + ".running_mean", b.runningMean(), channels, 0f, dims));
        out.add(optional(b.name() + ".running_var", b.runningVar(), channels, 1f, dims));
    }

    private static OnnxExportTensor required(String layer, ParamData w, long[] shape) {
        String name = layer + ".weight";
        if (w == null) {
            throw new UserInputException("layer " + layer + " has no weights to export; export it from a trained"
                    + " model, or let the export initialise them from a seed");
        }
        check(name, w, shape);
        return new OnnxExportTensor(name, shape, w.view());
    }

    private static OnnxExportTensor optional(String name, ParamData p, long size, float fill, long[] dims) {
        if (p == null) {
            float[] values = new float[Math.toIntExact(size)];
            Arrays.fill(values, fill);
            return new OnnxExportTensor(name, dims, FloatBuffer.wrap(values).asReadOnlyBuffer());
        }
        check(name, p, new long[] {size});
        return new OnnxExportTensor(name, dims, p.view());
    }

    private static void check(String name, ParamData p, long[] shape) {
        int[] got = p.shape();
        long[] have = Arrays.stream(got).asLongStream().toArray();
        if (!Arrays.equals(have, shape)) {
            throw new UserInputException(name + ": its shape " + Arrays.toString(got) + " does not fit the layer's input;"
                    + " it needs " + Arrays.toString(shape));
        }
    }
}
