package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small ONNX graphs built by hand for the importer's tests (names, ops and attributes chosen per test). */
final class OnnxImportGraphs {
    private final List<OnnxMl.NodeProto> nodes = new ArrayList<>();
    private final List<OnnxMl.TensorProto> inits = new ArrayList<>();
    private final Map<String, String> meta = new java.util.LinkedHashMap<>();
    private final long[] in;
    private final long[] out;

    OnnxImportGraphs(long[] in, long[] out) {
        this.in = in;
        this.out = out;
    }

    OnnxImportGraphs node(String op, String name, List<String> inputs, String output, OnnxMl.AttributeProto... attrs) {
        nodes.add(OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output)
                .addAllAttribute(List.of(attrs)).build());
        return this;
    }

    OnnxImportGraphs init(String name, long[] dims, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        b.flip();
        inits.add(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(toList(dims)).setRawData(ByteString.copyFrom(b)).build());
        return this;
    }

    OnnxImportGraphs init(OnnxMl.TensorProto t) {
        inits.add(t);
        return this;
    }

    OnnxImportGraphs meta(String key, String value) {
        meta.put(key, value);
        return this;
    }

    static OnnxMl.AttributeProto ints(String name, long... v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS)
                .addAllInts(toList(v)).build();
    }

    static OnnxMl.AttributeProto i(String name, long v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT).setI(v).build();
    }

    static OnnxMl.AttributeProto f(String name, float v) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    static List<Long> toList(long[] v) {
        List<Long> l = new ArrayList<>();
        for (long x : v) {
            l.add(x);
        }
        return l;
    }

    private static OnnxMl.ValueInfoProto value(String name, long[] dims) {
        OnnxMl.TensorShapeProto.Builder s = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : dims) {
            s.addDim(d < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder().setTensorType(
                OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    OnnxMl.ModelProto model() {
        OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("test").addAllNode(nodes)
                .addAllInitializer(inits).addInput(value("input", in)).addOutput(value("logits", out));
        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.newBuilder().setIrVersion(7).setProducerName("test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(g);
        meta.forEach((k, v) -> m.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    Path write(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, model().toByteArray());
        return p;
    }
}
