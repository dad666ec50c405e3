package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.convlab.model.ConvSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.ShapeInference;
import org.junit.jupiter.api.Test;

/** The layers (types and names) each torch export turns into, as the script's modules say they should. */
class OnnxImportStructureTest {
    private static NetworkSpec read(String name) {
        return OnnxImport.read(OnnxImportFiles.resource(name + ".onnx"), null);
    }

    /** "name:type" of every layer, blocks as name:type[inner, ...] (inception branches separated by |). */
    static String outline(List<LayerSpec> layers) {
        List<String> parts = new ArrayList<>();
        for (LayerSpec l : layers) {
            String s = l.name() + ":" + l.type();
            if (l instanceof ResidualSpec r) {
                s += "[" + outline(r.branch()) + (r.skip() == null ? "" : " + " + outline(r.skip())) + "]";
            } else if (l instanceof InceptionSpec i) {
                s += "[" + String.join(" | ", i.branches().stream().map(OnnxImportStructureTest::outline).toList()) + "]";
            }
            parts.add(s);
        }
        return String.join(", ", parts);
    }

    @Test
    void lenet5KeepsItsModuleNames() {
        NetworkSpec s = read("lenet5");
        assertEquals("conv1:conv, tanh:tanh, pool1:avgpool, conv2:conv, relu:relu, pool2:maxpool, reshape:flatten,"
                + " fc1:dense, relu_1:relu, fc2:dense, relu_2:relu, fc3:dense", outline(s.layers()));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), s.classes());
        assertEquals("2", ((ConvSpec) s.layers().get(0)).padding().toString());
    }

    @Test
    void vggKeepsBatchNormAndTheCeilPool() {
        NetworkSpec s = read("vgg_bn");
        assertEquals("features.0:conv, features.1:batchnorm, features.2:relu, features.3:conv, features.4:batchnorm,"
                + " features.5:leakyrelu, features.6:maxpool, features.7:conv, features.8:batchnorm, features.9:relu,"
                + " features.10:maxpool, flatten:flatten, classifier.0:dense, classifier.1:relu, classifier.3:dense",
                outline(s.layers()));
        assertTrue(((PoolSpec) s.layer("features.10")).ceil());
        assertEquals(0.2, ((org.convlab.model.ActivationSpec) s.layer("features.5")).slope());
        var bn = (org.convlab.model.BatchNormSpec) s.layer("features.1");
        assertEquals(1e-5, bn.eps());
        assertEquals(0.1, bn.momentum());
    }

    @Test
    void residualBlocksTakeTheBlockModuleNameAndTheProjectionRule() {
        NetworkSpec s = read("residual");
        assertEquals("stem:conv, relu:relu, layer1:residual[layer1.conv1:conv, layer1.bn1:batchnorm, layer1.relu:relu,"
                + " layer1.conv2:conv, layer1.bn2:batchnorm], layer1.relu_1:relu, layer2:residual[layer2.conv1:conv,"
                + " layer2.bn1:batchnorm, layer2.relu:relu, layer2.conv2:conv, layer2.bn2:batchnorm + layer2.proj:conv,"
                + " layer2.proj_bn:batchnorm], layer2.relu_1:relu, pool:globalavgpool, flatten:flatten, fc:dense,"
                + " softmax:softmax", outline(s.layers()));
        assertTrue(((ResidualSpec) s.layer("layer2")).projection());
    }

    @Test
    void inceptionBranchesFollowTheConcatOrder() {
        NetworkSpec s = read("inception");
        assertEquals("stem:conv, relu:relu, concat:inception[b1:conv, relu_1:relu | b2a:conv, relu_2:relu, b2b:conv,"
                + " relu_3:relu | b3a:conv, relu_4:relu, b3b:conv, relu_5:relu | b4pool:maxpool, b4:conv, relu_6:relu],"
                + " maxpool:maxpool, flatten:flatten, fc:dense", outline(s.layers()));
    }

    @Test
    void conv1dMapsOntoHeightOneWithKernels1xK() {
        NetworkSpec s = read("conv1d_strided");
        assertEquals(org.convlab.engine.Shape.of(2, 1, 32), s.input());
        ConvSpec c2 = (ConvSpec) s.layer("conv2");
        assertEquals(List.of(1, 3, 2), List.of(c2.kernelHeight(), c2.kernelWidth(), c2.stride()));
        assertTrue(c2.floor(), "(32 - 3)/2 + 1 = 15.5: PyTorch floors");
        assertEquals(org.convlab.engine.Shape.of(3, 1, 1), ShapeInference.outputShape(s));
    }

    @Test
    void maxPool1dImportsAsA1xKWindowAndRunsLikePytorch() throws Exception {
        NetworkSpec s = read("conv1d");
        PoolSpec p = (PoolSpec) s.layer("pool1");
        assertEquals(List.of(1, 2, 2), List.of(p.windowHeight(), p.windowWidth(), p.stride()));
        assertEquals(org.convlab.engine.Shape.of(3, 1, 1), ShapeInference.outputShape(s));
        // the engine pools the 1x2 window: ConvLab's forward equals PyTorch's outputs (make_onnx_reference.py)
        OnnxImportFiles.Values[] v = OnnxImportFiles.values("conv1d");
        int batch = v[0].shape()[0];
        float[] want = v[1].data();
        float[] got = OnnxImportFiles.forward(s, v[0]);
        assertEquals(want.length, ShapeInference.outputShape(s).size() * batch, "outputs per batch");
        double err = OnnxImportFiles.relativeError(want, java.util.Arrays.copyOf(got, want.length), batch);
        System.out.printf("conv1d (MaxPool1d): largest relative error %.2e%n", err);
        assertTrue(err <= 1e-4, "conv1d: relative error " + err);
    }

    @Test
    void padFoldsIntoTheConvAndMatMulAddIsADenseLayer() {
        NetworkSpec pad = read("pad_conv");
        assertEquals("conv1:conv, relu:relu, flatten:flatten, fc:dense", outline(pad.layers()));
        assertEquals("1", ((ConvSpec) pad.layer("conv1")).padding().toString());
        NetworkSpec mm = read("matmul_add");
        assertEquals("conv1:conv, relu:relu, flatten:flatten, matmul:dense", outline(mm.layers()));
        assertTrue(((org.convlab.model.DenseSpec) mm.layer("matmul")).bias());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lenet5", "vgg_bn", "residual", "inception", "conv1d_strided",
            "pad_conv", "matmul_add", "view_flatten", "pools", "conv1d"})
    void anImportSavesAsAModelFileThatReadsBackEqual(String name) {
        NetworkSpec s = read(name);
        String json = org.convlab.model.ModelWriter.write(s, false);
        assertEquals(s, org.convlab.model.ModelReader.read(json, name + ".json"));
        assertTrue(org.convlab.model.SummaryReport.table(org.convlab.model.ModelSummary.of(s)).contains(s.layers().get(0).name()));
    }

    @Test
    void viewBySizeOfTheBatchIsAFlatten() {
        assertEquals("conv1:conv, relu:relu, pool1:maxpool, reshape:flatten, fc1:dense", outline(read("view_flatten").layers()));
    }
}
