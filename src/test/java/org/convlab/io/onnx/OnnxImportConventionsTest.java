package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph written the way ConvLab's exporter writes one (node names = layer names, a
 * {@code <layer>/normalize} Div after a conv, a {@code <layer>/flatten} before a Gemm, class
 * names and preprocessing in metadata_props), with the ops torch in eval mode never writes
 * (LRN, Dropout, Identity, Gemm with transB 0 and alpha/beta, batch norm on a flat input):
 * ConvLab's forward on the import equals ONNX Runtime's on the same file within 1e-4.
 */
class OnnxImportConventionsTest {
    @TempDir
    Path dir;

    private static float[] random(Random r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    private static float[] positive(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.5f + r.nextFloat();
        }
        return v;
    }

    static OnnxImportGraphs convlabStyle(Random r) {
        return new OnnxImportGraphs(new long[] {-1, 2, 6, 6}, new long[] {-1, 4})
                .init("conv1.weight", new long[] {3, 2, 3, 3}, random(r, 54, 0.5))
                .init("conv1.bias", new long[] {3}, random(r, 3, 0.1))
                .init("conv1/normalize.divisor", new long[0], new float[] {18})
                .init("drop1/ratio", new long[0], new float[] {0.3f})
                .init("fc1.weight", new long[] {48, 5}, random(r, 240, 0.3))
                .init("fc1.bias", new long[] {5}, random(r, 5, 0.1))
                .init("bn1.weight", new long[] {5}, positive(r, 5))
                .init("bn1.bias", new long[] {5}, random(r, 5, 0.2))
                .init("bn1.running_mean", new long[] {5}, random(r, 5, 0.3))
                .init("bn1.running_var", new long[] {5}, positive(r, 5))
                .init("fc2.weight", new long[] {4, 5}, random(r, 20, 0.5))
                .init("fc2.bias", new long[] {4}, random(r, 4, 0.1))
                .node("Conv", "conv1", List.of("input", "conv1.weight", "conv1.bias"), "c1",
                        OnnxImportGraphs.ints("kernel_shape", 3, 3), OnnxImportGraphs.ints("pads", 1, 1, 1, 1))
                .node("Div", "conv1/normalize", List.of("c1", "conv1/normalize.divisor"), "c1n")
                .node("Relu", "relu1", List.of("c1n"), "r1")
                .node("LRN", "norm1", List.of("r1"), "n1", OnnxImportGraphs.i("size", 3),
                        OnnxImportGraphs.f("alpha", 1e-3f), OnnxImportGraphs.f("beta", 0.75f), OnnxImportGraphs.f("bias", 2f))
                .node("MaxPool", "pool1", List.of("n1"), "p1", OnnxImportGraphs.ints("kernel_shape", 3, 3),
                        OnnxImportGraphs.ints("strides", 2, 2), OnnxImportGraphs.i("ceil_mode", 1))
                .node("AveragePool", "pool2", List.of("p1"), "p2", OnnxImportGraphs.ints("kernel_shape", 2, 2),
                        OnnxImportGraphs.ints("strides", 1, 1), OnnxImportGraphs.ints("pads", 1, 1, 1, 1),
                        OnnxImportGraphs.i("count_include_pad", 1))
                .node("Identity", "same", List.of("p2"), "p2i")
                .node("Dropout", "drop1", List.of("p2i", "drop1/ratio"), "d1")
                .node("Flatten", "fc1/flatten", List.of("d1"), "f1", OnnxImportGraphs.i("axis", 1))
                .node("Gemm", "fc1", List.of("f1", "fc1.weight", "fc1.bias"), "g1", OnnxImportGraphs.i("transB", 0),
                        OnnxImportGraphs.f("alpha", 0.5f), OnnxImportGraphs.f("beta", 2f))
                .node("BatchNormalization", "bn1", List.of("g1", "bn1.weight", "bn1.bias", "bn1.running_mean",
                        "bn1.running_var"), "b1", OnnxImportGraphs.f("epsilon", 1e-3f))
                .node("Tanh", "tanh1", List.of("b1"), "t1")
                .node("Gemm", "fc2", List.of("t1", "fc2.weight", "fc2.bias"), "g2", OnnxImportGraphs.i("transB", 1))
                .node("LeakyRelu", "leaky1", List.of("g2"), "l2", OnnxImportGraphs.f("alpha", 0.1f))
                .node("Softmax", "softmax1", List.of("l2"), "logits", OnnxImportGraphs.i("axis", 1));
    }

