package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values are checked where they enter: one line naming the file, the layer and the JSON path. */
class ModelFileValidationTest {
    private static final String INPUT = "{\"input\": {\"channels\": 1, \"height\": 1, \"width\": 3}, ";

    private static String error(String json) {
        String m = assertThrows(UserInputException.class, () -> ModelReader.read(json, "m.json")).getMessage();
        assertEquals(1, m.lines().count(), m);
        return m;
    }

    private static String dense(String tensor) {
        return INPUT + "\"layers\": [{\"type\": \"dense\", \"units\": 2}, {\"type\": \"dense\", \"name\": \"out\", "
                + "\"units\": 2, \"weight\": " + tensor + "}]}";
    }

    @Test
    void nanAndInfiniteWeightsAreRefusedWithTheLayerAndThePosition() {
        assertEquals("m.json: layers[1] (out).weight: value 3 of 4 is NaN (weights and statistics must be finite numbers)",
                error(dense("{\"shape\": [2, 2], \"data\": [1, 2, NaN, 4]}")));
        // how Jackson writes NaN in a readable tensor
        assertTrue(error(dense("{\"shape\": [2, 2], \"data\": [1, 2, \"NaN\", 4]}")).contains("value 3 of 4 is NaN"));
        // 1e39 does not fit a float
        assertTrue(error(dense("{\"shape\": [2, 2], \"data\": [1e39, 2, 3, 4]}")).contains("value 1 of 4 is +infinity"));
        // the bits of -infinity in base64: 00 00 80 ff
        assertTrue(error(dense("{\"shape\": [2, 1], \"base64\": \"AACAPwAAgP8=\"}")).startsWith(
                "m.json: layers[1] (out).weight: value 2 of 2 is -infinity"));
    }

    @Test
    void aNegativeRunningVarianceIsRefused() {
        assertEquals("m.json: layers[0] (bn).running_var: value 2 of 2 is -0.5, but a variance is never negative",
                error("{\"input\": {\"channels\": 2, \"height\": 2, \"width\": 2}, \"layers\": [{\"type\": \"batchnorm\", "
                        + "\"name\": \"bn\", \"running_var\": {\"shape\": [2], \"data\": [1, -0.5]}}]}"));
    }

    @Test
    void classNamesMustMatchTheOutputs() {
        assertEquals("m.json: classes: 3 class names, but the network has 2 outputs: give one name per output (or none)",
                error(INPUT + "\"classes\": [\"a\", \"b\", \"c\"], \"layers\": [{\"type\": \"dense\", \"units\": 2}]}"));
    }

    @Test
    void sizesOutsideTheIntRangeAreRefusedNotWrapped() {
        assertEquals("m.json: layers[1].weight.shape[1]: must be a positive integer up to 2147483647, got 18446744073709551617",
                error(dense("{\"shape\": [2, 18446744073709551617], \"data\": [1, 2]}")));
        assertEquals("m.json: layers[1].weight.shape[0]: must be a positive integer up to 2147483647, got 2147483648",
                error(dense("{\"shape\": [2147483648, 1], \"data\": [1, 2]}")));
        assertEquals("m.json: layers[0].units: must be a positive integer up to 2147483647, got 4294967297",
                error(INPUT + "\"layers\": [{\"type\": \"dense\", \"units\": 4294967297}]}"));
        assertTrue(error(dense("{\"shape\": [65536, 65536], \"data\": [1]}")).contains("more than one tensor can hold"));
    }

    @Test
    void base64WhoseLengthDoesNotMatchTheShapeIsNamed() {
        assertEquals("m.json: layers[1].weight.base64: holds 8 bytes (2 float32 values), but shape [2, 2] needs 16 bytes (4 values)",
                error(dense("{\"shape\": [2, 2], \"base64\": \"AACAPwAAgD8=\"}")));
        assertTrue(error(dense("{\"shape\": [2, 2], \"base64\": \"AAAAAAAA\"}")).contains("not a whole number of float32 values"));
        assertTrue(error(dense("{\"shape\": [2, 2], \"base64\": \"AA!A\"}"))
                .startsWith("m.json: layers[1].weight.base64: is not valid base64 (Illegal character '!'"));
        assertEquals("m.json: layers[1].weight.data[1]: must be a number, got \"two\"",
                error(dense("{\"shape\": [2, 2], \"data\": [1, \"two\", 3, 4]}")));
    }

    @Test
    void versionFormatAndTrailingData() {
        String ok = INPUT + "\"layers\": [{\"type\": \"relu\"}]}";
        assertEquals("m.json: version: this ConvLab reads version 1, got 99", error(ok.replace("{\"input\"", "{\"version\": 99, \"input\"")));
        assertTrue(error(ok.replace("{\"input\"", "{\"format\": \"onnx\", \"input\"")).startsWith("m.json: format: must be \"convlab-model\""));
        assertEquals("m.json: there is more after the end of the JSON model (line 2, column 1): a model file holds one JSON "
                + "object and nothing after it", error(ok + "\n{}"));
        assertTrue(error("[".repeat(300)).contains("nested more than 200 levels deep"));
    }

    @Test
    void filesThatAreNotModelsGetOnePlainLine(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, (INPUT + "\"classes\": [\"\u00e9t\u00e9\"], \"layers\": [{\"type\": \"dense\", \"units\": 1}]}")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(read(latin1).startsWith(latin1 + ": is not UTF-8 text, as a model file must be (line 1"), read(latin1));
        assertTrue(read(dir).contains("is a folder"));
        Path loop = dir.resolve("loop.json");
        Files.createSymbolicLink(loop, dir.resolve("loop2.json"));
        Files.createSymbolicLink(dir.resolve("loop2.json"), loop);
        assertEquals(loop + ": a loop of symbolic links (model file)", read(loop));
        assertEquals(dir.resolve("none.json") + ": no such model file", read(dir.resolve("none.json")));
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertTrue(read(zero).contains("is not a regular file"), read(zero));
    }

    @Test
    void aNamedPipeIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mk.waitFor() == 0);
        assertTrue(read(fifo).contains("is not a regular file (a named pipe"), read(fifo));
    }

    private static String read(Path file) {
        String m = assertThrows(UserInputException.class, () -> ModelFiles.read(file)).getMessage();
        assertEquals(1, m.lines().count(), m);
        return m;
    }
}
