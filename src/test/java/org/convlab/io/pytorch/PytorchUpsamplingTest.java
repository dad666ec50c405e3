package org.convlab.io.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.io.ModelFormats;
import org.convlab.io.Safetensors;
import org.convlab.model.ActivationSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.model.UpsampleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transposed convolutions and upsampling in the PyTorch project: model.py builds
 * nn.ConvTranspose2d and nn.Upsample with PyTorch's arguments, the transposed conv's weight
 * [C_in, F, KH, KW] and bias are in weights.safetensors bit for bit, and the state_dict import
 * puts them back on the layers.
 */
class PytorchUpsamplingTest {
    static NetworkSpec net() {
        return new NetworkSpec(Shape.of(1, 6, 6), List.of("a", "b"), List.of(
                new ConvSpec("enc", 4, 3, 3, 2, Padding.of(1), 1, true, false, null, null),
                ActivationSpec.relu(),
                new ConvTransposeSpec("dec", 3, 3, 2, 2, Padding.of(1), 1, 0, 1, true, null, null),
                new ConvTransposeSpec("dec2", 2, 2, 2, 1, Padding.VALID, 0, 0, 2, false, null, null),
                new UpsampleSpec("near", 2, UpsampleSpec.Mode.NEAREST),
                new UpsampleSpec("bil", 3, UpsampleSpec.Mode.BILINEAR),
                new FlattenSpec("flat"),
                new DenseSpec("fc", 2, true, null, null)));
    }

    @Test
    void modulesWeightsAndImportBack(@TempDir Path dir) throws Exception {
        NetworkSpec spec = ModelFormats.withAllWeights(net(), 3);
        PytorchProject.write(spec, dir, "ed.model.json");
        String py = Files.readString(dir.resolve("model.py"));
        for (String line : List.of(
                "self.dec = nn.ConvTranspose2d(4, 3, kernel_size=(3, 2), stride=2, padding=1, output_padding=(1, 0))",
                "self.dec2 = nn.ConvTranspose2d(3, 2, kernel_size=2, bias=False, dilation=2)",
                "self.near = nn.Upsample(scale_factor=2, mode=\"nearest\")",
                "self.bil = nn.Upsample(scale_factor=3, mode=\"bilinear\", align_corners=False)")) {
            assertTrue(py.contains(line), line + "\n" + py);
        }
        ConvTransposeSpec dec = (ConvTransposeSpec) spec.layers().get(2);
        ConvTransposeSpec dec2 = (ConvTransposeSpec) spec.layers().get(3);
        try (Safetensors.Reader r = Safetensors.open(dir.resolve("weights.safetensors"))) {
            assertArrayEquals(new long[] {4, 3, 3, 2}, r.shape("dec.weight"));
            assertArrayEquals(new long[] {3}, r.shape("dec.bias"));
            assertArrayEquals(new long[] {3, 2, 2, 2}, r.shape("dec2.weight"));
            assertTrue(!r.names().contains("dec2.bias"), "dec2 has no bias");
            float[] w = new float[dec.weight().size()];
            r.readFloats("dec.weight", w);
            assertArrayEquals(dec.weight().data(), w);
            float[] w2 = new float[dec2.weight().size()];
            r.readFloats("dec2.weight", w2);
            assertArrayEquals(dec2.weight().data(), w2);
        }
        assertEquals(spec, StateDictImport.apply(net(), dir.resolve("weights.safetensors")));
    }
}
