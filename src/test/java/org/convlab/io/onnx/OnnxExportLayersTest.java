package org.convlab.io.onnx;

import java.nio.file.Path;
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
}
