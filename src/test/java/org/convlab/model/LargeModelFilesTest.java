package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tensor just over the size Jackson refuses as one string (4,194,304 weights: 22.4 million
 * base64 characters against the default limit of 20 million) is written and read back bit for
 * bit, through a file and through a string, and whatever the order of "shape" and "base64".
 */
class LargeModelFilesTest {
    static NetworkSpec bigDense() {
        // 1x64x64 input into 1024 units: 4,194,304 weights
        NetworkSpec bare = new NetworkSpec(Shape.of(1, 64, 64), List.of("a", "b"), List.of(DenseSpec.of(1024),
                new ActivationSpec(null, ActivationSpec.Kind.RELU, 0), DenseSpec.of(2)));
        return TestWeights.withWeights(bare);
    }

    @Test
    void aTensorOverTheOldStringLimitRoundTripsThroughAFile(@TempDir Path dir) throws Exception {
        NetworkSpec net = bigDense();
        Path file = dir.resolve("big.json");
        ModelFiles.write(file, net);
        long base64Chars = 4L * ((1024L * 4096 * 4 + 2) / 3);
        assertTrue(base64Chars > StreamReadConstraints.DEFAULT_MAX_STRING_LEN, "the test must exceed Jackson's default limit");
        assertTrue(Files.size(file) > base64Chars, "the weights are inline in the one file");
        NetworkSpec back = ModelFiles.read(file);
        TestWeights.check(back);
        assertEquals(net, back);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList()); // no temporary file left behind
        }
    }

    @Test
    void theSameThroughAString() {
        NetworkSpec net = bigDense();
        String text = ModelWriter.write(net);
        assertTrue(text.length() > StreamReadConstraints.DEFAULT_MAX_STRING_LEN);
        TestWeights.check(ModelReader.read(text, "big.json"));
    }

    @Test
    void base64BeforeTheShapeAndWithoutPaddingStillReads() {
        NetworkSpec net = TestWeights.withWeights(new NetworkSpec(Shape.of(1, 1, 5), List.of(), List.of(DenseSpec.of(1))));
        String text = ModelWriter.write(net);
        // move "shape" after "base64" (the values then go into chunks) and drop the padding of the weight
        String moved = text.replaceAll("\"shape\" : \\[ ([0-9, ]+) \\],\\s*\"base64\" : \"([A-Za-z0-9+/]+)=*\"",
                "\"base64\" : \"$2\", \"shape\" : [ $1 ]");
        assertTrue(!moved.equals(text) && moved.indexOf("\"base64\"") < moved.indexOf("\"shape\""), moved);
        assertEquals(net, ModelReader.read(moved, "m.json"));
    }

    @Test
    void anOldFileWithReadableNumbersAndBase64FromJavaUtilReads() {
        String weights = java.util.Base64.getEncoder().encodeToString(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0});
        NetworkSpec n = ModelReader.read("{\"input\": {\"channels\": 1, \"height\": 1, \"width\": 2}, \"layers\": ["
                + "{\"type\": \"dense\", \"units\": 1, \"weight\": {\"shape\": [1, 2], \"base64\": \"" + weights + "\"},"
                + " \"bias\": {\"shape\": [1], \"data\": [0.5]}}]}", "old.json");
        DenseSpec d = (DenseSpec) n.layers().get(0);
        assertEquals(List.of(1f, -2f), List.of(d.weight().data()[0], d.weight().data()[1]));
        assertEquals(0.5f, d.biasData().data()[0]);
    }
}
