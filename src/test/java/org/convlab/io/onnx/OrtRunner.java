package org.convlab.io.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * ONNX Runtime as the independent reference: opens an exported file (ORT checks the model as it
 * loads it) and runs a batch through it. The environment is ORT's process-wide singleton; the
 * native library loads the first time it is asked for. One thread, to share the machine.
 */
final class OrtRunner implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;

    OrtRunner(Path model) throws OrtException {
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = env.createSession(model.toString(), options);
        }
    }

    OrtSession session() {
        return session;
    }

    /** The {@code logits} output for {@code batch} samples of {@code sample} shape [C, H, W], flattened. */
    float[] run(float[] x, int batch, int[] sample) throws OrtException {
        long[] shape = {batch, sample[0], sample[1], sample[2]};
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x, 0, batch * sample[0] * sample[1] * sample[2]), shape);
             OrtSession.Result r = session.run(Map.of(OnnxExportGraph.INPUT, in))) {
            OnnxTensor out = (OnnxTensor) r.get(OnnxExportGraph.OUTPUT).orElseThrow();
            long[] outShape = out.getInfo().getShape();
            if (outShape.length != 2 || outShape[0] != batch) {
                throw new AssertionError("logits shape " + java.util.Arrays.toString(outShape) + " for a batch of " + batch);
            }
            FloatBuffer b = out.getFloatBuffer();
            float[] values = new float[b.remaining()];
            b.get(values);
            return values;
        }
    }

    Map<String, String> metadata() throws OrtException {
        return session.getMetadata().getCustomMetadata();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
