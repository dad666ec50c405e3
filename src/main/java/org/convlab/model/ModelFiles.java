package org.convlab.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.convlab.UserInputException;

/**
 * Model files on disk. Writing is atomic: the JSON goes to a temporary file in the same folder,
 * which is then renamed over the target, so a crash never leaves half a model behind.
 */
public final class ModelFiles {
    private ModelFiles() {}

    public static NetworkSpec read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserInputException(name + ": no such model file");
        } catch (IOException e) {
            throw new UserInputException(name + ": cannot read the model file (" + e.getMessage() + ")");
        }
        return ModelReader.read(text, name);
    }

    /** Writes the model (base64 tensors) atomically. */
    public static void write(Path file, NetworkSpec net) throws IOException {
        writeAtomically(file, ModelWriter.write(net));
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
     * a crash or a full disk never leaves half a file where the old one was (any file: models,
     * exported PNG and CSV, settings).
     */
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            content.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
