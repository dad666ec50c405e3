package org.convlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * Walks a network from its input shape and states, for every layer, the output shape with the
 * size formula filled in, the receptive field and jump, and the parameter, activation and
 * multiply-add counts. A layer that does not fit throws {@link UserInputException} naming the
 * layer and showing the arithmetic.
 *
 * <p>All sizes are {@code long} and exact: a model far too large to allocate is still counted
 * (a dim may exceed 2^31); only a count past 2^63 is refused, naming the layer. Whether a tensor
 * can be allocated is asked later, by {@link LayerInfo#output()}, when a network is built.
 *
 * <p>Rules beyond the slides: dense on a C x H x W input flattens implicitly in C, H, W order;
 * softmax needs a flat input; conv and pool windows on a flat input must be 1x1 to fit.
 */
public final class ShapeInference {
    private ShapeInference() {}

    /** Receptive field (rows, columns of the network input) and jump reaching a layer. */
    record Field(long height, long width, long jump) {
        static final Field PIXEL = new Field(1, 1, 1);

        /** A window of {@code kh x kw} at {@code stride}: rf grows by (k - 1) * jump, jump multiplies. */
        Field through(long kh, long kw, long stride) {
            return new Field(Math.addExact(height, Math.multiplyExact(kh - 1, jump)),
                    Math.addExact(width, Math.multiplyExact(kw - 1, jump)), Math.multiplyExact(jump, stride));
        }
    }

    /** Every top-level layer of the network, in order. */
    public static List<LayerInfo> infer(NetworkSpec net) {
        return inferSequence(net.layers(), Dims.of(net.input()), Field.PIXEL);
    }

    /**
     * Every layer of {@code layers} on an input of {@code in} (which may be too large to allocate),
     * named and checked as a {@link NetworkSpec} would name and check them.
     */
    public static List<LayerInfo> infer(Dims in, List<LayerSpec> layers) {
        if (in.channels() <= Integer.MAX_VALUE && in.height() <= Integer.MAX_VALUE && in.width() <= Integer.MAX_VALUE) {
            Shape shape = Shape.of((int) in.channels(), (int) in.height(), (int) in.width());
            return infer(new NetworkSpec(shape, List.of(), layers));
        }
        return inferSequence(Naming.assign(layers, ""), in, Field.PIXEL); // after a layer wider than 2^31 - 1
    }

    /** The output shape of the whole network (refused when it cannot be one tensor). */
    public static Shape outputShape(NetworkSpec net) {
        List<LayerInfo> infos = infer(net);
        return infos.get(infos.size() - 1).output();
    }

    static List<LayerInfo> inferSequence(List<LayerSpec> layers, Dims in, Field field) {
        List<LayerInfo> out = new ArrayList<>(layers.size());
        Dims shape = in;
        Field f = field;
        for (LayerSpec l : layers) {
            LayerInfo info = inferLayer(l, shape, f);
            out.add(info);
            shape = info.outputDims();
            f = new Field(info.receptiveHeight(), info.receptiveWidth(), info.jump());
        }
        return out;
    }

    static LayerInfo inferLayer(LayerSpec l, Dims in, Field f) {
        try {
            return inferChecked(l, in, f);
        } catch (ArithmeticException e) {
            throw new UserInputException("layer " + l.label() + ": its sizes are too large to count: a count passes "
                    + "2^63 (9,223,372,036,854,775,807), the most a 64-bit number holds; use smaller sizes");
        }
    }

    private static LayerInfo inferChecked(LayerSpec l, Dims in, Field f) {
        if (l instanceof ConvSpec c) {
            return conv(c, in, f);
        }
        if (l instanceof PoolSpec p) {
            return pool(p, in, f);
        }
        if (l instanceof DenseSpec d) {
            return dense(d, in, f);
        }
        if (l instanceof ConvTransposeSpec t) {
            return TransposedInference.convTranspose(t, in, f);
        }
        if (l instanceof UpsampleSpec u) {
            return TransposedInference.upsample(u, in, f);
        }
        if (l instanceof InceptionSpec i) {
            return CompositeInference.inception(i, in, f);
        }
        if (l instanceof ResidualSpec r) {
            return CompositeInference.residual(r, in, f);
        }
        if (l instanceof GlobalAvgPoolSpec || l instanceof FlattenSpec) {
            Dims out = l instanceof FlattenSpec ? Dims.flat(in.count()) : Dims.flat(in.channels());
            String formula = l instanceof FlattenSpec
                    ? in.channels() + "*" + in.height() + "*" + in.width() + " = " + in.count()
                    : in.height() + "x" + in.width() + " -> 1x1 (mean of each of " + in.channels() + " channels)";
            // flatten is a view of its input (no new values), so it counts as in place
            return simple(l, in, out, formula, f.through(in.height(), in.width(), 1), 0, 0, l instanceof FlattenSpec, null);
        }
        if (l instanceof BatchNormSpec b) {
            long c = in.channels();
            for (ParamData p : new ParamData[] {b.gamma(), b.beta(), b.runningMean(), b.runningVar()}) {
                if (p != null && !hasShape(p, c)) {
                    throw new UserInputException(l.label() + ": batchnorm tensors must have shape [" + c
                            + "] (one value per input channel), got " + Arrays.toString(p.shape()));
                }
            }
            return simple(l, in, in, "same shape", f, c, c, false, new long[] {c});
        }
        if (l instanceof SoftmaxSpec && !in.isFlat()) {
            throw new UserInputException(l.label() + ": softmax needs a flat input (class scores), got "
                    + in.toSlideString() + "; add flatten and dense before it");
        }
        boolean inPlace = l instanceof ActivationSpec || l instanceof DropoutSpec;
        return simple(l, in, in, "same shape", f, 0, 0, inPlace, null);
    }

    private static LayerInfo simple(LayerSpec l, Dims in, Dims out, String formula, Field f,
                                    long weights, long biases, boolean inPlace, long[] weightShape) {
        return new LayerInfo(l, in, out, null, formula, f.height(), f.width(), f.jump(), weights, biases,
                out.count(), 0, inPlace, weightShape, List.of());
    }

    /** {@code out}, or a refusal showing its sizes and formula when its count passes a long. */
    static Dims counted(LayerSpec l, Dims out, String formula) {
        try {
            out.count();
            return out;
        } catch (ArithmeticException e) {
            throw new UserInputException("layer " + l.label() + ": its output " + org.convlab.MemoryGuard.count(out.channels())
                    + " x " + org.convlab.MemoryGuard.count(out.height()) + " x " + org.convlab.MemoryGuard.count(out.width())
                    + " (" + formula + ") has more values than a 64-bit number can count (9.2e18); use less padding or a smaller input");
        }
    }

    /** Whether a tensor from the model file has exactly these sizes. */
    static boolean hasShape(ParamData p, long... expected) {
        int[] s = p.shape();
        if (s.length != expected.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (s[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Concrete [ph, pw] in longs: 'same' is (F - 1)/2 on the effective kernel d*(K - 1) + 1,
     * which for a large dilation does not fit an int (ConvSpec has refused an even one already).
     */
    static long[] padding(Padding p, long kh, long kw, long dilation) {
        return switch (p.kind()) {
            case VALID -> new long[] {0, 0};
            case EXPLICIT -> new long[] {p.rows(), p.cols()};
            case SAME -> new long[] {Math.multiplyExact(dilation, kh - 1) / 2, Math.multiplyExact(dilation, kw - 1) / 2};
        };
    }

    private static LayerInfo conv(ConvSpec c, Dims in, Field f) {
        long[] pad = padding(c.padding(), c.kernelHeight(), c.kernelWidth(), c.dilation());
        long kh = Math.multiplyExact((long) c.dilation(), c.kernelHeight() - 1) + 1;
        long kw = Math.multiplyExact((long) c.dilation(), c.kernelWidth() - 1) + 1;
        String filter = "the " + c.kernelHeight() + "x" + c.kernelWidth() + " filter"
                + (c.dilation() > 1 ? " (dilated to " + kh + "x" + kw + ")" : "");
        String input = "the " + in.height() + "x" + in.width() + " input";
        SizeFormula.Axis h = SizeFormula.conv(c.label(), filter, input, in.height(), kh, pad[0], c.stride(), c.floor());
        SizeFormula.Axis w = SizeFormula.conv(c.label(), filter, input, in.width(), kw, pad[1], c.stride(), c.floor());
        Dims out = counted(c, new Dims(c.filters(), h.size(), w.size()), SizeFormula.join(h, w, false));
        long[] wShape = {c.filters(), in.channels(), c.kernelHeight(), c.kernelWidth()};
        if (c.weight() != null && !hasShape(c.weight(), wShape)) {
            throw new UserInputException(c.label() + ".weight: shape must be " + Arrays.toString(wShape)
                    + " for a " + in.channels() + "-channel input, got " + Arrays.toString(c.weight().shape()));
        }
        long perFilter = Math.multiplyExact(Math.multiplyExact(in.channels(), (long) c.kernelHeight()), c.kernelWidth());
        long weights = Math.multiplyExact(perFilter, c.filters());
        long macs = Math.multiplyExact(out.count(), perFilter);
        boolean oneD = in.height() == 1 && kh == 1 && pad[0] == 0;
        Field g = f.through(kh, kw, c.stride());
        return new LayerInfo(c, in, out, pad, SizeFormula.join(h, w, oneD), g.height(), g.width(), g.jump(), weights,
                c.bias() ? c.filters() : 0, out.count(), macs, false, wShape, List.of());
    }

    private static LayerInfo pool(PoolSpec p, Dims in, Field f) {
        long[] pad = padding(p.padding(), p.windowHeight(), p.windowWidth(), 1);
        String input = "the " + in.height() + "x" + in.width() + " input";
        SizeFormula.Axis h = SizeFormula.pool(p.label(), input, in.height(), p.windowHeight(), pad[0], p.stride(), p.ceil());
        SizeFormula.Axis w = SizeFormula.pool(p.label(), input, in.width(), p.windowWidth(), pad[1], p.stride(), p.ceil());
        Dims out = counted(p, new Dims(in.channels(), h.size(), w.size()), SizeFormula.join(h, w, false));
        Field g = f.through(p.windowHeight(), p.windowWidth(), p.stride());
        boolean oneD = in.height() == 1 && p.windowHeight() == 1 && pad[0] == 0;
        return new LayerInfo(p, in, out, pad, SizeFormula.join(h, w, oneD), g.height(), g.width(), g.jump(),
                0, 0, out.count(), 0, false, null, List.of());
    }

    private static LayerInfo dense(DenseSpec d, Dims in, Field f) {
        long inputs = in.count();
        long[] wShape = {d.units(), inputs};
        if (d.weight() != null && !hasShape(d.weight(), wShape)) {
            throw new UserInputException(d.label() + ".weight: shape must be " + Arrays.toString(wShape)
                    + " for an input of " + inputs + " values, got " + Arrays.toString(d.weight().shape()));
        }
        long weights = Math.multiplyExact((long) d.units(), inputs);
        String formula = inputs + " -> " + d.units();
        Field g = f.through(in.height(), in.width(), 1);
        return new LayerInfo(d, in, Dims.flat(d.units()), null, formula, g.height(), g.width(), g.jump(),
                weights, d.bias() ? d.units() : 0, d.units(), weights, false, wShape, List.of());
    }
}
