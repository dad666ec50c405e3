package org.convlab.ui.editor;

import java.util.List;
import java.util.function.Supplier;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SoftmaxSpec;

/** Every layer type the model package knows, as the palette offers it: a sensible new layer and a tooltip. */
public final class LayerCatalog {
    /** One palette entry: the JSON type, a short glyph for its icon, a title and a tooltip. */
    public record Entry(String type, String glyph, String title, String tooltip, Supplier<LayerSpec> create) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("conv", "C", "Convolution", "conv: slides filters over the input (8 filters 3x3, stride 1, same padding)",
                    () -> ConvSpec.of(8, 3, 1, Padding.SAME)),
            new Entry("maxpool", "MP", "Max pooling", "maxpool: keeps the largest value of each 2x2 window, stride 2",
                    () -> PoolSpec.max(2, 2)),
            new Entry("avgpool", "AP", "Average pooling", "avgpool: averages each 2x2 window, stride 2",
                    () -> PoolSpec.avg(2, 2)),
            new Entry("globalavgpool", "GAP", "Global average pooling", "globalavgpool: one mean per channel (HxWxC -> C)",
                    () -> new GlobalAvgPoolSpec(null)),
            new Entry("convtranspose", "CT", "Transposed convolution",
                    "convtranspose: each input value stamps a scaled copy of the kernel, stride pixels apart, overlaps summed"
                            + " (8 filters 2x2, stride 2: doubles the size)",
                    () -> org.convlab.model.ConvTransposeSpec.of(8, 2, 2, 0, 0)),
            new Entry("upsample", "Up", "Upsampling", "upsample: makes the map scale times larger (nearest repeats values,"
                    + " bilinear blends neighbours); no weights",
                    () -> org.convlab.model.UpsampleSpec.of(2, org.convlab.model.UpsampleSpec.Mode.NEAREST)),
            new Entry("relu", "R", "ReLU", "relu: negative values become 0", ActivationSpec::relu),
            new Entry("leakyrelu", "LR", "Leaky ReLU", "leakyrelu: negative values are multiplied by a small slope (0.01)",
                    ActivationSpec::leakyRelu),
            new Entry("sigmoid", "S", "Sigmoid", "sigmoid: squashes every value into (0, 1)", ActivationSpec::sigmoid),
            new Entry("tanh", "T", "Tanh", "tanh: squashes every value into (-1, 1)", ActivationSpec::tanh),
            new Entry("batchnorm", "BN", "Batch normalization", "batchnorm: normalizes each channel over the batch",
                    BatchNormSpec::standard),
            new Entry("lrn", "N", "Local response normalization", "lrn: AlexNet's normalization across neighbouring channels",
                    LrnSpec::alexNet),
            new Entry("dropout", "D", "Dropout", "dropout: zeroes values at random while training (rate 0.5)",
                    () -> DropoutSpec.of(0.5)),
            new Entry("flatten", "F", "Flatten", "flatten: HxWxC -> one vector (C, H, W order)", () -> new FlattenSpec(null)),
            new Entry("dense", "FC", "Fully connected", "dense: every output sees every input (10 units)", () -> DenseSpec.of(10)),
            new Entry("softmax", "SM", "Softmax", "softmax: turns class scores into probabilities (needs a flat input)",
                    () -> new SoftmaxSpec(null)),
            new Entry("inception", "Inc", "Inception block",
                    "inception: parallel 1x1, 3x3, 5x5 convs and a pooled branch, concatenated along channels",
                    LayerCatalog::inception),
            new Entry("residual", "Res", "Residual block",
                    "residual: two 3x3 convs with batchnorm, added to the input (1x1 projection on the skip path)",
                    LayerCatalog::residual));

    private LayerCatalog() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Entry entry(String type) {
        return ENTRIES.stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer type " + type));
    }

    private static LayerSpec inception() {
        return new InceptionSpec(null, List.of(
                List.of(ConvSpec.of(16, 1, 1, Padding.VALID), ActivationSpec.relu()),
                List.of(ConvSpec.of(16, 1, 1, Padding.VALID), ActivationSpec.relu(), ConvSpec.of(32, 3, 1, Padding.SAME), ActivationSpec.relu()),
                List.of(ConvSpec.of(8, 1, 1, Padding.VALID), ActivationSpec.relu(), ConvSpec.of(8, 5, 1, Padding.SAME), ActivationSpec.relu()),
                List.of(new PoolSpec(null, PoolSpec.Kind.MAX, 3, 3, 1, Padding.SAME, false), ConvSpec.of(8, 1, 1, Padding.VALID),
                        ActivationSpec.relu())));
    }

    private static LayerSpec residual() {
        return new ResidualSpec(null, List.of(ConvSpec.of(16, 3, 1, Padding.SAME), BatchNormSpec.standard(), ActivationSpec.relu(),
                ConvSpec.of(16, 3, 1, Padding.SAME), BatchNormSpec.standard()), true);
    }
}
