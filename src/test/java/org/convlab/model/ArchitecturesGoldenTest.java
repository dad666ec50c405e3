package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The presets against golden/architectures-seed.md (the slides). Expected numbers are typed
 * from that file; shapes are written as the slides write them, H x W x C.
 */
class ArchitecturesGoldenTest {
    private static ModelSummary summary(String preset) {
        return ModelSummary.of(Presets.get(preset).network());
    }

    /** The rows a slide table lists: everything except element-wise layers (activations, dropout). */
    private static List<LayerInfo> rows(ModelSummary s) {
        return s.layers().stream()
                .filter(l -> !(l.spec() instanceof ActivationSpec) && !(l.spec() instanceof DropoutSpec)
                        && !(l.spec() instanceof FlattenSpec))
                .collect(Collectors.toList());
    }

    private static String slideShape(LayerInfo l) {
        return l.output().isFlat() ? Integer.toString(l.output().channels()) : l.output().toSlideString();
    }

    private static LayerInfo layer(ModelSummary s, String name) {
        return s.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void alexNetSimplifiedTable() {
        ModelSummary s = summary("alexnet");
        assertEquals("227x227x3", s.network().input().toSlideString());
        List<String> expected = List.of(
                "conv1 55x55x96", "pool1 27x27x96", "norm1 27x27x96",
                "conv2 27x27x256", "pool2 13x13x256", "norm2 13x13x256",
                "conv3 13x13x384", "conv4 13x13x384", "conv5 13x13x256", "pool3 6x6x256",
                "fc6 4096", "fc7 4096", "fc8 1000");
        assertEquals(expected, rows(s).stream().map(l -> l.name() + " " + slideShape(l)).toList());
        LayerInfo conv1 = layer(s, "conv1");
        assertEquals(34_848, conv1.weights());
        assertEquals("(227 - 11 + 2*0)/4 + 1 = 55", conv1.formula());
        LayerInfo pool1 = layer(s, "pool1");
        assertEquals(0, pool1.params());
        assertEquals("(55 - 3 + 2*0)/2 + 1 = 27", pool1.formula());
    }

    @Test
    void zfNetChangesConv1AndConv3To5() {
        ModelSummary s = summary("zfnet");
        LayerInfo conv1 = layer(s, "conv1");
        assertEquals(List.of(7, 7, 2), List.of(((ConvSpec) conv1.spec()).kernelHeight(),
                ((ConvSpec) conv1.spec()).kernelWidth(), ((ConvSpec) conv1.spec()).stride()));
        assertEquals(List.of(512, 1024, 512), List.of(layer(s, "conv3").output().channels(),
                layer(s, "conv4").output().channels(), layer(s, "conv5").output().channels()));
    }

    @Test
    void vgg16EveryRowMemoryAndWeights() {
        ModelSummary s = summary("vgg16");
        // rows of the slide: output, memory (activation values), params (weights without biases)
        List<String> expected = List.of(
                "224x224x64 3211264 1728", "224x224x64 3211264 36864", "112x112x64 802816 0",
                "112x112x128 1605632 73728", "112x112x128 1605632 147456", "56x56x128 401408 0",
                "56x56x256 802816 294912", "56x56x256 802816 589824", "56x56x256 802816 589824", "28x28x256 200704 0",
                "28x28x512 401408 1179648", "28x28x512 401408 2359296", "28x28x512 401408 2359296", "14x14x512 100352 0",
                "14x14x512 100352 2359296", "14x14x512 100352 2359296", "14x14x512 100352 2359296", "7x7x512 25088 0",
                "4096 4096 102760448", "4096 4096 16777216", "1000 1000 4096000");
        assertEquals(expected, rows(s).stream()
                .map(l -> slideShape(l) + " " + l.activations() + " " + l.weights()).toList());
        assertEquals(150_528, s.network().input().size());
        assertEquals(138_344_128L, s.totalWeights());
        assertEquals(13_416, s.totalBiases());
        assertEquals(138_357_544L, s.totalParams());
        assertEquals(15_237_608L, s.totalActivations());
    }

    @Test
    void googLeNetInceptionDepths() {
        ModelSummary s = summary("googlenet");
        assertEquals("28x28x256", layer(s, "inception3a").output().toSlideString());
        assertEquals("64 + 128 + 32 + 32 = 256 channels", layer(s, "inception3a").formula());
        assertEquals("128 + 192 + 96 + 64 = 480 channels", layer(s, "inception3b").formula());
        assertEquals("28x28x480", layer(s, "inception3b").output().toSlideString());
        assertEquals("14x14x512", layer(s, "inception4a").output().toSlideString());
        assertEquals("14x14x832", layer(s, "inception4e").output().toSlideString());
        assertEquals("7x7x1024", layer(s, "inception5b").output().toSlideString());
        LayerInfo avg = s.layers().stream().filter(l -> l.spec() instanceof PoolSpec p
                && p.kind() == PoolSpec.Kind.AVG).findFirst().orElseThrow();
        assertEquals("1x1x1024", avg.output().toSlideString());
        assertEquals(0.4, s.layers().stream().map(LayerInfo::spec).filter(l -> l instanceof DropoutSpec)
                .map(l -> ((DropoutSpec) l).rate()).findFirst().orElseThrow());
        assertEquals(1000, s.layers().get(s.layers().size() - 2).output().channels());
    }

    @Test
    void mnist1dHasExactly2050Parameters() {
        ModelSummary s = summary("mnist1d");
        assertEquals(2_050, s.totalParams());
        List<LayerInfo> weighted = s.layers().stream().filter(l -> l.params() > 0).toList();
        assertEquals(List.of(60L, 690L, 690L, 610L), weighted.stream().map(LayerInfo::params).toList());
        assertEquals(List.of(19, 9, 4), weighted.subList(0, 3).stream().map(l -> l.output().width()).toList());
        assertEquals(List.of(15, 15, 15), weighted.subList(0, 3).stream().map(l -> l.output().channels()).toList());
    }

    @Test
    void leNet5ClassicSizes() {
        ModelSummary s = summary("lenet5");
        List<String> shapes = rows(s).stream().filter(l -> !(l.spec() instanceof SoftmaxSpec))
                .map(ArchitecturesGoldenTest::slideShape).toList();
        // 28x28x1 padded by 2 gives the classic 32x32 sizes from conv1 on; conv3 (120 5x5 filters) ends at 1x1x120
        assertEquals(List.of("28x28x6", "14x14x6", "10x10x16", "5x5x16", "120", "84", "10"), shapes);
    }

    @Test
    void xoPresetPoolsSevenBySevenToFourByFour() {
        ModelSummary s = summary("xo");
        assertEquals("7x7x3", layer(s, "conv1").output().toSlideString());
        assertEquals("4x4x3", layer(s, "pool1").output().toSlideString());
        assertEquals(List.of("X", "O"), s.network().classes());
    }

    @Test
    void resNet18MatchesTorchvisionParameterCount() {
        // torchvision.models.resnet18().parameters() sums to 11,689,512 (the published figure)
        ModelSummary s = summary("resnet18");
        assertEquals(11_689_512L, s.totalParams());
        assertEquals("7x7x512", layer(s, "layer4.1").output().toSlideString());
    }

    @Test
    void tinyVggFollowsCnnExplainer() {
        ModelSummary s = summary("tinyvgg");
        assertEquals(List.of("62x62x10", "60x60x10", "30x30x10", "28x28x10", "26x26x10", "13x13x10", "10"),
                rows(s).stream().filter(l -> !(l.spec() instanceof SoftmaxSpec)).map(ArchitecturesGoldenTest::slideShape).toList());
    }
}
