package org.convlab.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convlab.model.Presets;
import org.convlab.nn.Network;

/** Shared inputs of the trace tests: random tensors, the golden X/O file, the X/O preset network. */
final class TraceData {
    static final String[] FEATURES = {"diagonal_down", "cross", "diagonal_up"};

    private TraceData() {}

    static float[] random(int size, SplittableRandom rng) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return a;
    }

    static JsonNode resource(String path) {
        try (InputStream in = TraceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode golden() {
        return resource("/golden/xo-seed.json");
    }

    /** The canonical X exactly as the app's lesson file holds it. */
    static float[] lessonX() {
        return floats(resource("/org/convlab/xo/lesson.json").get("images").get("x"));
    }

    static Network xoNetwork(boolean reference) {
        Network net = Network.build(Presets.get("xo").network(), 7);
        net.setReference(reference);
        return net;
    }

    static float[] floats(JsonNode node) {
        List<Float> out = new ArrayList<>();
        collect(node, out);
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static void collect(JsonNode node, List<Float> out) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                collect(n, out);
            }
        } else {
            out.add(node.floatValue());
        }
    }
}
