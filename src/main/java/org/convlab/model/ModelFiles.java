package org.convlab.model;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * Model files on disk: reading, writing, and the one atomic-write helper every saved file goes
 * through (models, checkpoints, PNG, CSV, settings).
 *
 * <p><b>One file is the whole model.</b> Weights stay inside the JSON as base64 little-endian
 * float32 rather than in a second file beside it (a {@code .safetensors} sidecar), because one
 * file can be replaced by one atomic rename: a kill at any moment leaves either the old model or
 * the new one. With two files, a kill between the two renames would pair new weights with an
 * old JSON, which reads fine and is silently wrong.
 *
 * <p><b>Any size.</b> Reading and writing stream: {@link TensorParser} decodes each base64 tensor
 * from the parser's buffer straight into its float array (never a string, so Jackson's limit of
 * 20 million characters on one string does not apply), and {@link ModelWriter} encodes each
 * tensor from its float array a few kilobytes at a time. The heap holds the weights once, plus
 * small buffers, while a file is read or written. Before reading, the file's size is compared
 * with the free heap (base64 decodes to 3/4 of its size in floats).
 *
 * <p><b>What is refused</b>, with one line naming the file and the JSON path: anything that is
 * not a regular file (a named pipe would block, {@code /dev/zero} never ends), text that is not
 * UTF-8, anything after the JSON, nesting deeper than {@link TensorParser#MAX_DEPTH}, NaN or
 * infinite weights and statistics, a negative running variance, class names that do not match
 * the outputs, sizes outside the int range, and base64 whose byte count does not match the shape.
 */
public final class ModelFiles {
    private ModelFiles() {}

    /** Reads a model file, streaming; every problem is a {@link UserInputException} of one line. */
    public static NetworkSpec read(Path file) {
        String name = file.toString();
        if (Files.notExists(file)) {
            throw new UserInputException(name + ": no such model file");
        }
        long length = UserFiles.requireReadableFile(file, "model file");
        // base64 is 4 characters per 3 bytes: the floats take about 3/4 of the file
        MemoryGuard.require(length / 4 * 3, "reading the model " + name, null);
        try (InputStream in = UserFiles.open(file, "model file");
             JsonParser p = new TensorParser(TensorParser.FACTORY.createParser(in), name, length, TensorParser.MODEL)) {
            return ModelReader.read(p, name);
        } catch (IOException e) {
            throw UserFiles.problem(file, "model file", e);
        } catch (OutOfMemoryError e) {
            throw MemoryGuard.refusal(length / 4 * 3, "reading the model " + name, null);
        }
    }

    /**
     * Writes the model (base64 tensors) atomically, streaming. A failure is a
     * {@link UserInputException}: "{@code FILE: cannot save the model (permission denied)}".
     */
    public static void write(Path file, NetworkSpec net) {
        try {
            writeAtomically(file, tmp -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                     JsonGenerator g = ModelWriter.FACTORY.createGenerator(out)) {
                    g.useDefaultPrettyPrinter();
                    ModelWriter.write(g, net, false);
                    g.writeRaw('\n');
                }
            });
        } catch (IOException e) {
            throw new UserInputException((file.toString().isEmpty() ? "''" : file) + ": cannot save the model ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes a model that must not be lost (a finished training run). If {@code target} cannot be
     * written, the model goes to a new file in the temp folder instead, and the
     * {@link UserInputException} names both paths and the reason, so that the caller reports
     * it (the command line exits with 2). If even that fails, the message says so.
     *
     * @param modelName the model's name for the fallback file ("lenet5", "my-net.json")
     */
    public static void writeOrRescue(Path target, NetworkSpec net, String modelName) {
        String reason;
        try {
            write(target, net);
            return;
        } catch (UserInputException e) {
            reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        }
        String shown = target.toString().isEmpty() ? "''" : target.toString();
        Path rescue = rescueFile(modelName);
        try {
            write(rescue, net);
        } catch (UserInputException e) {
            String second = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new UserInputException("could not save to " + shown + " (" + reason + "), nor to " + rescue + " ("
                    + second + "): the trained model is lost; free some space or choose another --out and train again");
        }
        throw new UserInputException("could not save to " + shown + " (" + reason + "); the trained model is safe in "
                + rescue);
    }

    /** A new file in the temp folder, named after the model and the time: convlab-lenet5-trained-20261207-031522.json. */
    static Path rescueFile(String modelName) {
        String base = modelName == null ? "model" : modelName.replaceFirst("^preset:", "");
        base = Path.of(base).getFileName() == null ? "model" : Path.of(base).getFileName().toString();
        base = base.replaceFirst("\\.json$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.length() > 60) {
            base = base.isEmpty() ? "model" : base.substring(0, 60);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path file = dir.resolve("convlab-" + base + "-trained-" + stamp + ".json");
        for (int i = 2; Files.exists(file); i++) {
            file = dir.resolve("convlab-" + base + "-trained-" + stamp + "-" + i + ".json");
        }
        return file;
    }

    /** Writes text to {@code file} through a temporary sibling file and a rename. */
    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Fills a temporary file with what is to be saved. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    /**
     * Writes {@code file} through a temporary sibling that {@code content} fills, then a rename, so
     * a crash, a kill or a full disk never leaves half a file where the old one was. The temporary
     * file is flushed to the disk before the rename and removed if anything fails; stale ones of a
     * killed earlier save to the same place are removed. The file gets the permissions it had
     * (or, new, those of the umask). If {@code file} is a symbolic link, the file it points to is
     * replaced and the link stays. Missing parent folders are created.
     *
     * @throws IOException whose message is the reason in plain words ("permission denied", "the
     *                     disk is full", "is a folder; give a file name inside it")
     */
    public static void writeAtomically(Path file, Content content) throws IOException {
        AtomicSave.write(file, content);
    }

    /**
     * About how many bytes the tensors of {@code layers} take in a model file: the values they
     * carry (weights, biases, batch-norm statistics, inner layers of blocks) as base64 float32.
     * A stack without stored values is a few hundred bytes however large its layers are. Saturates
     * instead of overflowing.
     */
    public static long tensorBytes(List<LayerSpec> layers) {
        return MemoryGuard.times(storedValues(layers), 4) / 3 * 4;
    }

    private static long storedValues(List<LayerSpec> layers) {
        long n = 0;
        for (LayerSpec l : layers) {
            n = MemoryGuard.plus(n, storedValues(l));
        }
        return n;
    }

    private static long storedValues(LayerSpec l) {
        if (l instanceof DenseSpec d) {
            return values(d.weight(), d.biasData());
        } else if (l instanceof ConvSpec c) {
            return values(c.weight(), c.biasData());
        } else if (l instanceof BatchNormSpec b) {
            return values(b.gamma(), b.beta(), b.runningMean(), b.runningVar());
        } else if (l instanceof ResidualSpec r) {
            return MemoryGuard.plus(storedValues(r.branch()), r.skip() == null ? 0 : storedValues(r.skip()));
        } else if (l instanceof InceptionSpec i) {
            long n = 0;
            for (List<LayerSpec> branch : i.branches()) {
                n = MemoryGuard.plus(n, storedValues(branch));
            }
            return n;
        }
        return 0;
    }

    private static long values(ParamData... tensors) {
        long n = 0;
        for (ParamData t : tensors) {
            n += t == null ? 0 : t.size();
        }
        return n;
    }
}
