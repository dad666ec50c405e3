package org.convlab.io.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convlab.io.ModelFormats;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.Presets;
import org.convlab.model.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every layer type with trained-looking weights: the exported file, run in ONNX Runtime, gives
 * ConvLab's {@code forward} output within 1e-4 of the largest output (see {@link OnnxExportCheck}).
 */
class OnnxExportLayersTest {
    @TempDir
    Path dir;

    private void check(String name, NetworkSpec spec) throws Exception {
        NetworkSpec trained = OnnxExportModels.trained(spec, 42);
        Path file = dir.resolve(name + ".onnx");
        OnnxExport.write(trained, file);
        OnnxExportCheck.compare(trained, file, 2, 3);
    }

    @Test
    void batchNormLeakyReluAvgPoolCeilPaddingDropoutTanh() throws Exception {
        check("bn", OnnxExportModels.batchNormNet());
    }

    @Test
    void lrnDilationStrideSigmoidGlobalAveragePoolSoftmax() throws Exception {
        check("lrn", OnnxExportModels.lrnNet());
    }

    @Test
    void inceptionBlockAndAConvOnAFlatVector() throws Exception {
        check("inception", OnnxExportModels.inceptionNet());
    }

    @Test
    void residualBlocksWithAndWithoutProjection() throws Exception {
        check("residual", OnnxExportModels.residualNet());
    }

    @Test
    void normalizedConvsWithAndWithoutBias() throws Exception {
        check("normalize", OnnxExportModels.normalizeNet());
    }

    @Test
    void aOneDimensionalModel() throws Exception {
        check("oned", OnnxExportModels.oneDimensionalNet());
    }

    @Test
    void blocksOnFlatVectorsAndASoftmaxOnAMap() throws Exception {
        check("flat", OnnxExportModels.flatBlocksNet());
    }

    /** ONNX Runtime's LRN refuses alpha 0 and beta 0; such a layer only divides by k^beta. */
    @Test
    void lrnWithoutAlphaOrBeta() throws Exception {
        check("lrn0", OnnxExportModels.net(org.convlab.engine.Shape.of(4, 5, 5), 3,
                OnnxExportModels.conv(6, 3, 1, org.convlab.model.Padding.VALID),
                new org.convlab.model.LrnSpec(null, 3, 0, 0.75, 2), new org.convlab.model.LrnSpec(null, 5, 0.3, 0, 1.5),
                new org.convlab.model.FlattenSpec(null), org.convlab.model.DenseSpec.of(3)));
    }

    /** Biases and batch-norm tensors a model file leaves out are what the network uses: zeros, and gamma 1, var 1. */
    @Test
    void missingBiasesAndBatchNormTensorsExportAsTheNetworkUsesThem() throws Exception {
        NetworkSpec full = ModelFormats.withAllWeights(OnnxExportModels.batchNormNet(), 3);
        List<LayerSpec> stripped = new ArrayList<>();
        for (LayerSpec l : full.layers()) {
            if (l instanceof ConvSpec c) {
                l = c.withWeights(c.weight(), null);
            } else if (l instanceof DenseSpec d) {
                l = d.withWeights(d.weight(), null);
            } else if (l instanceof BatchNormSpec b) {
                l = b.withTensors(null, null, null, null);
            }
            stripped.add(l);
        }
        NetworkSpec spec = new NetworkSpec(full.input(), full.classes(), stripped);
        Path file = dir.resolve("stripped.onnx");
        OnnxExport.write(spec, file);
        OnnxExportCheck.compare(spec, file, 2);
    }

    /** The facade the command line and the app call: a preset without weights gets its seed's. */
    @Test
    void theFacadeExportsAPresetWithItsSeedsWeights() throws Exception {
        Path file = dir.resolve("lenet5.onnx");
        NetworkSpec lenet = Presets.get("lenet5").network();
        ModelFormats.exportOnnx(lenet, 11, file);
        OnnxExportCheck.compare(ModelFormats.withAllWeights(lenet, 11), file, 2);
    }
}
