package org.convlab.io.onnx;

import java.nio.file.Path;
import org.convlab.model.NetworkSpec;

/** Writes a ConvLab network as an ONNX model (skeleton: the ONNX export helper replaces this file). */
public final class OnnxExport {
    private OnnxExport() {}

    /**
     * Writes {@code spec} (every parameter inline) to {@code out} atomically: opset 13, input
     * {@code [N, C, H, W]} with a dynamic batch, the logits as output, class names and
     * preprocessing in metadata_props.
     */
    public static void write(NetworkSpec spec, Path out) {
        throw new UnsupportedOperationException("ONNX export is not built yet");
    }
}
