package org.convlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.io.Safetensors.FloatTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the format's reference implementation (the `safetensors` package, through
 * src/test/python/make_safetensors_reference.py): ConvLab reads them to the values the script
 * states, and its writer, given the same tensors, writes the reference's bytes exactly.
 */
class SafetensorsReferenceTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SafetensorsReferenceTest.class.getResource("/io/" + name).toURI());
    }

    private static void assertBits(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "value " + i);
        }
    }

    /** The script's F32 tensors, stated again from its formulas. */
    private static Map<String, FloatTensor> f32Tensors() {
        float[] conv = new float[18];
        for (int i = 0; i < 18; i++) {
            conv[i] = (i - 9) * 0.375f;
        }
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        t.put("conv1.weight", new FloatTensor(new long[] {2, 1, 3, 3}, conv));
        t.put("fc.bias", new FloatTensor(new long[] {3}, new float[] {1.5f, -0.0f, 3.4028235e38f}));
        t.put("scale", new FloatTensor(new long[0], new float[] {-2.5f}));
        t.put("empty", new FloatTensor(new long[] {0}, new float[0]));
        t.put("Z.last", new FloatTensor(new long[] {2, 2}, new float[] {1f, 2f, 3f, 4f}));
        return t;
    }

    @Test
    void readsTheReferenceF32File() throws Exception {
        Safetensors.Contents c = Safetensors.read(resource("reference-f32.safetensors"));
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertEquals(List.of("Z.last", "conv1.weight", "empty", "fc.bias", "scale"), c.names());
        for (var e : f32Tensors().entrySet()) {
            assertArrayEquals(e.getValue().shape(), c.shape(e.getKey()), e.getKey());
            assertBits(e.getValue().values(), c.floats(e.getKey()));
        }
    }

    @Test
    void writesTheReferenceBytesExactly() throws Exception {
        Path mine = dir.resolve("mine.safetensors");
        Safetensors.write(mine, f32Tensors(), Map.of("format", "pt"));
        assertArrayEquals(Files.readAllBytes(resource("reference-f32.safetensors")), Files.readAllBytes(mine));
    }

    @Test
    void readsTheReferenceHalfAndDoubleFile() throws Exception {
        Safetensors.Contents c = Safetensors.read(resource("reference-mixed.safetensors"));
        assertEquals(Map.of(), c.metadata());
        // the reference orders data by dtype size, largest first, then by name
        assertEquals(List.of("double", "single", "half"), c.names());
        assertArrayEquals(new long[] {2, 3}, c.shape("half"));
        assertBits(new float[] {1f, -2f, 65504f, 0x1p-24f, -0.0f, 0.5f}, c.floats("half"));
        assertBits(new float[] {1.5f, (float) 0.1}, c.floats("double"));
        assertBits(new float[] {0.25f}, c.floats("single"));
    }

    @Test
    void readsTheBfloat16FileTorchWrote() throws Exception {
        Safetensors.Contents c = Safetensors.read(resource("reference-bf16.safetensors"));
        assertEquals(List.of("bf"), c.names());
        assertBits(new float[] {1f, -2f, 0.5f, 0x1p-133f}, c.floats("bf"));
    }
}
