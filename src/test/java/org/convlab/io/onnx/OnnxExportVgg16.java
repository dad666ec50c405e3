package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.convlab.HeapPeak;
import org.convlab.model.LayerInfo;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Presets;
import org.convlab.model.ShapeInference;
import org.convlab.model.TestWeights;

/**
 * Exports a VGG-16 with weights (138M parameters, 553 MB of floats) to ONNX, printing the time
 * and the peak heap, then forgets the network and checks the file: every initializer's raw_data,
 * read back with a streaming protobuf reader, holds exactly the values written (bit for bit), and
 * ONNX Runtime opens it. Run by {@link OnnxExportVgg16LongTest} in a JVM whose heap is twice the weights.
 */
public final class OnnxExportVgg16 {
    private OnnxExportVgg16() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        NetworkSpec net = TestWeights.withWeights(Presets.get("vgg16").network());
        long weights = 0;
        for (LayerInfo l : ShapeInference.infer(net)) {
            weights += l.weights() + l.biases();
        }
        HeapPeak.reset();
        long t0 = System.nanoTime();
        OnnxExport.write(net, file);
        long t1 = System.nanoTime();
        long peak = HeapPeak.bytes();
        net = null;
        System.gc();
        System.out.printf(Locale.ROOT, "weights %d values (%.1f MB), file %.1f MB, heap max %.0f MB%n", weights,
                weights * 4 / 1e6, Files.size(file) / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf(Locale.ROOT, "export %.1f s, peak heap %.1f MB (%.2fx the weights)%n", (t1 - t0) / 1e9,
                peak / 1e6, peak / (weights * 4.0));
        long t2 = System.nanoTime();
        int tensors = checkInitializers(file);
        System.out.printf(Locale.ROOT, "%d initializers read back bit for bit in %.1f s%n", tensors, (System.nanoTime() - t2) / 1e9);
        long t3 = System.nanoTime();
        try (OrtRunner ort = new OrtRunner(file)) {
            if (!ort.session().getInputNames().contains("input") || !ort.session().getOutputNames().contains("logits")) {
                throw new AssertionError("ORT sees inputs " + ort.session().getInputNames() + ", outputs " + ort.session().getOutputNames());
            }
        }
        System.out.printf(Locale.ROOT, "ONNX Runtime opened it in %.1f s%n", (System.nanoTime() - t3) / 1e9);
        HeapPeak.reset();
        long t4 = System.nanoTime();
        NetworkSpec back = OnnxImport.read(file, null);
        long t5 = System.nanoTime();
        long importPeak = HeapPeak.bytes();
        System.out.printf(Locale.ROOT, "import %.1f s, peak heap %.1f MB (%.2fx the weights)%n", (t5 - t4) / 1e9,
                importPeak / 1e6, importPeak / (weights * 4.0));
        TestWeights.check(back);
        System.out.println("imported weights equal the exported ones bit for bit");
        System.out.println("ok: VGG-16 exported and checked");
    }

    /**
     * Walks ModelProto.graph.initializer without holding a tensor: initializer k must hold
     * {@link TestWeights#value}(k, i) at index i (the order {@link TestWeights#withWeights} numbers them).
     */
    private static int checkInitializers(Path file) throws Exception {
        int tensor = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            CodedInputStream in = CodedInputStream.newInstance(stream, 1 << 16);
            in.setSizeLimit(Integer.MAX_VALUE);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) != ModelProto.GRAPH_FIELD_NUMBER) {
                    in.skipField(tag);
                    continue;
                }
                int graphEnd = in.pushLimit(in.readRawVarint32());
                for (int g = in.readTag(); g != 0; g = in.readTag()) {
                    if (WireFormat.getTagFieldNumber(g) != GraphProto.INITIALIZER_FIELD_NUMBER) {
                        in.skipField(g);
                        continue;
                    }
                    int tensorEnd = in.pushLimit(in.readRawVarint32());
                    if (checkTensor(in, tensor)) {
                        tensor++;
                    }
                    in.popLimit(tensorEnd);
                }
                in.popLimit(graphEnd);
            }
        }
        if (tensor != 32) {
            throw new AssertionError("VGG-16 has 32 weight and bias tensors, the file " + tensor);
        }
        return tensor;
    }

    /**
     * Checks a weight's raw_data against TestWeights; false for the graph's own small constants
     * (named {@code <layer>/<what>}, like a dropout's ratio), which come first in the file.
     */
    private static boolean checkTensor(CodedInputStream in, int tensor) throws Exception {
        boolean checked = false;
        String name = "";
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
            if (WireFormat.getTagFieldNumber(t) == TensorProto.NAME_FIELD_NUMBER) {
                name = in.readString();
                continue;
            }
            if (WireFormat.getTagFieldNumber(t) != TensorProto.RAW_DATA_FIELD_NUMBER || name.contains("/")) {
                in.skipField(t);
                continue;
            }
            int n = in.readRawVarint32() / Float.BYTES;
            for (int i = 0; i < n; i += 16384) {
                int m = Math.min(16384, n - i);
                ByteBuffer b = ByteBuffer.wrap(in.readRawBytes(m * Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
                for (int j = 0; j < m; j++) {
                    int bits = b.getInt();
                    if (bits != Float.floatToRawIntBits(TestWeights.value(tensor, i + j))) {
                        throw new AssertionError("tensor " + tensor + " value " + (i + j) + " differs");
                    }
                }
            }
            checked = true;
        }
        return checked;
    }
}
