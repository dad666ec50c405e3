package org.convlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.UserInputException;
import org.convlab.io.Safetensors.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing from buffers (no copy) and writing int64 counters (PyTorch's num_batches_tracked), with
 * the expected bytes spelled out from the format's description; and the streaming reader.
 */
class SafetensorsSourcesTest {
    @Test
    void aBufferViewAndAnInt64ScalarAreWrittenByteForByte(@TempDir Path dir) throws Exception {
        float[] backing = {9f, 1.5f, -2f, 9f};
        FloatBuffer view = FloatBuffer.wrap(backing, 1, 2).slice().asReadOnlyBuffer(); // the middle two values
        Map<String, Source> tensors = new LinkedHashMap<>();
        tensors.put("bn.num_batches_tracked", Source.i64(new long[0], 258L));
        tensors.put("bn.weight", Source.f32(new int[] {2}, view));
        Path file = dir.resolve("t.safetensors");
        Safetensors.writeSources(file, tensors, Map.of());
        assertEquals(0, view.position(), "the caller's buffer is not moved");

        String json = "{\"bn.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"bn.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}";
        int padded = (json.length() + 7) / 8 * 8;
        byte[] header = (json + " ".repeat(padded - json.length())).getBytes(StandardCharsets.UTF_8);
        byte[] data = SafetensorsFiles.bytes(
                2, 1, 0, 0, 0, 0, 0, 0,  // 258 = 0x0102, little endian
                0, 0, 0xc0, 0x3f,        // 1.5f = 0x3fc00000
                0, 0, 0, 0xc0);          // -2f = 0xc0000000
        assertArrayEquals(SafetensorsFiles.file(header, data), Files.readAllBytes(file));

        try (Safetensors.Reader r = Safetensors.open(file)) {
            assertEquals(List.of("bn.num_batches_tracked", "bn.weight"), r.names());
            assertEquals("I64", r.dtype("bn.num_batches_tracked"));
            float[] w = new float[2];
            r.readFloats("bn.weight", w);
            assertArrayEquals(new float[] {1.5f, -2f}, w);
            UserInputException e = assertThrows(UserInputException.class,
                    () -> r.readFloats("bn.num_batches_tracked", new float[1]));
            assertTrue(e.getMessage().contains("has dtype I64, but ConvLab reads only F32, F16, BF16 and F64 weights"));
        }
        // reading every tensor as floats refuses the counter, naming it, before allocating anything
        UserInputException e = assertThrows(UserInputException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().contains("tensor \"bn.num_batches_tracked\" has dtype I64"), e.getMessage());
    }

    @Test
    void aBufferThatDoesNotFitItsShapeOrHoldsNaNIsRefused(@TempDir Path dir) {
        Path file = dir.resolve("t.safetensors");
        UserInputException e = assertThrows(UserInputException.class, () -> Safetensors.writeSources(file,
                Map.of("w", Source.f32(new int[] {3}, FloatBuffer.wrap(new float[2]))), Map.of()));
        assertTrue(e.getMessage().contains("has shape [3] = 3 values, but 2 are given"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> Safetensors.writeSources(file,
                Map.of("w", Source.f32(new int[] {2}, FloatBuffer.wrap(new float[] {0, Float.NaN}))), Map.of()));
        assertTrue(e.getMessage().contains("value 1 is NaN"), e.getMessage());
        assertTrue(Files.notExists(file));
    }
}
