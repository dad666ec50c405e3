package org.convlab.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.io.Safetensors;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ParamData;
import org.convlab.model.ResidualSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exported project's files: model.py's modules, the weights bit for bit, and what is refused. */
class PytorchProjectTest {
    static NetworkSpec everyLayer() throws Exception {
        return ModelFiles.read(StateDictImportReferenceTest.resource("every-layer.model.json"));
    }

    static NetworkSpec load(String model) throws Exception {
        NetworkSpec spec = model.startsWith("preset:") ? ModelFormats.load(model) : everyLayer();
        return ModelFormats.withAllWeights(spec, 1);
    }

    @Test
    void lenet5ModelPyHasTheSlidesLayersUnderConvLabsNames(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("lenet5");
        PytorchProject.write(load("preset:lenet5"), out, "preset:lenet5");
        for (String f : List.of("model.py", "weights.safetensors", "train.py", "convlab_io.py", "README.md")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String py = Files.readString(out.resolve("model.py"));
        // LeNet-5 as the preset describes it: 5x5 convs (the first padded by 2), 2x2 max pools, 120-84-10
        for (String line : List.of(
                "self.conv1 = nn.Conv2d(1, 6, kernel_size=5, padding=2)",
                "self.pool1 = nn.MaxPool2d(2, stride=2)",
                "self.conv2 = nn.Conv2d(6, 16, kernel_size=5)",
                "self.conv3 = nn.Conv2d(16, 120, kernel_size=5)",
                "self.flatten1 = nn.Flatten()",
                "self.fc1 = nn.Linear(120, 84)",
                "self.fc2 = nn.Linear(84, num_classes)",
                "def __init__(self, num_classes=10):",
                "INPUT_SHAPE = (1, 28, 28)",
                "LAST_DENSE = \"fc2\"",
                "PREPROCESSING = {\"normalize\": \"unit\", \"resize\": \"fit\", \"mean\": None, \"std\": None}",
                "ConvLab model: preset:lenet5")) {
            assertTrue(py.contains(line), line + "\n" + py);
        }
        assertFalse(py.contains("self.softmax1"), "the trailing softmax is left to the loss: forward returns logits");
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("torchrun --standalone --nproc_per_node=4 train.py --data FOLDER"), readme);
        assertTrue(readme.contains("--rdzv_endpoint=FIRST_HOST:29400"), readme);
        assertTrue(readme.contains("import weights.safetensors \\\n        --model preset:lenet5 --out trained.json"), readme);
    }

    @Test
    void everyLayerTypeBecomesItsPytorchModule(@TempDir Path dir) throws Exception {
        PytorchProject.write(load("every-layer"), dir, "every-layer.model.json");
        String py = Files.readString(dir.resolve("model.py"));
        for (String line : List.of(
                "self.conv1 = NormalizedConv2d(3, 6, kernel_size=3, padding=1)",
                "y = self._conv_forward(x, self.weight, None) / window",
                "self.bn1 = nn.BatchNorm2d(6)",
                "self.res1 = Residual(",
                "(\"conv1\", nn.Conv2d(6, 8, kernel_size=3, stride=2, padding=1, bias=False)),",
                "(\"bn2\", nn.BatchNorm2d(8, eps=0.001, momentum=0.2)),",
                "proj=nn.Conv2d(6, 8, kernel_size=1, stride=2, bias=False),",
                "proj_bn=nn.BatchNorm2d(8),",
                "self.leakyrelu1 = nn.LeakyReLU(negative_slope=0.1)",
                "self.inception1 = Inception(",
                "(\"pool1\", nn.MaxPool2d(3, stride=1, padding=1)),",
                "return torch.cat([branch(x) for branch in self.children()], dim=1)",
                "self.norm1 = nn.LocalResponseNorm(3, alpha=0.001, beta=0.75, k=2.0)",
                "self.conv2 = nn.Conv2d(11, 6, kernel_size=3, padding=2, dilation=2)",
                "self.pool1 = nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True)",
                "self.tanh1 = nn.Tanh()",
                "self.dropout1 = nn.Dropout(p=0.25)",
                "self.fc1 = nn.Linear(96, 10)",
                "x = self.fc1(torch.flatten(x, 1))", // a dense layer on a 6x4x4 image flattens it, as ConvLab does
                "self.bn2 = nn.BatchNorm1d(10)",
                "self.sigmoid1 = nn.Sigmoid()",
                "self.fc2 = nn.Linear(10, num_classes)")) {
            assertTrue(py.contains(line), line + "\n" + py);
        }
    }

