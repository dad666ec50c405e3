package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.UnsafeByteOperations;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.model.DenseSpec;
import org.convlab.model.NetworkSpec;

/**
 * Run in a separate JVM by {@link OnnxImportMemoryTest}: {@code write FILE IN UNITS} writes a
 * classifier head (input [N, IN, 1, 1], Flatten, Gemm [UNITS, IN], ReLU, Gemm [10, UNITS]) whose
 * weights live off the heap while writing; {@code read FILE} imports it and prints the heap's peak
 * (sum of the heap pools' peak usage), or "error: <message>" and exit code 2 when refused.
 */
public final class OnnxImportMemoryChild {
    private OnnxImportMemoryChild() {}

    /** Weight value i of a tensor: exact in float32, varied. */
    static float value(long i) {
        return ((i * 7919) % 2001 - 1000) / 1024f;
    }

    public static void main(String[] args) throws Exception {
        Path f = Path.of(args[1]);
        if (args[0].equals("write")) {
            int in = Integer.parseInt(args[2]);
            int units = Integer.parseInt(args[3]);
            write(f, in, units);
            return;
        }
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long t = System.nanoTime();
        NetworkSpec s;
        try {
            s = OnnxImport.read(f, null);
        } catch (UserInputException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        double secs = (System.nanoTime() - t) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        java.nio.FloatBuffer w = ((DenseSpec) s.layer("fc1")).weight().view(); // no copy
        int n = w.capacity();
        boolean right = w.get(0) == value(0) && w.get(n - 1) == value(n - 1) && w.get(n / 3) == value(n / 3);
        System.out.printf("peak %d values %d seconds %.2f right %b%n", peak, n, secs, right);
    }

    private static OnnxMl.TensorProto tensor(String name, long rows, long cols) {
        long n = rows * cols;
        ByteBuffer b = ByteBuffer.allocateDirect(Math.toIntExact(n * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < n; i++) {
            b.putFloat(value(i));
        }
        b.flip();
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                .addDims(rows).addDims(cols).setRawData(UnsafeByteOperations.unsafeWrap(b)).build();
    }

    private static void write(Path f, int in, int units) throws Exception {
        OnnxImportGraphs g = new OnnxImportGraphs(new long[] {-1, in, 1, 1}, new long[] {-1, 10})
                .init(tensor("fc1.weight", units, in))
                .init(tensor("fc2.weight", 10, units))
                .node("Flatten", "fc1/flatten", List.of("input"), "x")
                .node("Gemm", "fc1", List.of("x", "fc1.weight"), "h", OnnxImportGraphs.i("transB", 1))
                .node("Relu", "relu1", List.of("h"), "r")
                .node("Gemm", "fc2", List.of("r", "fc2.weight"), "logits", OnnxImportGraphs.i("transB", 1));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            g.model().writeTo(out);
        }
    }
}
