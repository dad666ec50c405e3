package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a ModelProto whose weights never sit in a protobuf message: the model's small fields and
 * the graph's nodes are ordinary messages, while each weight initializer is written by hand as
 * the bytes protobuf would write (field 5 of GraphProto, a TensorProto with name, dims, data_type
 * FLOAT and raw_data) with raw_data streamed from the layer's own array in 64 KB chunks. Every
 * length is computed beforehand, so a VGG-16 (553 MB of floats) goes to the disk with no second
 * copy of its weights on the heap. Protobuf readers accept fields in any order, so the initializers
 * after the nodes are a valid graph.
 */
final class OnnxWriteStream {
    private static final int GRAPH_FIELD = ModelProto.GRAPH_FIELD_NUMBER;
    private static final int INITIALIZER_FIELD = GraphProto.INITIALIZER_FIELD_NUMBER;
    private static final int RAW_DATA_FIELD = TensorProto.RAW_DATA_FIELD_NUMBER;
    private static final int CHUNK = 1 << 16;

    private final ModelProto head;
    private final GraphProto graph;
    private final List<OnnxExportTensor> weights;
    /** Each weight's TensorProto without raw_data (name, dims, data_type), serialised. */
    private final List<byte[]> tensorHeads = new ArrayList<>();
    private final long graphLength;
    private final long fileLength;

    /** {@code head}: the model without its graph; {@code graph}: the graph without the streamed weights. */
    OnnxWriteStream(ModelProto head, GraphProto graph, List<OnnxExportTensor> weights) {
        this.head = head;
        this.graph = graph;
        this.weights = List.copyOf(weights);
        long g = graph.getSerializedSize();
        for (OnnxExportTensor w : this.weights) {
            TensorProto.Builder t = TensorProto.newBuilder().setName(w.name()).setDataType(TensorProto.DataType.FLOAT_VALUE);
            for (long d : w.dims()) {
                t.addDims(d);
            }
            byte[] bytes = t.build().toByteArray();
            tensorHeads.add(bytes);
            g += delimited(INITIALIZER_FIELD, tensorLength(bytes, w));
        }
        this.graphLength = g;
        this.fileLength = head.getSerializedSize() + delimited(GRAPH_FIELD, g);
    }

    /** Bytes of the file (a long: the caller refuses what protobuf cannot hold). */
    long fileLength() {
        return fileLength;
    }

    void writeTo(OutputStream stream) throws IOException {
        if (fileLength > Integer.MAX_VALUE) {
            throw new IllegalStateException("a protobuf message holds at most 2^31 - 1 bytes: " + fileLength);
        }
        CodedOutputStream out = CodedOutputStream.newInstance(stream, CHUNK);
        head.writeTo(out);
        out.writeTag(GRAPH_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag((int) graphLength);
        graph.writeTo(out);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < weights.size(); i++) {
            OnnxExportTensor w = weights.get(i);
            byte[] tensorHead = tensorHeads.get(i);
            out.writeTag(INITIALIZER_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag((int) tensorLength(tensorHead, w));
            out.writeRawBytes(tensorHead);
            out.writeTag(RAW_DATA_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag((int) w.rawBytes());
            writeFloats(out, w.values(), chunk);
        }
        out.flush();
        if (out.getTotalBytesWritten() != fileLength) {
            throw new IllegalStateException("wrote " + out.getTotalBytesWritten() + " bytes, computed " + fileLength);
        }
    }

    /** The values little endian, one chunk at a time. */
    private static void writeFloats(CodedOutputStream out, FloatBuffer values, ByteBuffer chunk) throws IOException {
        FloatBuffer v = values.duplicate();
        int perChunk = chunk.capacity() / Float.BYTES;
        while (v.hasRemaining()) {
            int n = Math.min(perChunk, v.remaining());
            chunk.clear();
            chunk.asFloatBuffer().put(v.slice(v.position(), n));
            v.position(v.position() + n);
            out.writeRawBytes(chunk.array(), 0, n * Float.BYTES);
        }
    }

    private static long tensorLength(byte[] tensorHead, OnnxExportTensor w) {
        return tensorHead.length + delimited(RAW_DATA_FIELD, w.rawBytes());
    }

    /** Bytes of a length-delimited field of {@code length} bytes: tag, length varint, contents. */
    private static long delimited(int field, long length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt64SizeNoTag(length) + length;
    }
}
