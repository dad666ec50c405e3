package org.convlab.trace.learning;

import java.util.ArrayList;
import java.util.List;
import org.convlab.data.xo.XoLesson;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;

/** The X/O lesson's network and images for the learning tests, built as the lesson builds them. */
final class XoNets {
    private XoNets() {}

    /** preset:xo, as LessonNetwork builds it (seed 1; the preset leaves no weight to the seed). */
    static Network xo() {
        return Network.build(Presets.get("xo").network(), 1);
    }

    /** The lesson's canonical X as the network's input (ink +1, background -1). */
    static float[] lessonX() {
        return TrainingExample.ofGrid("x", "x", XoLesson.load().x(), List.of("X", "O")).image();
    }

    /** The raw bits of every parameter value, in parameter order. */
    static List<int[]> bits(Network net) {
        List<int[]> out = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            out.add(bits(p.value()));
        }
        return out;
    }

    static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
