package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.io.ModelFormats;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.ParamData;
import org.convlab.model.Preprocessing;
import org.convlab.model.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file itself: header fields, names, metadata, the dynamic batch, the streamed weights, refusals. */
class OnnxExportFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ModelProto parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return ModelProto.parseFrom(in);
        }
    }

    private static NetworkSpec lenet() {
        return ModelFormats.withAllWeights(Presets.get("lenet5").network(), 3);
    }

    @Test
    void headerInputOutputAndNodeNamesFollowTheConventions() throws Exception {
        Path file = dir.resolve("lenet.onnx");
        OnnxExport.write(lenet(), file);
        ModelProto m = parse(file);
        assertEquals(7, m.getIrVersion());
        assertEquals("ConvLab", m.getProducerName());
        assertEquals(1, m.getOpsetImportCount());
        assertEquals("", m.getOpsetImport(0).getDomain());
        assertEquals(13, m.getOpsetImport(0).getVersion());
        GraphProto g = m.getGraph();
        assertEquals(List.of("input"), g.getInputList().stream().map(v -> v.getName()).toList());
        assertEquals(List.of("logits"), g.getOutputList().stream().map(v -> v.getName()).toList());
        List<TensorShapeProto.Dimension> in = g.getInput(0).getType().getTensorType().getShape().getDimList();
        assertEquals("N", in.get(0).getDimParam());
        assertEquals(List.of(1L, 28L, 28L), in.subList(1, 4).stream().map(TensorShapeProto.Dimension::getDimValue).toList());
        List<TensorShapeProto.Dimension> out = g.getOutput(0).getType().getTensorType().getShape().getDimList();
        assertEquals("N", out.get(0).getDimParam());
        assertEquals(10L, out.get(1).getDimValue());
        assertEquals(List.of("conv1:Conv", "relu1:Relu", "pool1:MaxPool", "conv2:Conv", "relu2:Relu", "pool2:MaxPool",
                        "conv3:Conv", "relu3:Relu", "flatten1:Flatten", "fc1:Gemm", "relu4:Relu", "fc2:Gemm", "softmax1:Softmax"),
                g.getNodeList().stream().map(n -> n.getName() + ":" + n.getOpType()).toList());
        assertEquals("logits", g.getNode(g.getNodeCount() - 1).getOutput(0));
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "conv3.weight", "conv3.bias",
                "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"), g.getInitializerList().stream().map(TensorProto::getName).toList());
    }

    @Test
    void streamedWeightsReadBackBitForBit() throws Exception {
        NetworkSpec net = OnnxExportModels.trained(OnnxExportModels.residualNet(), 5);
        Path file = dir.resolve("res.onnx");
        OnnxExport.write(net, file);
        Map<String, TensorProto> byName = parse(file).getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, t -> t));
        Map<String, ParamData> expected = new java.util.LinkedHashMap<>();
        collect(net.layers(), expected);
        assertTrue(expected.containsKey("res2.proj.weight") && expected.containsKey("res2.proj_bn.running_var"), expected.keySet().toString());
        for (Map.Entry<String, ParamData> e : expected.entrySet()) {
            TensorProto t = byName.get(e.getKey());
            assertTrue(t != null, "no initializer " + e.getKey() + " in " + byName.keySet());
            assertEquals(TensorProto.DataType.FLOAT_VALUE, t.getDataType());
            assertEquals(java.util.Arrays.stream(e.getValue().shape()).asLongStream().boxed().toList(), t.getDimsList(), e.getKey());
            float[] back = new float[e.getValue().size()];
            ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(back);
            assertArrayEquals(e.getValue().data(), back, e.getKey());
        }
        GraphProto g = parse(file).getGraph();
        assertEquals("Add", node(g, "res2").getOpType());
        assertEquals("Conv", node(g, "res2.proj").getOpType());
        assertEquals("BatchNormalization", node(g, "res2.proj_bn").getOpType());
        assertEquals(List.of("res2.proj_bn.weight", "res2.proj_bn.bias", "res2.proj_bn.running_mean", "res2.proj_bn.running_var"),
                node(g, "res2.proj_bn").getInputList().subList(1, 5));
    }

    private static void collect(List<LayerSpec> layers, Map<String, ParamData> out) {
        for (LayerSpec l : layers) {
            if (l instanceof ConvSpec c) {
                out.put(c.name() + ".weight", c.weight());
                if (c.biasData() != null) {
                    out.put(c.name() + ".bias", c.biasData());
                }
            } else if (l instanceof DenseSpec d) {
                out.put(d.name() + ".weight", d.weight());
                if (d.biasData() != null) {
                    out.put(d.name() + ".bias", d.biasData());
                }
            } else if (l instanceof org.convlab.model.BatchNormSpec b) {
                out.put(b.name() + ".weight", b.gamma());
                out.put(b.name() + ".bias", b.beta());
                out.put(b.name() + ".running_mean", b.runningMean());
                out.put(b.name() + ".running_var", b.runningVar());
            } else if (l instanceof org.convlab.model.ResidualSpec r) {
                collect(r.branch(), out);
                if (r.skip() != null) {
                    collect(r.skip(), out);
                }
            } else if (l instanceof org.convlab.model.InceptionSpec i) {
                i.branches().forEach(b -> collect(b, out));
            }
        }
    }

    private static NodeProto node(GraphProto g, String name) {
        return g.getNodeList().stream().filter(n -> n.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name));
    }

    @Test
    void blocksAndExtraNodesAreNamedAfterTheirLayers() throws Exception {
        Path inc = dir.resolve("inc.onnx");
        OnnxExport.write(OnnxExportModels.trained(OnnxExportModels.inceptionNet(), 1), inc);
        GraphProto g = parse(inc).getGraph();
        assertEquals("Concat", node(g, "inc1").getOpType());
        assertEquals("Conv", node(g, "inc1.b2.conv2").getOpType());
        assertEquals("Flatten", node(g, "fc1/flatten").getOpType());
        assertEquals("Unsqueeze", node(g, "conv2/unsqueeze").getOpType());
        Path norm = dir.resolve("norm.onnx");
        OnnxExport.write(OnnxExportModels.trained(OnnxExportModels.normalizeNet(), 1), norm);
        g = parse(norm).getGraph();
        assertEquals(List.of("Conv", "Div", "Add"), List.of(node(g, "conv1").getOpType(), node(g, "conv1/normalize").getOpType(),
                node(g, "conv1/bias").getOpType()));
        assertEquals(2, node(g, "conv1").getInputCount(), "the bias comes after the division, not in the Conv");
        assertEquals(List.of(3L, 1L, 1L), g.getInitializerList().stream().filter(t -> t.getName().equals("conv1.bias"))
                .findFirst().orElseThrow().getDimsList());
    }

    @Test
    void metadataHoldsClassesPreprocessingAndVersion() throws Exception {
        NetworkSpec net = lenet().withPreprocessing(new Preprocessing("standardize", "crop", new float[] {0.1307f},
                new float[] {0.3081f}));
        Path file = dir.resolve("meta.onnx");
        OnnxExport.write(net, file);
        try (OrtRunner ort = new OrtRunner(file)) {
            Map<String, String> meta = ort.metadata();
            List<String> classes = new ArrayList<>();
            JSON.readTree(meta.get("convlab.classes")).forEach(n -> classes.add(n.asText()));
            assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), classes);
            JsonNode p = JSON.readTree(meta.get("convlab.preprocessing"));
            assertEquals("standardize", p.get("normalize").asText());
            assertEquals("crop", p.get("resize").asText());
            assertEquals(0.1307f, p.get("mean").get(0).floatValue());
            assertEquals(0.3081f, p.get("std").get(0).floatValue());
            assertEquals("1", meta.get("convlab.version"));
        }
        Path plain = dir.resolve("plain.onnx");
        OnnxExport.write(lenet(), plain);
        try (OrtRunner ort = new OrtRunner(plain)) {
            assertFalse(ort.metadata().containsKey("convlab.preprocessing"));
            assertEquals("1", ort.metadata().get("convlab.version"));
        }
    }

    @Test
    void theBatchIsDynamic() throws Exception {
        NetworkSpec net = OnnxExportModels.trained(OnnxExportModels.batchNormNet(), 9);
        Path file = dir.resolve("batch.onnx");
        OnnxExport.write(net, file);
        OnnxExportCheck.compare(net, file, 1, 3);
    }

    @Test
    void missingWeightsAreRefusedNamingTheLayer() {
        Path file = dir.resolve("none.onnx");
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxExport.write(Presets.get("lenet5").network(), file));
        assertTrue(e.getMessage().contains("conv1") && !e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aWeightThatDoesNotFitItsInputIsRefused() {
        ConvSpec conv = new ConvSpec("conv1", 2, 3, 3, 1, Padding.VALID, 1, true, false,
                new ParamData(new int[] {2, 3, 3, 3}, new float[54]), null);
        NetworkSpec net = new NetworkSpec(Shape.of(1, 5, 5), List.of(), List.of(conv));
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxExport.write(net, dir.resolve("x.onnx")));
        assertTrue(e.getMessage().contains("conv1.weight") && e.getMessage().contains("[2, 1, 3, 3]"), e.getMessage());
    }

    @Test
    void aLayerThatDoesNotFitTheInputIsRefused() {
        NetworkSpec net = new NetworkSpec(Shape.of(1, 3, 3), List.of(), List.of(ConvSpec.of(2, 5, 1, Padding.VALID)));
        assertThrows(UserInputException.class, () -> OnnxExport.write(net, dir.resolve("x.onnx")));
    }

    @Test
    void anEvenLrnIsRefused() {
        NetworkSpec net = new NetworkSpec(Shape.of(4, 3, 3), List.of(), List.of(new LrnSpec("norm1", 4, 1e-4, 0.75, 2)));
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxExport.write(net, dir.resolve("x.onnx")));
        assertTrue(e.getMessage().contains("norm1"), e.getMessage());
    }

    /** 33 dense layers of 4096 x 4096 (one shared array, 64 MB) would be a 2.1 GB file: refused before writing. */
    @Test
    void aFileOverTwoGigabytesIsRefusedWithItsSize() {
        ParamData w = ParamData.filledBy(new int[] {4096, 4096}, v -> { });
        List<LayerSpec> layers = new ArrayList<>(Collections.nCopies(33, null));
        for (int i = 0; i < layers.size(); i++) {
            layers.set(i, new DenseSpec("fc" + (i + 1), 4096, false, w, null));
        }
        NetworkSpec net = new NetworkSpec(Shape.of(4096, 1, 1), List.of(), layers);
        Path file = dir.resolve("big.onnx");
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxExport.write(net, file));
        assertTrue(e.getMessage().contains("2.1 GB") && e.getMessage().contains("2 GB"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aFolderAsTheTargetIsOneLine() {
        UserInputException e = assertThrows(UserInputException.class, () -> OnnxExport.write(lenet(), dir));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
