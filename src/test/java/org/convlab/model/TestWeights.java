package org.convlab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic weights of every bit pattern a finite float can have (signs, subnormals, -0,
 * the largest values), regenerated on demand so that a test can check a model read back without
 * keeping the one it wrote.
 */
public final class TestWeights {
    private TestWeights() {}

    /** The value at {@code index} of tensor {@code tensor}: mixed bits, never NaN or infinite. */
    public static float value(int tensor, long index) {
        long z = (tensor * 0x9E3779B97F4A7C15L) ^ (index + 0x632BE59BD9B4E019L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        int bits = (int) (z ^ (z >>> 31));
        if ((bits & 0x7F800000) == 0x7F800000) {
            bits &= ~0x00800000; // exponent all ones would be NaN or infinity
        }
        return Float.intBitsToFloat(bits);
    }

    public static float[] values(int tensor, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = value(tensor, i);
        }
        return v;
    }

    /** {@code net} with weights and biases in every conv and dense layer (top level), tensor k numbered k. */
    public static NetworkSpec withWeights(NetworkSpec net) {
        List<LayerInfo> infos = ShapeInference.infer(net);
        List<LayerSpec> out = new ArrayList<>();
        int tensor = 0;
        for (int i = 0; i < net.layers().size(); i++) {
            LayerSpec l = net.layers().get(i);
            int inputs = infos.get(i).input().channels();
            if (l instanceof ConvSpec c) {
                int[] shape = {c.filters(), inputs, c.kernelHeight(), c.kernelWidth()};
                l = c.withWeights(new ParamData(shape, values(tensor++, c.filters() * inputs * c.kernelHeight() * c.kernelWidth())),
                        c.bias() ? new ParamData(new int[] {c.filters()}, values(tensor++, c.filters())) : null);
            } else if (l instanceof DenseSpec d) {
                int in = infos.get(i).input().size();
                l = d.withWeights(ParamData.adopt(new int[] {d.units(), in}, values(tensor++, d.units() * in)),
                        d.bias() ? new ParamData(new int[] {d.units()}, values(tensor++, d.units())) : null);
            }
            out.add(l);
        }
        return new NetworkSpec(net.input(), net.classes(), out, net.preprocessing());
    }

    /** Fails unless every conv and dense tensor of {@code net} holds exactly what {@link #withWeights} put there. */
    public static void check(NetworkSpec net) {
        int tensor = 0;
        for (LayerSpec l : net.layers()) {
            ParamData w = l instanceof ConvSpec c ? c.weight() : l instanceof DenseSpec d ? d.weight() : null;
            ParamData b = l instanceof ConvSpec c ? c.biasData() : l instanceof DenseSpec d ? d.biasData() : null;
            for (ParamData p : new ParamData[] {w, b}) {
                if (p == null) {
                    continue;
                }
                float[] v = p.values();
                for (int i = 0; i < v.length; i++) {
                    if (Float.floatToRawIntBits(v[i]) != Float.floatToRawIntBits(value(tensor, i))) {
                        throw new AssertionError(l.name() + " tensor " + tensor + " value " + i + ": " + v[i]
                                + " read back, " + value(tensor, i) + " written");
                    }
                }
                tensor++;
            }
        }
    }
}
