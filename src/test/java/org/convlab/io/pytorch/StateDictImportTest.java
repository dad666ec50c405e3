package org.convlab.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.io.Safetensors;
import org.convlab.io.Safetensors.Source;
import org.convlab.model.DenseSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What StateDictImport refuses, and how it fits an architecture to the classes train.py names. */
class StateDictImportTest {
    /** LeNet-5's state_dict, by hand: every tensor of the right shape, filled with {@code value}. */
    static Map<String, Source> lenetState(int classes, float value) {
        Map<String, Source> m = new LinkedHashMap<>();
        put(m, "conv1.weight", value, 6, 1, 5, 5);
        put(m, "conv1.bias", value, 6);
        put(m, "conv2.weight", value, 16, 6, 5, 5);
        put(m, "conv2.bias", value, 16);
        put(m, "conv3.weight", value, 120, 16, 5, 5);
        put(m, "conv3.bias", value, 120);
        put(m, "fc1.weight", value, 84, 120);
        put(m, "fc1.bias", value, 84);
        put(m, "fc2.weight", value, classes, 84);
        put(m, "fc2.bias", value, classes);
        return m;
    }

    static void put(Map<String, Source> m, String name, float value, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        m.put(name, Source.f32(shape, FloatBuffer.wrap(v)));
    }

    @Test
    void aHandWrittenStateDictLandsOnTheLayers(@TempDir Path dir) {
        Path file = dir.resolve("w.safetensors");
        Map<String, Source> state = lenetState(10, 0.25f);
        state.put("fc1.bias", Source.f32(new int[] {84}, FloatBuffer.wrap(range(84))));
        Safetensors.writeSources(file, state, Map.of());
        NetworkSpec spec = StateDictImport.apply(ModelFormats.load("preset:lenet5"), file);
        DenseSpec fc1 = (DenseSpec) spec.layer("fc1");
        assertEquals(83f, fc1.biasData().data()[83]);
        assertEquals(0.25f, fc1.weight().data()[120 * 84 - 1]);
        assertNull(spec.preprocessing());
    }

    static float[] range(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void missingExtraAndMisshapenTensorsAreAllNamedInOneLine(@TempDir Path dir) {
        Path file = dir.resolve("w.safetensors");
        Map<String, Source> state = lenetState(10, 0.1f);
        state.remove("conv1.bias");
        state.put("fc1.b", state.remove("fc1.bias"));
        put(state, "fc2.weight", 0.1f, 5, 84);
        state.put("conv2.num_batches_tracked", Source.i64(new long[0], 7)); // a counter is passed over
        Safetensors.writeSources(file, state, Map.of());
        UserInputException e = assertThrows(UserInputException.class,
                () -> StateDictImport.apply(ModelFormats.load("preset:lenet5"), file));
        assertEquals(file + " does not fit the model: missing conv1.bias [6]; missing fc1.bias [84];"
                + " fc2.weight is [5, 84] in the file but the model needs [10, 84]; extra fc1.b [84]", e.getMessage());
    }

    @Test
    void aLongListOfProblemsIsCutToOneReadableLine(@TempDir Path dir) {
        Path file = dir.resolve("empty.safetensors");
        Safetensors.writeSources(file, Map.of(), Map.of());
        UserInputException e = assertThrows(UserInputException.class,
                () -> StateDictImport.apply(ModelFormats.load("preset:vgg16"), file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file + " does not fit the model: missing conv1.weight [64, 3, 3, 3]; missing conv1.bias [64];"), m);
        assertTrue(m.matches(".*; and \\d+ more"), m);
        assertTrue(m.length() < 700, m);
        assertFalse(m.contains("\n"));
    }

    @Test
    void integersWhereAWeightBelongsAreRefused(@TempDir Path dir) {
        Path file = dir.resolve("w.safetensors");
        Map<String, Source> state = lenetState(10, 0.1f);
        state.put("conv1.bias", Source.i64(new long[] {6}, 1, 2, 3, 4, 5, 6));
        Safetensors.writeSources(file, state, Map.of());
        UserInputException e = assertThrows(UserInputException.class,
                () -> StateDictImport.apply(ModelFormats.load("preset:lenet5"), file));
        assertTrue(e.getMessage().contains("conv1.bias holds I64 integers, not weights"), e.getMessage());
    }

    @Test
    void theClassesAndPreprocessingTrainPyRecordsFitTheArchitecture(@TempDir Path dir) {
        // train.py on a 5-class folder gives fc2 five units and names the classes, as ConvLab's train does
        Path file = dir.resolve("trained.safetensors");
        Safetensors.writeSources(file, lenetState(5, 0.5f), Map.of(
                "convlab.classes", "[\"circle\", \"cross\", \"square\", \"star\", \"triangle\"]",
                "convlab.preprocessing", "{\"normalize\": \"symmetric\", \"resize\": \"crop\", \"mean\": null, \"std\": null}"));
        NetworkSpec spec = StateDictImport.apply(ModelFormats.load("preset:lenet5"), file);
        assertEquals(List.of("circle", "cross", "square", "star", "triangle"), spec.classes());
        assertEquals(5, ((DenseSpec) spec.layer("fc2")).units());
        assertEquals(0.5f, ((DenseSpec) spec.layer("fc2")).biasData().data()[4]);
        assertEquals(Preprocessing.of("symmetric", "crop"), spec.preprocessing());

        Path bad = dir.resolve("bad.safetensors");
        Safetensors.writeSources(bad, lenetState(10, 0.5f), Map.of("convlab.preprocessing", "{\"normalize\": \"sepia\"}"));
        UserInputException e = assertThrows(UserInputException.class,
                () -> StateDictImport.apply(ModelFormats.load("preset:lenet5"), bad));
        assertTrue(e.getMessage().startsWith(bad + ": metadata convlab.preprocessing.normalize: must be one of"), e.getMessage());
    }
}