    @Test
    void largePresetsUseTheBlockModules() {
        String googlenet = ModelPy.write(ModelFormats.load("preset:googlenet"),
                TorchLayout.of(ModelFormats.load("preset:googlenet")), "preset:googlenet");
        assertTrue(googlenet.contains("self.inception3a = Inception("), googlenet);
        assertTrue(googlenet.contains("self.pool5 = nn.AvgPool2d(7, stride=1)"), googlenet);
        String resnet = ModelPy.write(ModelFormats.load("preset:resnet18"),
                TorchLayout.of(ModelFormats.load("preset:resnet18")), "preset:resnet18");
        assertTrue(resnet.contains("self.layer1 = nn.ModuleDict()\n        self.layer1[\"0\"] = Residual("), resnet);
        assertTrue(resnet.contains("x = self.layer2[\"0\"](x)"), resnet);
        assertTrue(resnet.contains("proj=nn.Conv2d(64, 128, kernel_size=1, stride=2, bias=False),"), resnet);
    }

    @Test
    void globalPoolingAndNamesThatAreNotPythonIdentifiers(@TempDir Path dir) {
        // an imported ONNX model keeps node names such as "/features/0/Conv"; "type" is nn.Module's own
        NetworkSpec architecture = new NetworkSpec(org.convlab.engine.Shape.of(2, 6, 6), List.of("p", "q", "r"), List.of(
                new ConvSpec("/features/0/Conv", 4, 3, 3, 1, org.convlab.model.Padding.VALID, 1, true, false, null, null),
                new org.convlab.model.GlobalAvgPoolSpec(null),
                BatchNormSpec.standard(),
                new DenseSpec("type", 3, true, null, null),
                new org.convlab.model.SoftmaxSpec(null)));
        NetworkSpec spec = ModelFormats.withAllWeights(architecture, 3);
        PytorchProject.write(spec, dir);
        String py = ModelPy.write(spec, TorchLayout.of(spec), null);
        for (String line : List.of(
                "# ConvLab's layer /features/0/Conv\n        self._features_0_Conv = nn.Conv2d(2, 4, kernel_size=3)",
                "self.gap1 = nn.AdaptiveAvgPool2d(1)",
                "self.bn1 = nn.BatchNorm2d(4)",
                "self.type_ = nn.Linear(4, num_classes)",
                "x = self.type_(torch.flatten(x, 1))",
                "LAST_DENSE = \"type_\"")) {
            assertTrue(py.contains(line), line + "\n" + py);
        }
        assertEquals(spec, StateDictImport.apply(architecture, dir.resolve("weights.safetensors")));
    }

