package org.convlab.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helpers to read resource JSON and turn arrays into floats. */
final class Json {
    private Json() {}

    static JsonNode resource(String path) {
        try (InputStream in = Json.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All numbers of a (possibly nested) array, row major. */
    static float[] floats(JsonNode node) {
        java.util.List<Float> out = new java.util.ArrayList<>();
        collect(node, out);
        float[] f = new float[out.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = out.get(i);
        }
        return f;
    }

    private static void collect(JsonNode node, java.util.List<Float> out) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                collect(n, out);
            }
        } else {
            out.add((float) node.asDouble());
        }
    }
}
