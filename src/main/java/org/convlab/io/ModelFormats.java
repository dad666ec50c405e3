package org.convlab.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.convlab.io.onnx.OnnxExport;
import org.convlab.io.onnx.OnnxImport;
import org.convlab.io.pytorch.PytorchProject;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.ModelSource;
import org.convlab.model.ResidualSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.nn.Network;
import org.convlab.nn.SpecExport;

/**
 * The one place that knows which file formats a MODEL can be: {@code preset:NAME}, a ConvLab
 * model file (JSON) or an ONNX file. The command line and the app open models through here, so an
 * {@code .onnx} file is accepted wherever a model is. Exports start here too: a model without
 * trained weights (a preset, a new stack) gets the weights its seed gives, as {@code forward} would.
 */
public final class ModelFormats {
    private ModelFormats() {}

    /** Whether {@code path} names an ONNX file (by its extension). */
    public static boolean isOnnx(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /** The network {@code model} names (class names from the file, else 0..K-1). */
    public static NetworkSpec load(String model) {
        return load(model, null);
    }

    /**
     * The network {@code model} names. For an ONNX file without class names in its metadata,
     * {@code classes} (nullable) names them; other formats carry their own.
     */
    public static NetworkSpec load(String model, List<String> classes) {
        if (isOnnx(model) && !model.startsWith("preset:")) {
            return OnnxImport.read(Path.of(model), classes);
        }
        return ModelSource.load(model);
    }

    /** {@code spec} with every parameter inline: missing ones initialised from {@code seed}. */
    public static NetworkSpec withAllWeights(NetworkSpec spec, long seed) {
        if (complete(spec.layers())) {
            return spec; // a trained VGG-16 is not built (and its 553 MB not copied) only to be written
        }
        Network net = Network.build(spec, seed);
        return net.initialisedWeights().isEmpty() ? spec : SpecExport.withWeights(net);
    }

    private static boolean complete(List<LayerSpec> layers) {
        for (LayerSpec l : layers) {
            boolean stored;
            if (l instanceof ConvSpec c) {
                stored = c.weight() != null && (!c.bias() || c.biasData() != null);
            } else if (l instanceof DenseSpec d) {
                stored = d.weight() != null && (!d.bias() || d.biasData() != null);
            } else if (l instanceof org.convlab.model.ConvTransposeSpec t) {
                stored = t.weight() != null && (!t.bias() || t.biasData() != null);
            } else if (l instanceof BatchNormSpec b) {
                stored = b.gamma() != null && b.beta() != null && b.runningMean() != null && b.runningVar() != null;
            } else if (l instanceof InceptionSpec i) {
                stored = i.branches().stream().allMatch(ModelFormats::complete);
            } else if (l instanceof ResidualSpec r) {
                stored = complete(r.branch()) && (!r.projection() || r.skip() != null && complete(r.skip()));
            } else {
                stored = true;
            }
            if (!stored) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code spec} as an ONNX model (weights missing from the spec come from {@code seed}). */
    public static void exportOnnx(NetworkSpec spec, long seed, Path out) {
        OnnxExport.write(withAllWeights(spec, seed), out);
    }

    /** Writes {@code spec} as a PyTorch project folder (weights missing from the spec come from {@code seed}). */
    public static void exportPytorch(NetworkSpec spec, long seed, Path dir) {
        exportPytorch(spec, seed, dir, null);
    }

    /**
     * As {@link #exportPytorch(NetworkSpec, long, Path)}; {@code modelName} (nullable: the MODEL
     * argument, e.g. {@code preset:lenet5}) is the one the project's README tells to import onto.
     */
    public static void exportPytorch(NetworkSpec spec, long seed, Path dir, String modelName) {
        PytorchProject.write(withAllWeights(spec, seed), dir, modelName);
    }
}