    @Test
    void convlabConventionsImportAndComputeAsOnnxRuntimeDoes() throws Exception {
        Path f = convlabStyle(new Random(3))
                .meta("convlab.classes", "[\"cat\", \"dog\", \"owl\", \"fox\"]")
                .meta("convlab.preprocessing", "{\"normalize\": \"standardize\", \"resize\": \"crop\", \"mean\": [0.5, 0.25],"
                        + " \"std\": [0.2, 0.3]}")
                .meta("convlab.version", "1")
                .write(dir, "convlab.onnx");
        NetworkSpec s = OnnxImport.read(f, List.of("ignored", "because", "metadata", "wins"));
        assertEquals("conv1:conv, relu1:relu, norm1:lrn, pool1:maxpool, pool2:avgpool, drop1:dropout, fc1:dense,"
                + " bn1:batchnorm, tanh1:tanh, fc2:dense, leaky1:leakyrelu, softmax1:softmax",
                OnnxImportStructureTest.outline(s.layers()));
        assertTrue(((ConvSpec) s.layer("conv1")).normalize());
        assertEquals(0.3, ((org.convlab.model.DropoutSpec) s.layer("drop1")).rate());
        assertEquals(List.of("cat", "dog", "owl", "fox"), s.classes());
        assertEquals(new Preprocessing("standardize", "crop", new float[] {0.5f, 0.25f}, new float[] {0.2f, 0.3f}),
                s.preprocessing());

        float[] x = random(new Random(9), 3 * 2 * 6 * 6, 1);
        float[] want = onnxRuntime(f, x, new long[] {3, 2, 6, 6});
        OnnxImportFiles.Values in = new OnnxImportFiles.Values(new int[] {3, 2, 6, 6}, x);
        float[] got = java.util.Arrays.copyOf(OnnxImportFiles.forward(s, in), want.length);
        double err = OnnxImportFiles.relativeError(want, got, 3);
        assertTrue(err <= 1e-4, "relative error " + err);
    }

