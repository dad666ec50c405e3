package org.convlab.io.pytorch;

import java.nio.file.Path;
import org.convlab.model.NetworkSpec;

/** Writes a PyTorch project for a network (skeleton: the PyTorch helper replaces this file). */
public final class PytorchProject {
    private PytorchProject() {}

    /** Writes model.py, weights.safetensors, train.py and README.md into {@code dir} (every parameter inline in {@code spec}). */
    public static void write(NetworkSpec spec, Path dir) {
        throw new UnsupportedOperationException("PyTorch export is not built yet");
    }
}
