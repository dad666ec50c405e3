package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the importer refuses, each in one line naming the file (and the node). */
class OnnxImportRefusalTest {
    @TempDir
    Path dir;

    private static String refusal(Path file) {
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxImport.read(file, null));
        System.out.println(e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
        return e.getMessage();
    }

    @Test
    void listsEveryUnsupportedOpOfATorchExportInOneLine() {
        Path f = OnnxImportFiles.resource("unsupported_ops.onnx");
        // the Shape and Slice that compute torch.flatten(x, 2)'s target shape are not listed: ConvLab reads those
        assertEquals(f + ": unsupported ONNX ops: Transpose (nodes \"/Transpose\","
                + " \"/rnn/Transpose\", \"/rnn/Transpose_1\"), Shape (node \"/rnn/Shape\"), Gather (nodes \"/rnn/Gather\","
                + " \"/Gather\"), ConstantOfShape (node \"/rnn/ConstantOfShape\"), GRU (node \"/rnn/GRU\"),"
                + " Squeeze (node \"/rnn/Squeeze\")", refusal(f));
    }

    @Test
    void namesTheNodesAsTheFileNamesThem() throws Exception {
        Path f = new OnnxImportGraphs(new long[] {-1, 1, 4, 4}, new long[] {-1, 3})
                .node("Upsample", "up1", List.of("input"), "u")
                .node("GRU", "rnn", List.of("u"), "r")
                .node("Flatten", "flat", List.of("r"), "logits")
                .write(dir, "up.onnx");
        assertEquals(f + ": unsupported ONNX ops: Upsample (node \"up1\"), GRU (node \"rnn\")", refusal(f));
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        byte[] all = Files.readAllBytes(OnnxImportFiles.resource("lenet5.onnx"));
        Path f = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(all, all.length / 2));
        assertEquals(f + ": is not a valid ONNX file (the file ends in the middle of the model: it was cut short,"
                + " download or copy it again)", refusal(f));
    }

    @Test
    void refusesGarbage() throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path f = Files.write(dir.resolve("junk.onnx"), junk);
        String m = refusal(f);
        assertEquals(true, m.startsWith(f + ": is not a valid ONNX file (") || m.equals(f + ": is not an ONNX model (no graph with nodes in it)"), m);
        Path text = Files.writeString(dir.resolve("text.onnx"), "{\"format\": \"convlab-model\"}");
        String t = refusal(text);
        assertEquals(true, t.startsWith(text + ": is not"), t);
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        assertEquals(empty + ": is empty, not an ONNX model", refusal(empty));
    }

    @Test
    void refusesAFileBeyondProtobufsTwoGigabytes() throws Exception {
        Path f = dir.resolve("huge.onnx");
        try (var raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength((1L << 31) + 10); // sparse: takes no disk space
        }
        assertEquals(f + ": is 2.0 GB, larger than the 2 GB a single protobuf message may be; ONNX stores bigger models"
                + " with external data, which ConvLab does not read", refusal(f));
    }

    @Test
    void refusesANetThatIsNotAClassifier() {
        Path f = OnnxImportFiles.resource("not_classifier.onnx");
        assertEquals(f + ": not a classifier: ConvLab imports nets that take an image [N, C, H, W] (or a signal [N, C, L])"
                + " and give class scores [N, K]; this one gives \"logits\" of shape [N, 2, 6, 6]", refusal(f));
    }

    @Test
    void refusesAsymmetricPadding() {
        Path f = OnnxImportFiles.resource("pad_asymmetric.onnx");
        assertEquals(f + ": Conv node \"/conv1/Conv\": asymmetric padding (top 0, left 0, bottom 1, right 1); ConvLab pads"
                + " every side of an axis the same, so pad both sides equally (F.pad(x, (1, 1, 1, 1)) or padding=1)", refusal(f));
    }

    @Test
    void refusesExternalData() throws Exception {
        var t = ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("fc.weight").addDims(3).addDims(4)
                .setDataType(1).setDataLocation(ai.onnx.proto.OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin"))
                .build();
        Path f = new OnnxImportGraphs(new long[] {-1, 1, 2, 2}, new long[] {-1, 3})
                .init(t)
                .node("Flatten", "flatten1", List.of("input"), "x")
                .node("Gemm", "fc", List.of("x", "fc.weight"), "logits", OnnxImportGraphs.i("transB", 1))
                .write(dir, "ext.onnx");
        assertEquals(f + ": Gemm node \"fc\": tensor \"fc.weight\" is stored in an external data file; ConvLab reads only"
                + " self-contained .onnx files (save it with onnx.save(model, path, save_as_external_data=False), possible"
                + " below 2 GB)", refusal(f));
    }

    @Test
    void refusesIntegerWeights() throws Exception {
        var t = ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("fc.weight").addDims(3).addDims(4)
                .setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.INT8_VALUE)
                .setRawData(com.google.protobuf.ByteString.copyFrom(new byte[12])).build();
        Path f = new OnnxImportGraphs(new long[] {-1, 1, 2, 2}, new long[] {-1, 3})
                .init(t)
                .node("Flatten", "flatten1", List.of("input"), "x")
                .node("Gemm", "fc", List.of("x", "fc.weight"), "logits", OnnxImportGraphs.i("transB", 1))
                .write(dir, "int8.onnx");
        assertEquals(f + ": Gemm node \"fc\": tensor \"fc.weight\" holds int8 values; ConvLab reads weights stored as"
                + " float32 (or float16, bfloat16, float64)", refusal(f));
    }

    @Test
    void refusesAResidualSkipThatIsNotAProjection() throws Exception {
        float[] w3 = new float[2 * 2 * 9];
        Path f = new OnnxImportGraphs(new long[] {-1, 2, 4, 4}, new long[] {-1, 32})
                .init("a.weight", new long[] {2, 2, 3, 3}, w3)
                .init("b.weight", new long[] {2, 2, 3, 3}, w3)
                .node("Conv", "a", List.of("input", "a.weight"), "ya", OnnxImportGraphs.ints("pads", 1, 1, 1, 1))
                .node("Conv", "b", List.of("input", "b.weight"), "yb", OnnxImportGraphs.ints("pads", 1, 1, 1, 1))
                .node("Add", "res1", List.of("ya", "yb"), "s")
                .node("Flatten", "flatten1", List.of("s"), "logits")
                .write(dir, "twoconv.onnx");
        assertEquals(f + ": Add node \"res1\": ConvLab's residual block adds a branch to the identity or to a projection:"
                + " a 1x1 conv without bias, stride 1 (the branch's total stride) and no batch norm (the branch has none);"
                + " here the skip path is a 3x3 conv, stride 1", refusal(f));
    }

    @Test
    void refusesWhatConvLabComputesDifferently() throws Exception {
        float[] w = new float[4 * 2 * 9];
        Path grouped = new OnnxImportGraphs(new long[] {-1, 4, 4, 4}, new long[] {-1, 32})
                .init("c.weight", new long[] {4, 2, 3, 3}, w)
                .node("Conv", "c", List.of("input", "c.weight"), "y", OnnxImportGraphs.ints("pads", 1, 1, 1, 1),
                        OnnxImportGraphs.i("group", 2))
                .node("Flatten", "flatten1", List.of("y"), "logits")
                .write(dir, "grouped.onnx");
        assertEquals(grouped + ": Conv node \"c\": a grouped (or depthwise) convolution, group 2; ConvLab's conv sees"
                + " all input channels (group 1)", refusal(grouped));
        Path lrn = new OnnxImportGraphs(new long[] {-1, 4, 2, 2}, new long[] {-1, 16})
                .node("LRN", "norm1", List.of("input"), "y", OnnxImportGraphs.i("size", 4))
                .node("Flatten", "flatten1", List.of("y"), "logits")
                .write(dir, "lrn.onnx");
        assertEquals(lrn + ": LRN node \"norm1\": an LRN over an even number of channels (4) is centred one channel off"
                + " from ConvLab's; ConvLab reads odd sizes", refusal(lrn));
        Path avg = new OnnxImportGraphs(new long[] {-1, 1, 4, 4}, new long[] {-1, 4})
                .node("AveragePool", "pool1", List.of("input"), "y", OnnxImportGraphs.ints("kernel_shape", 3, 3),
                        OnnxImportGraphs.ints("strides", 2, 2), OnnxImportGraphs.ints("pads", 1, 1, 1, 1))
                .node("Flatten", "flatten1", List.of("y"), "logits")
                .write(dir, "avg.onnx");
        assertEquals(avg + ": AveragePool node \"pool1\": average pooling that leaves padding out of the average"
                + " (count_include_pad 0); ConvLab's avgpool counts the padding zeros, as PyTorch's default"
                + " count_include_pad=True does", refusal(avg));
        Path div = new OnnxImportGraphs(new long[] {-1, 1, 2, 2}, new long[] {-1, 4})
                .init("two", new long[0], new float[] {2})
                .node("Div", "half", List.of("input", "two"), "y")
                .node("Flatten", "flatten1", List.of("y"), "logits")
                .write(dir, "div.onnx");
        assertEquals(div + ": Div node \"half\": ConvLab cannot use a Div here (a Div is read only as ConvLab's conv"
                + " normalize: a conv's output divided by C*KH*KW)", refusal(div));
    }
}
