package org.convlab.model;

import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * Walks a network from its input shape and states, for every layer, the output shape with the
 * size formula filled in, the receptive field and jump, and the parameter, activation and
 * multiply-add counts. A layer that does not fit throws {@link UserInputException} naming the
 * layer and showing the arithmetic.
 *
 * <p>Rules beyond the slides: dense on a C x H x W input flattens implicitly in C, H, W order;
 * softmax needs a flat input; conv and pool windows on a flat input must be 1x1 to fit.
 */
public final class ShapeInference {
    private ShapeInference() {}

    /** Receptive field (rows, columns of the network input) and jump reaching a layer. */
    record Field(int height, int width, int jump) {
        static final Field PIXEL = new Field(1, 1, 1);

        Field through(int kh, int kw, int stride) {
            return new Field(height + (kh - 1) * jump, width + (kw - 1) * jump, Math.multiplyExact(jump, stride));
        }
    }

    /** Every top-level layer of the network, in order. */
    public static List<LayerInfo> infer(NetworkSpec net) {
        return inferSequence(net.layers(), net.input(), Field.PIXEL);
    }

    /** The output shape of the whole network. */
    public static Shape outputShape(NetworkSpec net) {
        List<LayerInfo> infos = infer(net);
        return infos.get(infos.size() - 1).output();
    }

    static List<LayerInfo> inferSequence(List<LayerSpec> layers, Shape in, Field field) {
        List<LayerInfo> out = new ArrayList<>(layers.size());
        Shape shape = in;
        Field f = field;
        for (LayerSpec l : layers) {
            LayerInfo info = inferLayer(l, shape, f);
            out.add(info);
            shape = info.output();
            f = new Field(info.receptiveHeight(), info.receptiveWidth(), info.jump());
        }
        return out;
    }

    static LayerInfo inferLayer(LayerSpec l, Shape in, Field f) {
        try {
            return inferChecked(l, in, f);
        } catch (ArithmeticException e) {
            throw new UserInputException(l.label() + ": the sizes are too large to count (over 2^31 values in one tensor)");
        }
    }

    private static LayerInfo inferChecked(LayerSpec l, Shape in, Field f) {
        if (l instanceof ConvSpec c) {
            return conv(c, in, f);
        }
        if (l instanceof PoolSpec p) {
            return pool(p, in, f);
        }
        if (l instanceof DenseSpec d) {
            return dense(d, in, f);
        }
        if (l instanceof InceptionSpec i) {
            return CompositeInference.inception(i, in, f);
        }
        if (l instanceof ResidualSpec r) {
            return CompositeInference.residual(r, in, f);
        }
        if (l instanceof GlobalAvgPoolSpec || l instanceof FlattenSpec) {
            Shape out = l instanceof FlattenSpec ? Shape.flat(in.size()) : Shape.flat(in.channels());
            String formula = l instanceof FlattenSpec
                    ? in.channels() + "*" + in.height() + "*" + in.width() + " = " + in.size()
                    : in.height() + "x" + in.width() + " -> 1x1 (mean of each of " + in.channels() + " channels)";
            // flatten is a view of its input (no new values), so it counts as in place
            return simple(l, in, out, formula, f.through(in.height(), in.width(), 1), 0, 0, l instanceof FlattenSpec, null);
        }
        if (l instanceof BatchNormSpec b) {
            int c = in.channels();
            for (ParamData p : new ParamData[] {b.gamma(), b.beta(), b.runningMean(), b.runningVar()}) {
                if (p != null && !p.hasShape(c)) {
                    throw new UserInputException(l.label() + ": batchnorm tensors must have shape [" + c
                            + "] (one value per input channel), got " + java.util.Arrays.toString(p.shape()));
                }
            }
            return simple(l, in, in, "same shape", f, c, c, false, new int[] {c});
        }
        if (l instanceof SoftmaxSpec && !in.isFlat()) {
            throw new UserInputException(l.label() + ": softmax needs a flat input (class scores), got "
                    + in.toSlideString() + "; add flatten and dense before it");
        }
        boolean inPlace = l instanceof ActivationSpec || l instanceof DropoutSpec;
        return simple(l, in, in, "same shape", f, 0, 0, inPlace, null);
    }

