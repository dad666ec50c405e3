package org.convlab.data.input;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * A NumPy {@code .npy} file (format versions 1 to 3) holding a C-order little-endian float32
 * array ({@code '<f4'}). Other dtypes are refused with the fix ({@code arr.astype(np.float32)})
 * rather than converted silently. The file is streamed: its header is read and checked (header
 * length, shape and data size against the file's length, in 64-bit arithmetic) before the one
 * array of values is allocated through the memory guard, so a 3 GB file or a header that claims
 * 2^31 bytes is refused in words, and NaN or infinite values are refused naming their index.
 */
final class NpyInput {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy writes headers of a few hundred bytes; a megabyte is no header but a damaged length. */
    static final long MAX_HEADER = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyInput() {}

    static float[] read(Path file, Shape expected) {
        String name = file.getFileName().toString();
        long length = UserFiles.requireReadableFile(file, ".npy file");
        try (InputStream in = UserFiles.open(file, ".npy file")) {
            byte[] start = new byte[12];
            int got = in.readNBytes(start, 0, (int) Math.min(12, length));
            if (got < 10 || !startsWithMagic(start)) {
                throw new UserInputException(name + " is not a NumPy .npy file (it does not start with \\x93NUMPY)");
            }
            int major = start[6];
            ByteBuffer prefix = ByteBuffer.wrap(start).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength;
            int headerStart;
            if (major == 1) {
                headerLength = Short.toUnsignedInt(prefix.getShort(8));
                headerStart = 10;
            } else if (major == 2 || major == 3) {
                if (got < 12) {
                    throw new UserInputException(name + " is a truncated .npy file (" + length + " bytes)");
                }
                headerLength = Integer.toUnsignedLong(prefix.getInt(8));
                headerStart = 12;
            } else {
                throw new UserInputException(name + " uses .npy format version " + major + ", which ConvLab does not know (1 to 3)");
            }
            if (headerStart + headerLength > length) {
                throw new UserInputException(name + " is a truncated .npy file: its header claims "
                        + MemoryGuard.count(headerLength) + " bytes, but the file holds " + (length - headerStart)
                        + " after the first " + headerStart);
            }
            if (headerLength > MAX_HEADER) {
                throw new UserInputException(name + ": its .npy header claims " + MemoryGuard.count(headerLength)
                        + " bytes, more than the " + MemoryGuard.size(MAX_HEADER) + " a header may take: the file is damaged");
            }
            byte[] headerBytes = new byte[(int) headerLength];
            System.arraycopy(start, headerStart, headerBytes, 0, Math.max(0, Math.min(got - headerStart, (int) headerLength)));
            int fromPrefix = Math.max(0, Math.min(got - headerStart, (int) headerLength));
            in.readNBytes(headerBytes, fromPrefix, (int) headerLength - fromPrefix);
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            String descr = group(DESCR, header, name, "descr");
            if (!descr.equals("<f4")) {
                throw new UserInputException(name + " holds " + describe(descr) + " values ('" + descr
                        + "'); ConvLab reads float32 .npy arrays ('<f4'): save it with arr.astype(np.float32)");
            }
            if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
                throw new UserInputException(name + " is stored in Fortran order (column major); save it with"
                        + " np.ascontiguousarray(arr)");
            }
            long[] dims = parseShape(group(SHAPE, header, name, "shape"), name);
            InputShapes.check(name, dims, expected);
            long count = InputShapes.count(dims);
            long dataBytes = length - headerStart - headerLength;
            long needed = MemoryGuard.times(count, Float.BYTES);
            if (dataBytes != needed) {
                throw new UserInputException(name + (dataBytes < needed ? " is truncated" : " has data after its array")
                        + ": its shape " + shapeText(dims) + " needs " + MemoryGuard.count(needed) + " bytes of float32 values,"
                        + " but the file holds " + MemoryGuard.count(dataBytes));
            }
            float[] values = MemoryGuard.floats(count, "the input " + name, "use a smaller input");
            readFloats(in, values, name);
            InputShapes.requireFinite(name, values, expected);
            return values;
        } catch (IOException e) {
            throw UserFiles.problem(file, ".npy file", e);
        }
    }

    /** Little-endian float32 values from the stream, in blocks (no second copy of the data). */
    private static void readFloats(InputStream in, float[] values, String name) throws IOException {
        byte[] block = new byte[1 << 16];
        ByteBuffer view = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        while (done < values.length) {
            int n = Math.min(block.length / Float.BYTES, values.length - done);
            if (in.readNBytes(block, 0, n * Float.BYTES) < n * Float.BYTES) {
                throw new EOFException(name + " ended while its values were read");
            }
            view.clear();
            view.asFloatBuffer().get(values, done, n);
            done += n;
        }
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String group(Pattern p, String header, String name, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new UserInputException(name + ": the .npy header has no readable '" + key + "' entry");
        }
        return m.group(1);
    }

    private static long[] parseShape(String text, String name) {
        String[] parts = text.split(",");
        long[] dims = new long[parts.length];
        int n = 0;
        for (String part : parts) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            long d;
            try {
                d = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new UserInputException(name + ": cannot read the .npy shape (" + shorten(text) + "): each size must be"
                        + " a whole number up to " + MemoryGuard.count(Long.MAX_VALUE));
            }
            if (d < 0) {
                throw new UserInputException(name + ": the .npy shape (" + shorten(text) + ") holds a negative size");
            }
            dims[n++] = d;
        }
        if (n == 0) {
            throw new UserInputException(name + " holds a single number (shape ()), not an array of the model's input shape");
        }
        return java.util.Arrays.copyOf(dims, n);
    }

    private static String shapeText(long[] dims) {
        return java.util.Arrays.toString(dims).replace('[', '(').replace(']', ')');
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String describe(String descr) {
        String kind = descr.length() > 1 ? descr.substring(1) : descr;
        return switch (kind) {
            case "f8" -> "float64";
            case "f2" -> "float16";
            case "f4" -> "big-endian float32";
            case "u1" -> "uint8";
            case "i1" -> "int8";
            case "i2" -> "int16";
            case "i4" -> "int32";
            case "i8" -> "int64";
            case "b1" -> "boolean";
            default -> "non-float32";
        };
    }
}
