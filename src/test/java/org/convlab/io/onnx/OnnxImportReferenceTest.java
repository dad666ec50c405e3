package org.convlab.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.model.ModelSummary;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by torch.onnx.export (src/test/python/make_onnx_reference.py, torch 1.13, opset
 * 13): ConvLab's forward on the imported net equals PyTorch's eval-mode outputs within 1e-4,
 * measured per sample relative to the largest |output| of that sample.
 */
class OnnxImportReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"lenet5", "vgg_bn", "vgg_bn_folded", "residual", "inception", "conv1d", "conv1d_strided", "pad_conv", "matmul_add", "view_flatten", "pools",
        "encoder_decoder"})
    void forwardEqualsPytorch(String name) throws Exception {
        NetworkSpec spec = OnnxImport.read(OnnxImportFiles.resource(name + ".onnx"), null);
        OnnxImportFiles.Values[] v = OnnxImportFiles.values(name);
        float[] got = OnnxImportFiles.forward(spec, v[0]);
        float[] want = v[1].data();
        int batch = v[0].shape()[0];
        assertEquals(want.length, ShapeInference.outputShape(spec).size() * batch, "outputs per batch");
        double err = OnnxImportFiles.relativeError(want, java.util.Arrays.copyOf(got, want.length), batch);
        System.out.printf("%s: largest relative error %.2e%n", name, err);
        assertTrue(err <= 1e-4, name + ": relative error " + err);
    }
}