    @Test
    void flatValuesAndImagesAreReshapedWhereConvLabDoesItImplicitly(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("flat.json"), """
                {"format": "convlab-model", "version": 1, "input": {"channels": 2, "height": 4, "width": 4},
                 "layers": [{"type": "flatten"}, {"type": "dense", "units": 8}, {"type": "softmax"},
                  {"type": "residual", "branch": [{"type": "dense", "units": 8}, {"type": "relu"}]},
                  {"type": "conv", "filters": 4, "kernel": 1}, {"type": "globalavgpool"}, {"type": "dense", "units": 3}]}
                """);
        NetworkSpec spec = ModelFormats.withAllWeights(ModelFiles.read(json), 2);
        String py = ModelPy.write(spec, TorchLayout.of(spec), null);
        for (String line : List.of(
                "self.softmax1 = nn.Softmax(dim=1)\n", // a softmax that is not last stays in forward
                "x = self.softmax1(x)\n        x = x.view(x.size(0), 8, 1, 1)",
                "(\"fc1_flatten\", nn.Flatten()),\n                (\"fc1\", nn.Linear(8, 8)),",
                "(\"relu1_unflatten\", nn.Unflatten(1, (8, 1, 1))),",
                "x = self.fc2(torch.flatten(x, 1))")) {
            assertTrue(py.contains(line), line + "\n" + py);
        }
        PytorchProject.write(spec, dir.resolve("out"));
        assertEquals(spec, StateDictImport.apply(ModelFiles.read(json), dir.resolve("out").resolve("weights.safetensors")));
    }

    @Test
    void attributeNamesAreValidUniquePythonIdentifiers() {
        Set<String> taken = new java.util.HashSet<>();
        assertEquals("conv1", TorchLayout.attribute("res1.conv1", "res1.", taken));
        assertEquals("conv1_2", TorchLayout.attribute("conv1", "", taken));
        assertEquals("layer_0", TorchLayout.attribute("0", "", taken));
        assertEquals("eval_", TorchLayout.attribute("eval", "", taken));
        assertEquals("lambda_", TorchLayout.attribute("lambda", "", taken));
        assertEquals("a_b_c", TorchLayout.attribute("a/b.c", "", taken));
        assertEquals("caf_", TorchLayout.attribute("café", "", taken));
    }

    /** The state_dict names helper-common.md fixes for the every-layer model, written out by hand. */
    static final List<String> EVERY_LAYER_NAMES = List.of(
            "conv1.weight", "conv1.bias",
            "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var",
            "res1.conv1.weight",
            "res1.bn1.weight", "res1.bn1.bias", "res1.bn1.running_mean", "res1.bn1.running_var",
            "res1.conv2.weight", "res1.conv2.bias",
            "res1.bn2.weight", "res1.bn2.bias", "res1.bn2.running_mean", "res1.bn2.running_var",
            "res1.proj.weight",
            "res1.proj_bn.weight", "res1.proj_bn.bias", "res1.proj_bn.running_mean", "res1.proj_bn.running_var",
            "inception1.b1.conv1.weight", "inception1.b1.conv1.bias",
            "inception1.b2.conv1.weight", "inception1.b2.conv1.bias",
            "inception1.b2.conv2.weight", "inception1.b2.conv2.bias",
            "inception1.b3.conv1.weight", "inception1.b3.conv1.bias",
            "conv2.weight", "conv2.bias",
            "fc1.weight", "fc1.bias",
            "bn2.weight", "bn2.bias", "bn2.running_mean", "bn2.running_var",
            "fc2.weight", "fc2.bias");

    @Test
    void everyLayerWeightsCarryTheAgreedNames(@TempDir Path dir) throws Exception {
        PytorchProject.write(load("every-layer"), dir);
        Set<String> expected = new TreeSet<>(EVERY_LAYER_NAMES);
        for (String bn : List.of("bn1", "res1.bn1", "res1.bn2", "res1.proj_bn", "bn2")) {
            expected.add(bn + ".num_batches_tracked");
        }
        try (Safetensors.Reader r = Safetensors.open(dir.resolve("weights.safetensors"))) {
            assertEquals(expected, new TreeSet<>(r.names()));
            assertEquals("I64", r.dtype("res1.proj_bn.num_batches_tracked"));
            assertEquals(0, r.shape("res1.proj_bn.num_batches_tracked").length);
            assertArrayEquals(new long[] {8, 6, 1, 1}, r.shape("res1.proj.weight"));
            assertArrayEquals(new long[] {10, 96}, r.shape("fc1.weight"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"preset:xo", "preset:lenet5", "preset:tinyvgg", "preset:mnist1d", "preset:mlp-mnist1d", "every-layer"})
    void weightsAreTheSpecsTensorsBitForBitAndImportGivesTheSpecBack(String model, @TempDir Path dir) throws Exception {
        NetworkSpec spec = load(model);
        PytorchProject.write(spec, dir, model);
        List<String> seen = new ArrayList<>();
        try (Safetensors.Reader r = Safetensors.open(dir.resolve("weights.safetensors"))) {
            for (String name : r.names()) {
                if (name.endsWith(".num_batches_tracked")) {
                    continue;
                }
                int dot = name.lastIndexOf('.');
                ParamData p = tensor(spec.layers(), name.substring(0, dot), name.substring(dot + 1));
                assertTrue(p != null, "no spec tensor for " + name);
                float[] read = new float[p.size()];
                r.readFloats(name, read);
                assertArrayEquals(p.data(), read, name); // float bits, not within a tolerance
                assertArrayEquals(java.util.Arrays.stream(p.shape()).asLongStream().toArray(), r.shape(name), name);
                seen.add(name);
            }
        }
        assertEquals(countTensors(spec.layers()), seen.size());

        NetworkSpec architecture = model.startsWith("preset:") ? ModelFormats.load(model) : everyLayer();
        assertEquals(spec, StateDictImport.apply(architecture, dir.resolve("weights.safetensors")));
    }

    /** The tensor of the layer named {@code layer} (searched through blocks), by state_dict field. */
    static ParamData tensor(List<LayerSpec> layers, String layer, String field) {
        for (LayerSpec s : layers) {
            if (s.name().equals(layer)) {
                if (s instanceof ConvSpec c) {
                    return field.equals("weight") ? c.weight() : c.biasData();
                }
                if (s instanceof DenseSpec d) {
                    return field.equals("weight") ? d.weight() : d.biasData();
                }
                BatchNormSpec b = (BatchNormSpec) s;
                return switch (field) {
                    case "weight" -> b.gamma();
                    case "bias" -> b.beta();
                    case "running_mean" -> b.runningMean();
                    default -> b.runningVar();
                };
            }
            for (List<LayerSpec> inner : inner(s)) {
                ParamData p = tensor(inner, layer, field);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    static int countTensors(List<LayerSpec> layers) {
        int n = 0;
        for (LayerSpec s : layers) {
            if (s instanceof ConvSpec c) {
                n += c.bias() ? 2 : 1;
            } else if (s instanceof DenseSpec d) {
                n += d.bias() ? 2 : 1;
            } else if (s instanceof BatchNormSpec) {
                n += 4;
            }
            for (List<LayerSpec> inner : inner(s)) {
                n += countTensors(inner);
            }
        }
        return n;
    }

    static List<List<LayerSpec>> inner(LayerSpec s) {
        if (s instanceof ResidualSpec r) {
            return r.skip() == null ? List.of(r.branch()) : List.of(r.branch(), r.skip());
        }
        if (s instanceof InceptionSpec i) {
            return i.branches();
        }
        return List.of();
    }

    @Test
    void aForeignFolderOrAFileIsRefusedAPreviousExportIsReplaced(@TempDir Path dir) throws Exception {
        NetworkSpec lenet = load("preset:lenet5");
        Path foreign = Files.createDirectories(dir.resolve("someones-project"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        UserInputException e = assertThrows(UserInputException.class, () -> PytorchProject.write(lenet, foreign));
        assertTrue(e.getMessage().contains("already holds notes.txt, and is not a ConvLab PyTorch export"), e.getMessage());
        assertEquals(List.of("notes.txt"), list(foreign));

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        e = assertThrows(UserInputException.class, () -> PytorchProject.write(lenet, file));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());

        Path export = dir.resolve("export");
        PytorchProject.write(load("preset:xo"), export);
        Files.writeString(export.resolve("teacher-notes.md"), "kept");
        PytorchProject.write(lenet, export); // exported again, now another model
        assertTrue(Files.readString(export.resolve("model.py")).contains("self.conv3 = nn.Conv2d(16, 120, kernel_size=5)"));
        assertEquals("kept", Files.readString(export.resolve("teacher-notes.md")));
        assertEquals(List.of("README.md", "convlab_io.py", "model.py", "teacher-notes.md", "train.py", "weights.safetensors"),
                list(export)); // no temporary files left behind
    }

    static List<String> list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
