package org.convlab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * Opening IDX files, gzipped or not (told apart by their first bytes, not their names), and
 * checking a header's promise against the data before anything is allocated: a header that
 * claims 2^31-1 labels in a 20-byte file is refused as truncated, not met with an array of
 * 2^31-1 labels. A plain file's length is known; a gzipped file's is not (its trailer stores the
 * size modulo 4 GB only, and only of its last member), so its data is counted by unzipping it,
 * up to the size the header claims and no further, which costs time but no memory.
 */
final class IdxFiles {
    private static final int BUFFER = 1 << 16;

    private IdxFiles() {}

    /** Whether the (regular, readable) file starts with the gzip signature. */
    static boolean gzipped(Path file) throws IOException {
        try (InputStream in = UserFiles.open(file, "file of IDX data")) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Opens a regular file for reading, unzipping it when it is gzipped. */
    static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(UserFiles.open(file, "file of IDX data"), BUFFER);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            raw = new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
        }
        return new DataInputStream(raw);
    }

    /**
     * Refuses, before any allocation, a file whose data is shorter than its header says: the
     * header ({@code headerBytes} long) promises {@code count} items of {@code itemBytes} each.
     *
     * @param items "images" or "labels", for the message
     */
    static void requireItems(Path file, long headerBytes, long count, long itemBytes, String items) {
        long needed = MemoryGuard.plus(headerBytes, MemoryGuard.times(count, itemBytes));
        long have;
        try {
            have = gzipped(file) ? unzippedLength(file, needed) : UserFiles.requireReadableFile(file, "file of IDX data");
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (have < needed) {
            long whole = Math.max(0, (have - headerBytes) / itemBytes);
            throw new UserInputException(file + " ends after " + MemoryGuard.count(whole) + " of its "
                    + MemoryGuard.count(count) + " " + items + " (its header promises " + bytes(needed)
                    + ", the data is " + bytes(have) + "): the file is truncated or its header is wrong"
                    + " (download it again)");
        }
    }

    /** "20 bytes" for small sizes, where "1 KB" would hide the number; the guard's units above. */
    private static String bytes(long n) {
        return n < (1 << 20) ? MemoryGuard.count(n) + " bytes" : MemoryGuard.size(n);
    }

    /** The unzipped length of a gzipped file, counted up to {@code atMost} bytes (more is not read). */
    private static long unzippedLength(Path file, long atMost) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (InputStream in = new GZIPInputStream(UserFiles.open(file, "file of IDX data"), BUFFER)) {
            while (total < atMost) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, atMost - total));
                if (n < 0) {
                    break;
                }
                total += n;
            }
            // read on to the end: only there does GZIPInputStream check the trailer's CRC and length,
            // so a file whose last bytes are cut off (data complete, trailer gone) is caught too
            while (total >= atMost && in.read(buffer) >= 0) {
                // the data past what the header promises is not needed, only its integrity
            }
        } catch (EOFException e) {
            if (total >= atMost) {
                throw new ZipException("cut short after its data, the gzip trailer is missing");
            }
            // a gzip stream cut short: what was unzipped so far is all the data there is
        }
        return total;
    }

    /** The refusal of a file that ended inside its header: a short plain file, or a gzip stream cut short. */
    static UserInputException headerCutShort(Path file, EOFException e) {
        if (e.getMessage() != null && e.getMessage().contains("ZLIB")) {
            return unreadable(file, e);
        }
        return new UserInputException(file + " is too short to hold an IDX header");
    }

    /** One line for an I/O failure while reading {@code file}. */
    static UserInputException unreadable(Path file, IOException e) {
        if (e instanceof ZipException) {
            return new UserInputException(file + " is a damaged gzip file (" + e.getMessage() + "): download it again");
        }
        if (e instanceof EOFException) {
            return new UserInputException(file + " ends before its data does: the file is truncated (download it again)");
        }
        return UserFiles.problem(file, "file of IDX data", e);
    }
}
