package org.convlab.io;

import static org.convlab.io.SafetensorsFiles.bytes;
import static org.convlab.io.SafetensorsFiles.file;
import static org.convlab.io.SafetensorsFiles.le16;
import static org.convlab.io.SafetensorsFiles.le32;
import static org.convlab.io.SafetensorsFiles.le64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written byte by byte from the format's description read back to exactly the values spelled out. */
class SafetensorsSpecTest {
    @TempDir
    Path dir;

    private Safetensors.Contents read(byte[] content) throws Exception {
        Path f = dir.resolve("spec.safetensors");
        Files.write(f, content);
        return Safetensors.read(f);
    }

    private static void assertBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "value " + i);
        }
    }

    @Test
    void handBuiltF32FileReadsBackExactly() throws Exception {
        // "b" comes first in the header but its data comes second: names() follows the data.
        String header = "{\"__metadata__\":{\"format\":\"pt\",\"note\":\"h\u00e9\"},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[16,20]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"empty\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[20,20]}}   "; // trailing spaces pad
        byte[] data = bytes(
                0x00, 0x00, 0xC0, 0x3F, // 1.5 = 0x3FC00000
                0x00, 0x00, 0x00, 0x80, // -0.0 = 0x80000000
                0xFF, 0xFF, 0x7F, 0x7F, // 3.4028235e38 = 0x7F7FFFFF, the largest float
                0x01, 0x00, 0x00, 0x00, // 1.4e-45 = 0x00000001, the smallest subnormal
                0x00, 0x00, 0x00, 0xC0); // -2.0 = 0xC0000000
        Safetensors.Contents c = read(file(header, data));
        assertEquals(Map.of("format", "pt", "note", "h\u00e9"), c.metadata());
        assertEquals(List.of("a", "b", "empty"), c.names());
        assertArrayEquals(new long[] {2, 2}, c.shape("a"));
        assertBits(new float[] {1.5f, -0.0f, 3.4028235e38f, Float.MIN_VALUE}, c.floats("a"));
        assertArrayEquals(new long[0], c.shape("b"));
        assertBits(new float[] {-2.0f}, c.floats("b"));
        assertArrayEquals(new long[] {0}, c.shape("empty"));
        assertEquals(0, c.floats("empty").length);
    }

    @Test
    void f16ValuesConvertExactly() throws Exception {
        // 1.0, -2.0, 65504 (largest half), 2^-24 (smallest subnormal), 1023 x 2^-24 (largest subnormal), -0.0, 2^-14 (smallest normal)
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[7],\"data_offsets\":[0,14]}}";
        Safetensors.Contents c = read(file(header, le16(0x3C00, 0xC000, 0x7BFF, 0x0001, 0x03FF, 0x8000, 0x0400)));
        assertBits(new float[] {1.0f, -2.0f, 65504.0f, 0x1p-24f, 1023 * 0x1p-24f, -0.0f, 0x1p-14f}, c.floats("h"));
    }

    @Test
    void bf16ValuesConvertExactly() throws Exception {
        // 1.0, -2.0, 2^-133 (smallest subnormal), 0x7F7F = (2 - 2^-7) x 2^127 (largest), 0.5
        String header = "{\"b\":{\"dtype\":\"BF16\",\"shape\":[5],\"data_offsets\":[0,10]}}";
        Safetensors.Contents c = read(file(header, le16(0x3F80, 0xC000, 0x0001, 0x7F7F, 0x3F00)));
        assertBits(new float[] {1.0f, -2.0f, 0x1p-133f, (2 - 0x1p-7f) * 0x1p127f, 0.5f}, c.floats("b"));
    }

    @Test
    void f64ValuesRoundToTheNearestFloat() throws Exception {
        // 1.5 exactly; 0.1 = 0x3FB999999999999A rounds to the float 0x3DCCCCCD; 2^-1074 underflows to 0
        String header = "{\"d\":{\"dtype\":\"F64\",\"shape\":[3],\"data_offsets\":[0,24]}}";
        Safetensors.Contents c = read(file(header, le64(0x3FF8000000000000L, 0x3FB999999999999AL, 1L)));
        assertBits(new float[] {1.5f, Float.intBitsToFloat(0x3DCCCCCD), 0.0f}, c.floats("d"));
    }

    @Test
    void dtypesMixInOneFile() throws Exception {
        String header = "{\"x\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]},"
                + "\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}}";
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(le16(0x3C00));
        data.writeBytes(le32(0x3FC00000));
        Safetensors.Contents c = read(file(header, data.toByteArray()));
        assertBits(new float[] {1.0f}, c.floats("x"));
        assertBits(new float[] {1.5f}, c.floats("y"));
    }

    @Test
    void halfConversionCoversEveryPatternLikeTheDefinition() {
        // every finite half against the definition (-1)^s x 2^(e-15) x (1 + m/1024), or 2^-14 x m/1024 for e = 0
        for (int bits = 0; bits < 0x10000; bits++) {
            int e = (bits >> 10) & 0x1f;
            if (e == 0x1f) {
                continue;
            }
            int m = bits & 0x3ff;
            double magnitude = e == 0 ? Math.scalb(m / 1024.0, -14) : Math.scalb(1 + m / 1024.0, e - 15);
            double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
            assertEquals(Float.floatToRawIntBits((float) expected), Float.floatToRawIntBits(SafetensorsDtype.halfToFloat(bits)),
                    "half 0x" + Integer.toHexString(bits));
        }
    }
}