    private static LayerInfo simple(LayerSpec l, Shape in, Shape out, String formula, Field f,
                                    long weights, long biases, boolean inPlace, int[] weightShape) {
        return new LayerInfo(l, in, out, null, formula, f.height(), f.width(), f.jump(), weights, biases,
                out.size(), 0, inPlace, weightShape, List.of());
    }

    private static LayerInfo conv(ConvSpec c, Shape in, Field f) {
        int[] pad = c.resolvedPadding();
        int kh = c.dilation() * (c.kernelHeight() - 1) + 1;
        int kw = c.dilation() * (c.kernelWidth() - 1) + 1;
        String filter = "the " + c.kernelHeight() + "x" + c.kernelWidth() + " filter"
                + (c.dilation() > 1 ? " (dilated to " + kh + "x" + kw + ")" : "");
        String input = "the " + in.height() + "x" + in.width() + " input";
        SizeFormula.Axis h = SizeFormula.conv(c.label(), filter, input, in.height(), kh, pad[0], c.stride(), c.floor());
        SizeFormula.Axis w = SizeFormula.conv(c.label(), filter, input, in.width(), kw, pad[1], c.stride(), c.floor());
        Shape out = Shape.of(c.filters(), h.size(), w.size());
        int[] wShape = {c.filters(), in.channels(), c.kernelHeight(), c.kernelWidth()};
        if (c.weight() != null && !c.weight().hasShape(wShape)) {
            throw new UserInputException(c.label() + ".weight: shape must be " + java.util.Arrays.toString(wShape)
                    + " for a " + in.channels() + "-channel input, got " + java.util.Arrays.toString(c.weight().shape()));
        }
        long perFilter = (long) in.channels() * c.kernelHeight() * c.kernelWidth();
        long weights = perFilter * c.filters();
        long macs = (long) out.size() * perFilter;
        boolean oneD = in.height() == 1 && kh == 1 && pad[0] == 0;
        return new LayerInfo(c, in, out, pad, SizeFormula.join(h, w, oneD), f.height() + (kh - 1) * f.jump(),
                f.width() + (kw - 1) * f.jump(), Math.multiplyExact(f.jump(), c.stride()), weights,
                c.bias() ? c.filters() : 0, out.size(), macs, false, wShape, List.of());
    }

    private static LayerInfo pool(PoolSpec p, Shape in, Field f) {
        int[] pad = p.resolvedPadding();
        String input = "the " + in.height() + "x" + in.width() + " input";
        SizeFormula.Axis h = SizeFormula.pool(p.label(), input, in.height(), p.windowHeight(), pad[0], p.stride(), p.ceil());
        SizeFormula.Axis w = SizeFormula.pool(p.label(), input, in.width(), p.windowWidth(), pad[1], p.stride(), p.ceil());
        Shape out = Shape.of(in.channels(), h.size(), w.size());
        Field g = f.through(p.windowHeight(), p.windowWidth(), p.stride());
        boolean oneD = in.height() == 1 && p.windowHeight() == 1 && pad[0] == 0;
        return new LayerInfo(p, in, out, pad, SizeFormula.join(h, w, oneD), g.height(), g.width(), g.jump(),
                0, 0, out.size(), 0, false, null, List.of());
    }

    private static LayerInfo dense(DenseSpec d, Shape in, Field f) {
        int inputs = in.size();
        int[] wShape = {d.units(), inputs};
        if (d.weight() != null && !d.weight().hasShape(wShape)) {
            throw new UserInputException(d.label() + ".weight: shape must be " + java.util.Arrays.toString(wShape)
                    + " for an input of " + inputs + " values, got " + java.util.Arrays.toString(d.weight().shape()));
        }
        long weights = (long) d.units() * inputs;
        String formula = inputs + " -> " + d.units();
        Field g = f.through(in.height(), in.width(), 1);
        return new LayerInfo(d, in, Shape.flat(d.units()), null, formula, g.height(), g.width(), g.jump(),
                weights, d.bias() ? d.units() : 0, d.units(), weights, false, wShape, List.of());
    }
}
