package org.convlab.io.onnx;

import java.nio.file.Path;
import java.util.List;
import org.convlab.model.NetworkSpec;

/** Reads an ONNX classifier into a ConvLab network (skeleton: the ONNX import helper replaces this file). */
public final class OnnxImport {
    private OnnxImport() {}

    /**
     * The network in {@code file} with its weights. Class names come from metadata_props, else
     * {@code classes} (may be null or empty), else 0..K-1. Unsupported ops are refused naming them.
     */
    public static NetworkSpec read(Path file, List<String> classes) {
        throw new UnsupportedOperationException("ONNX import is not built yet");
    }
}
