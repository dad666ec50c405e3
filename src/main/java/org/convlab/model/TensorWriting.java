package org.convlab.model;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;

/**
 * Writes a tensor's values into a streaming {@link JsonGenerator}: base64 of little-endian float32
 * (what ConvLab writes; exact, 5.3 characters per value) or a list of numbers. The base64 is
 * encoded from the float array a few kilobytes at a time, so a 400 MB layer never exists as one
 * byte array or one string.
 */
public final class TensorWriting {
    /** Standard alphabet, padding, no line breaks: what {@code java.util.Base64.getEncoder()} writes. */
    static final Base64Variant BASE64 = Base64Variants.MIME_NO_LINEFEEDS;

    private TensorWriting() {}

    /** Writes {@code values} as one base64 string value (the field name already written). */
    public static void base64(JsonGenerator g, float[] values) throws IOException {
        long bytes = (long) values.length * Float.BYTES;
        g.writeBinary(BASE64, new FloatBytes(values), bytes <= Integer.MAX_VALUE ? (int) bytes : -1);
    }

    /** Writes {@code values} as a JSON array of numbers (NaN and infinities as Jackson's strings). */
    public static void numbers(JsonGenerator g, float[] values) throws IOException {
        g.writeStartArray(null, values.length);
        for (float v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** The little-endian bytes of a float array, produced on demand (raw bits: NaN payloads survive). */
    static final class FloatBytes extends InputStream {
        private final float[] values;
        private long position; // in bytes

        FloatBytes(float[] values) {
            this.values = values;
        }

        @Override
        public int read() {
            if (position >= (long) values.length * Float.BYTES) {
                return -1;
            }
            int bits = Float.floatToRawIntBits(values[(int) (position >>> 2)]);
            int b = (bits >>> (8 * (int) (position & 3))) & 0xFF;
            position++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            long total = (long) values.length * Float.BYTES;
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - position);
            for (int i = 0; i < n; i++) {
                int bits = Float.floatToRawIntBits(values[(int) (position >>> 2)]);
                buf[off + i] = (byte) (bits >>> (8 * (int) (position & 3)));
                position++;
            }
            return n;
        }
    }
}
