package org.convlab.fuzz;

import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ParamData;

/** The versions of a model the kill test saves over each other: a dense layer of 1024x1024 (4 MB of floats). */
final class KillModels {
    static final int VERSIONS = 3;
    static final int SIDE = 32;
    static final int UNITS = 1024;

    private KillModels() {}

    /** Version {@code v}: every weight differs between versions, so a mix of two would be seen. */
    static NetworkSpec version(int v) {
        int in = SIDE * SIDE;
        float[] w = new float[UNITS * in];
        for (int i = 0; i < w.length; i++) {
            w[i] = ((i * 31L + v * 7919L) % 1000) / 1000f - 0.5f + v;
        }
        float[] b = new float[UNITS];
        for (int i = 0; i < UNITS; i++) {
            b[i] = v * 0.25f + i / 4096f;
        }
        DenseSpec fc = new DenseSpec("fc", UNITS, true, new ParamData(new int[] {UNITS, in}, w), new ParamData(new int[] {UNITS}, b));
        return new NetworkSpec(Shape.of(1, SIDE, SIDE), null, List.of(new FlattenSpec("flatten"), fc));
    }

    /** Which version {@code net} is, or -1 if none (bit for bit: the records compare every float's bits). */
    static int which(NetworkSpec net) {
        for (int v = 0; v < VERSIONS; v++) {
            if (version(v).equals(net)) {
                return v;
            }
        }
        return -1;
    }
}
