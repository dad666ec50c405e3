package org.convlab.model;

import java.nio.file.Path;

/**
 * Turns a command's MODEL argument into a network: {@code preset:NAME} for a built-in preset,
 * anything else is a model file path.
 */
public final class ModelSource {
    private ModelSource() {}

    public static NetworkSpec load(String model) {
        if (model == null || model.isBlank()) {
            throw new org.convlab.UserInputException("no model given: pass a model file or preset:NAME");
        }
        if (model.startsWith(Presets.PREFIX)) {
            return Presets.get(model.substring(Presets.PREFIX.length())).network();
        }
        return ModelFiles.read(Path.of(model));
    }
}
