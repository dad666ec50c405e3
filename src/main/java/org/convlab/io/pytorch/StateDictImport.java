package org.convlab.io.pytorch;

import java.nio.file.Path;
import org.convlab.model.NetworkSpec;

/** Puts a PyTorch state_dict (safetensors) onto a ConvLab architecture (skeleton: the PyTorch helper replaces this file). */
public final class StateDictImport {
    private StateDictImport() {}

    /** {@code architecture} with every tensor taken from {@code weights}, by PyTorch state_dict names. */
    public static NetworkSpec apply(NetworkSpec architecture, Path weights) {
        throw new UnsupportedOperationException("state_dict import is not built yet");
    }
}
