package org.convlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opening the files a user names (models, checkpoints, images, data, inputs), with one-line
 * reasons a student understands. Only regular files are read: a named pipe would block forever
 * and a device such as {@code /dev/zero} never ends, so both are refused before the first byte.
 */
public final class UserFiles {
    private UserFiles() {}

    /**
     * Checks that {@code file} is a regular file this process may read, and returns its length.
     *
     * @param what the kind of file for the message ("model file", "image")
     */
    public static long requireReadableFile(Path file, String what) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw problem(file, what, e);
        }
        if (attrs.isDirectory()) {
            throw new UserInputException(file + ": is a folder, expected a " + what);
        }
        if (!attrs.isRegularFile()) {
            throw new UserInputException(file + ": is not a regular file (a named pipe, socket or device),"
                    + " expected a " + what);
        }
        if (!Files.isReadable(file)) {
            throw new UserInputException(file + ": permission denied, cannot read the " + what);
        }
        return attrs.size();
    }

    /** Opens a checked regular file for reading. */
    public static InputStream open(Path file, String what) {
        requireReadableFile(file, what);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw problem(file, what, e);
        }
    }

    /**
     * The whole of a checked regular file, at most {@code maxBytes} long (larger files are
     * refused with both sizes before anything is read).
     */
    public static byte[] readAll(Path file, String what, long maxBytes) {
        long length = requireReadableFile(file, what);
        if (length > maxBytes) {
            throw new UserInputException(file + ": is " + MemoryGuard.size(length) + ", larger than the "
                    + MemoryGuard.size(maxBytes) + " a " + what + " may be");
        }
        MemoryGuard.require(length, "reading " + file, null);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw problem(file, what, e);
        } catch (OutOfMemoryError e) {
            throw MemoryGuard.refusal(length, "reading " + file, null);
        }
    }

    /** Decodes UTF-8 strictly: a file in another encoding is named, with the offset of the first bad byte. */
    public static String utf8(byte[] bytes, Path file, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new UserInputException(file + ": is not UTF-8 text, as a " + what + " must be"
                    + " (the first bad byte is near offset " + firstBadByte(bytes) + ")");
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": is not UTF-8 text, as a " + what + " must be");
        }
    }

    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** One line for an I/O failure on a user's file: the file, then the reason in plain words. */
    public static UserInputException problem(Path file, String what, IOException e) {
        return new UserInputException(file + ": " + reason(e) + (what == null ? "" : " (" + what + ")"), e);
    }

    /** The reason of an I/O failure in plain words ("no such file", "permission denied"). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "a loop of symbolic links";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            if (r.contains("Too many levels of symbolic links")) {
                return "a loop of symbolic links";
            }
            if (r.contains("No space left")) {
                return "the disk is full";
            }
            if (r.contains("Read-only file system")) {
                return "the disk is read-only";
            }
            if (r.contains("Not a directory")) {
                return "a part of the path is a file, not a folder";
            }
            if (r.contains("Is a directory")) {
                return "is a folder";
            }
            return r.toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
