package org.convlab.data.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * A NumPy {@code .npy} file (format versions 1 to 3) holding a C-order little-endian float32
 * array ({@code '<f4'}). Other dtypes are refused with the fix ({@code arr.astype(np.float32)})
 * rather than converted silently.
 */
final class NpyInput {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyInput() {}

    static float[] read(Path file, Shape expected) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + name + ": " + e.getMessage());
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw new UserInputException(name + " is not a NumPy .npy file (it does not start with \\x93NUMPY)");
        }
        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buf.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new UserInputException(name + " is a truncated .npy file");
            }
            headerLength = buf.getInt(8);
            headerStart = 12;
        } else {
            throw new UserInputException(name + " uses .npy format version " + major + ", which ConvLab does not know (1 to 3)");
        }
        if (headerLength < 0 || headerStart + headerLength > bytes.length) {
            throw new UserInputException(name + " is a truncated .npy file (header runs past the end)");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, name, "descr");
        if (!descr.equals("<f4")) {
            throw new UserInputException(name + " holds " + describe(descr) + " values ('" + descr
                    + "'); ConvLab reads float32 .npy arrays ('<f4'): save it with arr.astype(np.float32)");
        }
        if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
            throw new UserInputException(name + " is stored in Fortran order; save it with np.ascontiguousarray(arr)");
        }
        long[] dims = parseShape(group(SHAPE, header, name, "shape"), name);
        InputShapes.check(name, dims, expected);
        int dataStart = headerStart + headerLength;
        long count = InputShapes.count(dims);
        if (bytes.length - dataStart < count * 4) {
            throw new UserInputException(name + " is truncated: shape needs " + count + " float32 values but the file holds "
                    + (bytes.length - dataStart) / 4);
        }
        float[] values = new float[(int) count];
        buf.position(dataStart);
        buf.asFloatBuffer().get(values);
        return values;
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
            try {
                dims[n++] = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new UserInputException(name + ": cannot read the .npy shape (" + text + ")");
            }
        }
        if (n == 0) {
            throw new UserInputException(name + " holds a single number (shape ()), not an array of the model's input shape");
        }
        return java.util.Arrays.copyOf(dims, n);
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
