package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.convlab.UserInputException;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.nn.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written ConvTranspose and Resize nodes: an output_shape becomes padding and output padding
 * that ONNX Runtime agrees with, and what ConvLab's layers cannot compute is refused in one line
 * naming the file and the node.
 */
class OnnxImportUpsamplingTest {
    @TempDir
    Path dir;

    private static float[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** 2 -> 3 channels, 3x3 kernel, stride 2 on 4x4; output_shape 8x7: total padding 1 and 2 per axis. */
    private Path convTranspose(String file, OnnxMl.AttributeProto... attrs) throws Exception {
        return new OnnxImportGraphs(new long[] {-1, 2, 4, 4}, new long[] {-1, 3 * 8 * 7})
                .init("w", new long[] {2, 3, 3, 3}, values(54, 1))
                .init("b", new long[] {3}, values(3, 2))
                .node("ConvTranspose", "up", List.of("input", "w", "b"), "y", attrs)
                .node("Flatten", "flatten1", List.of("y"), "logits")
                .write(dir, file);
    }

    @Test
    void anOutputShapeBecomesPaddingAndOutputPaddingAsOrtComputesIt() throws Exception {
        Path f = convTranspose("shape.onnx", OnnxImportGraphs.ints("strides", 2, 2), OnnxImportGraphs.ints("output_shape", 8, 7));
        NetworkSpec spec = OnnxImport.read(f, null);
        // the full output is 2*(4 - 1) + 3 = 9 per axis. Rows: 8 wanted, 1 cut, at the start (ONNX cuts
        // the larger half first): p = 1, and 8 = 9 + a - 2*1 gives a = 1. Columns: 7 wanted, 2 cut, one
        // each side: p = 1, a = 0.
        ConvTransposeSpec t = (ConvTransposeSpec) spec.layers().get(0);
        assertEquals(Padding.of(1), t.padding());
        assertEquals(List.of(1, 0), List.of(t.outputPadRows(), t.outputPadCols()));
        float[] x = values(2 * 2 * 16, 3);
        float[] mine = Network.build(spec, 0).forward(x, 2, false).clone();
        try (OrtRunner ort = new OrtRunner(f)) {
            float[] theirs = ort.run(x, 2, new int[] {2, 4, 4});
            assertTrue(OnnxExportCheck.relativeError(theirs, java.util.Arrays.copyOf(mine, theirs.length)) <= 1e-4);
        }
    }

    private static String refusal(Path file) {
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxImport.read(file, null));
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
        return e.getMessage();
    }

    @Test
    void groupsAndSamePaddingAreRefused() throws Exception {
        Path g = convTranspose("group.onnx", OnnxImportGraphs.i("group", 2), OnnxImportGraphs.ints("strides", 2, 2),
                OnnxImportGraphs.ints("output_shape", 8, 7));
        assertEquals(g + ": ConvTranspose node \"up\": a grouped transposed convolution, group 2; ConvLab's convtranspose"
                + " sees all input channels (group 1)", refusal(g));
        Path s = convTranspose("same.onnx", OnnxNodes.text("auto_pad", "SAME_UPPER"), OnnxImportGraphs.ints("strides", 2, 2));
        assertTrue(refusal(s).contains("auto_pad SAME_UPPER; ConvLab's convtranspose takes its padding as numbers"), refusal(s));
    }

    private Path resize(String file, float[] scales, OnnxMl.AttributeProto... attrs) throws Exception {
        long h = Math.round(3 * scales[2]);
        long w = Math.round(3 * scales[3]);
        return new OnnxImportGraphs(new long[] {-1, 1, 3, 3}, new long[] {-1, h * w})
                .init("scales", new long[] {4}, scales)
                .node("Resize", "up", List.of("input", "", "scales"), "y", attrs)
                .node("Flatten", "flatten1", List.of("y"), "logits")
                .write(dir, file);
    }

    @Test
    void resizesConvLabCannotComputeAreRefused() throws Exception {
        OnnxMl.AttributeProto nearest = OnnxNodes.text("mode", "nearest");
        OnnxMl.AttributeProto asym = OnnxNodes.text("coordinate_transformation_mode", "asymmetric");
        OnnxMl.AttributeProto floor = OnnxNodes.text("nearest_mode", "floor");
        Path half = resize("half.onnx", new float[] {1, 1, 1.5f, 1.5f}, nearest, asym, floor);
        assertTrue(refusal(half).endsWith("Resize node \"up\": scales [1.0, 1.0, 1.5, 1.5]; ConvLab's upsample takes one"
                + " whole number for both height and width"), refusal(half));
        Path axes = resize("axes.onnx", new float[] {1, 1, 2, 3}, nearest, asym, floor);
        assertTrue(refusal(axes).contains("one whole number for both height and width"), refusal(axes));
        Path round = resize("round.onnx", new float[] {1, 1, 3, 3}, nearest, asym);
        assertTrue(refusal(round).contains("nearest_mode \"round_prefer_floor\"; ConvLab's nearest upsample is PyTorch's"),
                refusal(round));
        Path corners = resize("corners.onnx", new float[] {1, 1, 2, 2}, OnnxNodes.text("mode", "linear"),
                OnnxNodes.text("coordinate_transformation_mode", "align_corners"));
        assertTrue(refusal(corners).contains("coordinate_transformation_mode \"align_corners\"; ConvLab's bilinear"),
                refusal(corners));
        Path cubic = resize("cubic.onnx", new float[] {1, 1, 2, 2}, OnnxNodes.text("mode", "cubic"));
        assertTrue(refusal(cubic).endsWith("cubic resizing; ConvLab's upsample is nearest or bilinear"), refusal(cubic));
        Path channels = resize("channels.onnx", new float[] {1, 2, 2, 2}, nearest, asym, floor);
        assertTrue(refusal(channels).contains("scales only height and width"), refusal(channels));
    }
}
