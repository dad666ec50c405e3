package org.convlab.io.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.convlab.model.NetworkSpec;
import org.convlab.nn.Network;

/** The reference files of src/test/python/make_onnx_reference.py and ConvLab's forward on them. */
final class OnnxImportFiles {
    private OnnxImportFiles() {}

    static Path resource(String name) {
        try {
            return Path.of(OnnxImportFiles.class.getResource("/onnx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tensor of the values file: shape and values. */
    record Values(int[] shape, float[] data) {
        static Values of(JsonNode n) {
            int[] shape = new int[n.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = n.get("shape").get(i).asInt();
            }
            float[] data = new float[n.get("data").size()];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) n.get("data").get(i).asDouble();
            }
            return new Values(shape, data);
        }
    }

    static Values[] values(String net) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(resource(net + ".values.json").toFile());
        return new Values[] {Values.of(doc.get("input")), Values.of(doc.get("output"))};
    }

    /** ConvLab's output (logits, or probabilities after a final softmax) for the whole batch. */
    static float[] forward(NetworkSpec spec, Values input) {
        Network net = Network.build(spec, 0);
        return net.forward(input.data(), input.shape()[0], false).clone();
    }

    /**
     * The largest error of {@code got} against {@code want}, relative to the largest |value| of each
     * sample's output (so that a logit near 0 is judged on the scale of its sample's logits).
     */
    static double relativeError(float[] want, float[] got, int batch) {
        int k = want.length / batch;
        double worst = 0;
        for (int b = 0; b < batch; b++) {
            double scale = 0;
            for (int j = 0; j < k; j++) {
                scale = Math.max(scale, Math.abs(want[b * k + j]));
            }
            for (int j = 0; j < k; j++) {
                worst = Math.max(worst, Math.abs(got[b * k + j] - want[b * k + j]) / Math.max(scale, 1e-12));
            }
        }
        return worst;
    }
}
