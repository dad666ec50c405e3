package org.convlab.io.pytorch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.io.Safetensors;
import org.convlab.model.ActivationSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.Dims;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.model.SoftmaxSpec;
import org.convlab.train.InputPreparation;

/**
 * Writes a PyTorch project for a network: {@code model.py} (the module), {@code weights.safetensors}
 * (its state_dict), {@code train.py} (single-process or DDP training on an image folder with
 * ConvLab's preprocessing), {@code convlab_io.py} (safetensors and image folders without extra
 * packages) and {@code README.md} (the commands).
 *
 * <p>Every file is written atomically (a temporary file, then a rename). The folder may be new,
 * empty, or a previous export (its {@code model.py} carries {@link #MARKER}): a teacher exports
 * again and again into the same folder, so a previous export is replaced file by file, and any
 * other file there is left alone. Any other non-empty folder is refused: the export would mix
 * its files with someone's project.
 */
public final class PytorchProject {
    /** The line that marks model.py as written by ConvLab. */
    static final String MARKER = "as a PyTorch module, exported by ConvLab.";
    static final List<String> FILES = List.of("model.py", "weights.safetensors", "train.py", "convlab_io.py", "README.md");

    private PytorchProject() {}

    /** Writes model.py, weights.safetensors, train.py and README.md into {@code dir} (every parameter inline in {@code spec}). */
    public static void write(NetworkSpec spec, Path dir) {
        write(spec, dir, null);
    }

    /**
     * As {@link #write(NetworkSpec, Path)}; {@code modelName} (nullable), e.g. {@code preset:lenet5}
     * or {@code digits.json}, is named in model.py and in the README's import command.
     */
    public static void write(NetworkSpec spec, Path dir, String modelName) {
        checkFolder(dir);
        List<TorchLayer> layers = TorchLayout.of(spec);
        Map<String, Safetensors.Source> tensors = StateDictTensors.of(layers);
        String model = ModelPy.write(spec, layers, modelName);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw UserFiles.problem(dir, "export folder", e);
        }
        Safetensors.writeSources(dir.resolve("weights.safetensors"), tensors, metadata(spec));
        save(dir.resolve("convlab_io.py"), Templates.text("convlab_io.py"));
        save(dir.resolve("train.py"), Templates.text("train.py"));
        save(dir.resolve("README.md"), readme(spec, modelName));
        save(dir.resolve("model.py"), model); // last: its marker says the export is complete
    }

    /** The name of the dense layer a different number of classes replaces (as ConvLab's train does), or null. */
    static String lastDense(NetworkSpec spec) {
        List<LayerSpec> layers = spec.layers();
        int i = layers.size() - 1;
        while (i >= 0 && (layers.get(i) instanceof SoftmaxSpec || layers.get(i) instanceof DropoutSpec
                || layers.get(i) instanceof ActivationSpec || layers.get(i) instanceof FlattenSpec)) {
            i--;
        }
        return i >= 0 && layers.get(i) instanceof DenseSpec d ? d.name() : null;
    }

    /** The model's preprocessing, or what ConvLab's eval uses for a model without one. */
    static Preprocessing preprocessing(NetworkSpec spec) {
        return spec.preprocessing() != null ? spec.preprocessing()
                : Preprocessing.of(InputPreparation.auto(spec.input()), "fit");
    }

    /** convlab.classes and convlab.preprocessing, as the ONNX export names them. */
    static Map<String, String> metadata(NetworkSpec spec) {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> meta = new LinkedHashMap<>();
        try {
            if (!spec.classes().isEmpty()) {
                meta.put("convlab.classes", json.writeValueAsString(spec.classes()));
            }
            Preprocessing p = spec.preprocessing();
            if (p != null) {
                ObjectNode node = json.createObjectNode().put("normalize", p.normalize()).put("resize", p.resize());
                if (p.mean() != null) {
                    var mean = node.putArray("mean");
                    var std = node.putArray("std");
                    for (int c = 0; c < p.mean().length; c++) {
                        mean.add(p.mean()[c]);
                        std.add(p.std()[c]);
                    }
                }
                meta.put("convlab.preprocessing", json.writeValueAsString(node));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialise", e);
        }
        meta.put("convlab.version", "1");
        return meta;
    }

    private static String readme(NetworkSpec spec, String modelName) {
        Dims in = Dims.of(spec.input());
        Preprocessing p = preprocessing(spec);
        int classes = spec.classes().isEmpty() ? -1 : spec.classes().size();
        return Templates.text("README.md")
                .replace("{{TITLE}}", modelName == null ? "A ConvLab network" : modelName)
                .replace("{{MODEL}}", modelName == null ? "(not named)" : modelName)
                .replace("{{MODEL_ARG}}", modelName == null ? "MODEL.json" : modelName)
                .replace("{{INPUT}}", in.channels() + " x " + in.height() + " x " + in.width() + " (channels x height x width)")
                .replace("{{CLASS_COUNT}}", classes < 0 ? "unnamed" : Integer.toString(classes))
                .replace("{{NORMALIZE}}", p.normalize())
                .replace("{{RESIZE}}", p.resize());
    }

    private static void save(Path file, String text) {
        try {
            ModelFiles.writeAtomically(file, text);
        } catch (IOException e) {
            throw UserFiles.problem(file, "export file", e);
        }
    }

    /** New, empty or a previous export; a file, or a folder holding something else, is refused. */
    static void checkFolder(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + " is a file: give a folder for the PyTorch project (it is created if missing)");
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                names.add(e.getFileName().toString());
                if (names.size() > 1000) {
                    break;
                }
            }
        } catch (IOException e) {
            throw UserFiles.problem(dir, "export folder", e);
        }
        if (names.isEmpty() || isPreviousExport(dir.resolve("model.py"))) {
            return;
        }
        names.sort(null);
        throw new UserInputException(dir + " already holds " + String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? " and more" : "") + ", and is not a ConvLab PyTorch export: give a new or empty"
                + " folder (a previous export is replaced)");
    }

    private static boolean isPreviousExport(Path modelPy) {
        if (!Files.isRegularFile(modelPy)) {
            return false;
        }
        try (var reader = Files.newBufferedReader(modelPy)) {
            String first = reader.readLine();
            return first != null && first.contains(MARKER);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
