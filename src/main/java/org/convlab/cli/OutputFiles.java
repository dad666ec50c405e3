package org.convlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * The files the command line writes (other than the trained model): checked before the work that
 * fills them, so a typo in {@code --out} costs nothing, and a write that fails all the same (a
 * full or read-only disk) is one line naming the file and the reason, never a stack trace.
 */
final class OutputFiles {
    private OutputFiles() {}

    /**
     * Refuses an output path that cannot become a file: empty, a folder, or under something that
     * is not a folder; or in a folder this process may not write. Missing folders are fine (the
     * write creates them).
     *
     * @param what what the file is, for the message ("the PNG of --out")
     */
    static void checkWritable(Path out, String what) {
        if (out.toString().isBlank()) {
            throw new UserInputException(what + ": the file name is empty");
        }
        Path target = out.toAbsolutePath();
        if (target.getFileName() == null || Files.isDirectory(target)) {
            throw UserFiles.problem(out, what, new FileSystemException(out.toString(), null, "Is a directory"));
        }
        Path ancestor = target.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return;
        }
        if (!Files.isDirectory(ancestor)) {
            throw UserFiles.problem(out, what, new NotDirectoryException(ancestor.toString()));
        }
        if (readOnlyDisk(ancestor)) {
            throw UserFiles.problem(out, what, new FileSystemException(ancestor.toString(), null, "Read-only file system"));
        }
        if (!Files.isWritable(ancestor)) {
            throw UserFiles.problem(out, what, new AccessDeniedException(ancestor.toString()));
        }
    }

    /**
     * Refuses a folder to write into that cannot be one: empty, a file, under a file, on a
     * read-only disk or not writable. A missing folder is fine (it is created).
     */
    static void checkFolder(Path folder, String what) {
        if (folder.toString().isBlank()) {
            throw new UserInputException(what + ": the folder name is empty");
        }
        Path target = folder.toAbsolutePath();
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw UserFiles.problem(folder, what, new NotDirectoryException(existing.toString()));
        }
        if (readOnlyDisk(existing)) {
            throw UserFiles.problem(folder, what, new FileSystemException(existing.toString(), null, "Read-only file system"));
        }
        if (!Files.isWritable(existing)) {
            throw UserFiles.problem(folder, what, new AccessDeniedException(existing.toString()));
        }
    }

    private static boolean readOnlyDisk(Path folder) {
        try {
            return Files.getFileStore(folder).isReadOnly();
        } catch (IOException e) {
            return false; // the write itself will say what is wrong
        }
    }

    /** The one line for a write to {@code out} that failed, from the I/O failure at the root of {@code e}. */
    static UserInputException failed(Path out, String what, Throwable e) {
        IOException io = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException i && !(t.getCause() instanceof IOException)) {
                io = i;
                break;
            }
            if (t instanceof IOException i) {
                io = i;
            }
        }
        if (io == null) {
            io = new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return UserFiles.problem(out, what, plainReason(io));
    }

    /**
     * java.io (ImageIO's stream) reports a full disk as a bare IOException with the system's words;
     * as a FileSystemException {@link UserFiles#reason} puts it in plain words.
     */
    static IOException plainReason(IOException e) {
        String m = e.getMessage();
        if (!(e instanceof FileSystemException) && m != null
                && (m.contains("No space left") || m.contains("Read-only file system") || m.contains("Disk quota"))) {
            return new FileSystemException(null, null, m.contains("Disk quota") ? "No space left (disk quota exceeded)" : m);
        }
        return e;
    }

    /** Runs a write, turning its I/O failures into the one line of {@link #failed}. */
    static void write(Path out, String what, Writer writer) {
        try {
            writer.write();
        } catch (IOException | UncheckedIOException e) {
            throw failed(out, what, e);
        }
    }

    @FunctionalInterface
    interface Writer {
        void write() throws IOException;
    }
}