    /**
     * What ConvLab's exporter writes for a normalize conv with bias (Conv without bias, Div
     * "<layer>/normalize", Add "<layer>/bias" of [F, 1, 1]), a ceil-mode average pool whose last
     * window hangs past the padded input (Pad "<layer>/pad", then AveragePool with bottom/right pads
     * and count_include_pad 0), a flat input turned back into [N, C, 1, 1] (Unsqueeze
     * "<layer>/unsqueeze") and a net ending on a map ("<layer>/flatten" to [N, K]).
     */
    @Test
    void exporterPatternsImportAndComputeAsOnnxRuntimeDoes() throws Exception {
        Random r = new Random(5);
        Path f = new OnnxImportGraphs(new long[] {-1, 1, 7, 7}, new long[] {-1, 3})
                .init("conv1.weight", new long[] {2, 1, 3, 3}, random(r, 18, 0.7))
                .init("conv1.bias", new long[] {2, 1, 1}, random(r, 2, 0.3))
                .init("conv1/normalize/divisor", new long[0], new float[] {9})
                .init(ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("pool1/pad/pads").addDims(8)
                        .setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64_VALUE)
                        .addAllInt64Data(List.of(0L, 0L, 1L, 1L, 0L, 0L, 1L, 1L)).build())
                .init("fc1.weight", new long[] {6, 2}, random(r, 12, 0.5))
                .init("fc1.bias", new long[] {6}, random(r, 6, 0.1))
                .init(ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("conv2/unsqueeze/axes").addDims(2)
                        .setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64_VALUE)
                        .addAllInt64Data(List.of(2L, 3L)).build())
                .init("conv2.weight", new long[] {3, 6, 1, 1}, random(r, 18, 0.5))
                .init("conv2.bias", new long[] {3}, random(r, 3, 0.1))
                .node("Conv", "conv1", List.of("input", "conv1.weight"), "conv1/conv", OnnxImportGraphs.ints("kernel_shape", 3, 3))
                .node("Div", "conv1/normalize", List.of("conv1/conv", "conv1/normalize/divisor"), "conv1/normalize")
                .node("Add", "conv1/bias", List.of("conv1/normalize", "conv1.bias"), "conv1")
                .node("Pad", "pool1/pad", List.of("conv1", "pool1/pad/pads"), "pool1/pad")
                // 5 + 2 = 7, window 3 stride 2: ceil gives 4 windows, the last hanging 1 past the padded input
                .node("AveragePool", "pool1", List.of("pool1/pad"), "pool1", OnnxImportGraphs.ints("kernel_shape", 3, 3),
                        OnnxImportGraphs.ints("strides", 2, 2), OnnxImportGraphs.ints("pads", 0, 0, 1, 1),
                        OnnxImportGraphs.i("ceil_mode", 0), OnnxImportGraphs.i("count_include_pad", 0))
                .node("GlobalAveragePool", "gap1", List.of("pool1"), "gap1")
                .node("Flatten", "fc1/flatten", List.of("gap1"), "fc1/flatten", OnnxImportGraphs.i("axis", 1))
                .node("Gemm", "fc1", List.of("fc1/flatten", "fc1.weight", "fc1.bias"), "fc1", OnnxImportGraphs.i("transB", 1))
                .node("Unsqueeze", "conv2/unsqueeze", List.of("fc1", "conv2/unsqueeze/axes"), "conv2/unsqueeze")
                .node("Conv", "conv2", List.of("conv2/unsqueeze", "conv2.weight", "conv2.bias"), "conv2",
                        OnnxImportGraphs.ints("kernel_shape", 1, 1))
                .node("Flatten", "conv2/flatten", List.of("conv2"), "logits", OnnxImportGraphs.i("axis", 1))
                .write(dir, "exporter.onnx");
        NetworkSpec s = OnnxImport.read(f, null);
        assertEquals("conv1:conv, pool1:avgpool, gap1:globalavgpool, fc1:dense, conv2:conv",
                OnnxImportStructureTest.outline(s.layers()));
        assertTrue(((ConvSpec) s.layer("conv1")).normalize());
        org.convlab.model.PoolSpec pool = (org.convlab.model.PoolSpec) s.layer("pool1");
        assertTrue(pool.ceil());
        assertEquals("1", pool.padding().toString());
        float[] x = random(new Random(11), 2 * 49, 1);
        float[] want = onnxRuntime(f, x, new long[] {2, 1, 7, 7});
        float[] got = java.util.Arrays.copyOf(OnnxImportFiles.forward(s, new OnnxImportFiles.Values(new int[] {2, 1, 7, 7}, x)),
                want.length);
        double err = OnnxImportFiles.relativeError(want, got, 2);
        assertTrue(err <= 1e-4, "relative error " + err);
    }

    /** A file exported with a fixed batch of 1 may reshape to [1, -1]: a flatten for that batch; [2, -1] on any batch is not. */
    @Test
    void aReshapeKeepsTheBatchFirst() throws Exception {
        var shape = ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("shape").addDims(2)
                .setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64_VALUE);
        Path fixed = new OnnxImportGraphs(new long[] {1, 2, 2, 2}, new long[] {1, 8})
                .init(shape.clone().addAllInt64Data(List.of(1L, -1L)).build())
                .node("Reshape", "view", List.of("input", "shape"), "logits")
                .write(dir, "fixed.onnx");
        assertEquals("view:flatten", OnnxImportStructureTest.outline(OnnxImport.read(fixed, null).layers()));
        Path any = new OnnxImportGraphs(new long[] {-1, 2, 2, 2}, new long[] {-1, 8})
                .init(shape.clone().addAllInt64Data(List.of(2L, -1L)).build())
                .node("Reshape", "view", List.of("input", "shape"), "logits")
                .write(dir, "any.onnx");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.convlab.UserInputException.class, () -> OnnxImport.read(any, null));
        assertEquals(any + ": Reshape node \"view\": reshapes to [2, -1]; ConvLab reads a Reshape only to [N, 8] (each sample"
                + " flattened), such as x.reshape(-1, 8)", e.getMessage());
    }

    @Test
    void classesComeFromMetadataElseTheArgumentElseNumbers() throws Exception {
        Path plain = convlabStyle(new Random(3)).write(dir, "plain.onnx");
        assertEquals(List.of("0", "1", "2", "3"), OnnxImport.read(plain, null).classes());
        assertEquals(List.of("0", "1", "2", "3"), OnnxImport.read(plain, List.of()).classes());
        assertEquals(List.of("a", "b", "c", "d"), OnnxImport.read(plain, List.of("a", "b", "c", "d")).classes());
        assertNull(OnnxImport.read(plain, null).preprocessing());
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.convlab.UserInputException.class,
                () -> OnnxImport.read(plain, List.of("a", "b")));
        assertEquals(plain + ": --classes gives 2 class names, but the model has 4 outputs", e.getMessage());
        Path meta = convlabStyle(new Random(3)).meta("convlab.classes", "[\"w\", \"x\", \"y\", \"z\"]").write(dir, "meta.onnx");
        assertEquals(List.of("w", "x", "y", "z"), OnnxImport.read(meta, List.of("a", "b", "c", "d")).classes());
    }

    @Test
    void halfAndDoublePrecisionWeightsAreReadAsFloat32() throws Exception {
        float[] w = {0.5f, -1.25f, 2f, 0.375f, -0.0625f, 3f};
        short[] half = {0x3800, (short) 0xbd00, 0x4000, 0x3600, (short) 0xac00, 0x4200};
        var fp16 = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (short h : half) {
            fp16.putShort(h);
        }
        var fp64 = java.nio.ByteBuffer.allocate(48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : w) {
            fp64.putDouble(v);
        }
        for (var t : List.of(ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT16_VALUE, ai.onnx.proto.OnnxMl.TensorProto.DataType.DOUBLE_VALUE)) {
            byte[] raw = t == ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT16_VALUE ? fp16.array() : fp64.array();
            var tensor = ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setName("fc.weight").addDims(2).addDims(3)
                    .setDataType(t).setRawData(com.google.protobuf.ByteString.copyFrom(raw)).build();
            Path f = new OnnxImportGraphs(new long[] {-1, 3, 1, 1}, new long[] {-1, 2}).init(tensor)
                    .node("Flatten", "fc/flatten", List.of("input"), "x")
                    .node("Gemm", "fc", List.of("x", "fc.weight"), "logits", OnnxImportGraphs.i("transB", 1))
                    .write(dir, "w" + t + ".onnx");
            DenseSpec d = (DenseSpec) OnnxImport.read(f, null).layer("fc");
            assertArrayEquals(w, d.weight().data(), "data type " + t);
        }
    }

    static float[] onnxRuntime(Path model, float[] x, long[] shape) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model.toString(), new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
             OrtSession.Result r = s.run(Map.of("input", t))) {
            float[][] out = (float[][]) r.get(0).getValue();
            float[] flat = new float[out.length * out[0].length];
            for (int i = 0; i < out.length; i++) {
                System.arraycopy(out[i], 0, flat, i * out[0].length, out[0].length);
            }
            return flat;
        }
    }
}
