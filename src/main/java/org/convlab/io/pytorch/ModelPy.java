package org.convlab.io.pytorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.Dims;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.PoolSpec;
import org.convlab.model.Preprocessing;
import org.convlab.model.ResidualSpec;
import org.convlab.model.SoftmaxSpec;

/**
 * Writes {@code model.py}: the network as a plain {@code torch.nn.Module} a person could have
 * written, one attribute per ConvLab layer (same names) and a {@code forward} that calls them in
 * order. Blocks use two small helper modules, {@code Residual} and {@code Inception}, emitted
 * only when the model has such blocks.
 *
 * <p>PyTorch keeps flat values as [N, F] and images as [N, C, H, W]; ConvLab holds both as
 * C x H x W (flat is F x 1 x 1). The writer follows the rank PyTorch has at each step and puts
 * in the {@code torch.flatten} (before a dense layer on an image) or the reshape back to
 * C x H x W (before a spatial layer on flat values) that ConvLab does implicitly.
 */
final class ModelPy {
    private final NetworkSpec spec;
    private final List<TorchLayer> layers;
    private final String modelName;
    private final String lastDense;
    private final StringBuilder init = new StringBuilder();
    private final StringBuilder forward = new StringBuilder();
    private boolean usesNormalizedConv;
    private boolean usesResidual;
    private boolean usesInception;
    private boolean usesOrderedDict;

    private ModelPy(NetworkSpec spec, List<TorchLayer> layers, String modelName) {
        this.spec = spec;
        this.layers = layers;
        this.modelName = modelName;
        this.lastDense = PytorchProject.lastDense(spec);
    }

    static String write(NetworkSpec spec, List<TorchLayer> layers, String modelName) {
        return new ModelPy(spec, layers, modelName).text();
    }

    private String text() {
        topLevel();
        StringBuilder py = new StringBuilder();
        py.append(header());
        py.append("import torch\nfrom torch import nn\n");
        if (usesOrderedDict) {
            py.insert(py.indexOf("import torch\n"), "from collections import OrderedDict\n\n");
        }
        py.append("\n");
        py.append("# What train.py needs to prepare images as ConvLab does, and to name the outputs.\n");
        Dims in = Dims.of(spec.input());
        py.append("INPUT_SHAPE = (").append(in.channels()).append(", ").append(in.height()).append(", ")
                .append(in.width()).append(")  # channels, height, width\n");
        py.append("CLASSES = ").append(PyText.list(classes())).append("\n");
        py.append("PREPROCESSING = ").append(preprocessing()).append("\n");
        py.append("# The dense layer train.py gives one unit per class when the data has another number of classes\n");
        py.append("# (as ConvLab's train does); None when the model does not end in one.\n");
        py.append("LAST_DENSE = ").append(lastDense == null ? "None" : PyText.string(pathOf(lastDense))).append("\n");
        if (usesNormalizedConv) {
            py.append(Templates.text("normalized_conv.py"));
        }
        if (usesResidual) {
            py.append(Templates.text("residual.py"));
        }
        if (usesInception) {
            py.append(Templates.text("inception.py"));
        }
        py.append("\n\nclass Net(nn.Module):\n");
        py.append("    def __init__(self, num_classes=").append(outputs()).append("):\n");
        py.append("        super().__init__()\n");
        py.append(init);
        py.append("\n    def forward(self, x):\n");
        py.append(forward);
        py.append("\n    def predict(self, x):\n");
        py.append("        \"\"\"Class probabilities (what ConvLab shows as the network's output).\"\"\"\n");
        py.append("        return torch.softmax(self(x), dim=1)\n");
        return py.toString();
    }

    private String header() {
        StringBuilder h = new StringBuilder("\"\"\"");
        h.append(modelName == null ? "A network" : modelName).append(" as a PyTorch module, exported by ConvLab.\n\n");
        h.append("ConvLab model: ").append(modelName == null ? "(not named)" : modelName).append("\n");
        Dims in = Dims.of(spec.input());
        h.append("Input: ").append(in.channels()).append(" x ").append(in.height()).append(" x ").append(in.width())
                .append(" (channels x height x width)\n");
        List<String> classes = classes();
        h.append("Classes (").append(classes.size()).append("): ")
                .append(String.join(", ", classes.size() > 12 ? classes.subList(0, 12) : classes))
                .append(classes.size() > 12 ? ", ..." : "").append("\n\n");
        h.append("The layers and their names are ConvLab's, so the state_dict names are too\n");
        h.append("(conv1.weight, conv1.bias, ...) and weights trained here go back into ConvLab:\n");
        h.append("    java --add-modules jdk.incubator.vector -jar convlab.jar import weights.safetensors \\\n");
        h.append("        --model ").append(modelName == null ? "MODEL.json" : modelName).append(" --out trained.json\n\n");
        h.append(String.format(Locale.ROOT, "%-22s %-14s %s%n", "layer", "type", "output (C x H x W)"));
        table(h, layers, "");
        h.append("\"\"\"\n");
        return h.toString();
    }

    private static void table(StringBuilder h, List<TorchLayer> layers, String indent) {
        for (TorchLayer l : layers) {
            Dims o = l.info().outputDims();
            h.append(String.format(Locale.ROOT, "%-22s %-14s %d x %d x %d%n", indent + PyText.docSafe(l.name()),
                    l.spec().type(), o.channels(), o.height(), o.width()));
            for (List<TorchLayer> inner : l.inner()) {
                table(h, inner, indent + "  ");
            }
        }
    }

    private List<String> classes() {
        if (!spec.classes().isEmpty()) {
            return spec.classes();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs(); i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private long outputs() {
        return layers.get(layers.size() - 1).info().outputDims().count();
    }

    private String preprocessing() {
        Preprocessing p = PytorchProject.preprocessing(spec);
        return "{\"normalize\": " + PyText.string(p.normalize()) + ", \"resize\": " + PyText.string(p.resize())
                + ", \"mean\": " + (p.mean() == null ? "None" : PyText.floats(p.mean()))
                + ", \"std\": " + (p.std() == null ? "None" : PyText.floats(p.std())) + "}";
    }

    private String pathOf(String convlabName) {
        for (TorchLayer l : layers) {
            if (l.name().equals(convlabName)) {
                return l.path();
            }
        }
        throw new IllegalStateException("no top-level layer " + convlabName);
    }

    // ---- the top level: one attribute per layer, forward calls them in order

    private void topLevel() {
        java.util.Set<String> declared = new java.util.HashSet<>();
        int rank = 4;
        int last = layers.size() - 1;
        for (int i = 0; i < layers.size(); i++) {
            TorchLayer l = layers.get(i);
            LayerSpec s = l.spec();
            String self = "self." + l.attribute();
            LayerInfo info = l.info();
            if (i == last && s instanceof SoftmaxSpec) {
                forward.append("        # ").append(PyText.comment(l.name())).append(": ConvLab's last layer, a softmax. forward returns its input,\n")
                        .append("        # the logits (ConvLab's logits too), because nn.CrossEntropyLoss applies the softmax\n")
                        .append("        # itself; predict() gives the probabilities.\n");
                continue;
            }
            declareContainers(l.attribute(), declared);
            if (!l.path().equals(l.name())) {
                init.append("        # ConvLab's layer ").append(PyText.comment(l.name())).append("\n");
            }
            if (needsImage(s) && rank == 2) {
                forward.append("        x = x.view(x.size(0), ").append(dims(info.inputDims()))
                        .append(")  # flat values as ConvLab holds them, channels x 1 x 1\n");
                rank = 4;
            }
            if ((s instanceof DenseSpec) && rank == 4) {
                init.append("        ").append(self).append(" = ").append(constructor(l, rank, true)).append("\n");
                forward.append("        x = ").append(self).append("(torch.flatten(x, 1))\n");
                rank = 2;
                continue;
            }
            init.append("        ").append(self).append(" = ").append(constructor(l, rank, true)).append("\n");
            forward.append("        x = ").append(self).append("(x)\n");
            rank = rankAfter(s, rank);
        }
        forward.append("        return x\n");
    }

    /** {@code self.layer1 = nn.ModuleDict()} before the first {@code self.layer1["0"] = ...}. */
    private void declareContainers(String attribute, java.util.Set<String> declared) {
        for (int at = attribute.indexOf('['); at > 0; at = attribute.indexOf('[', at + 1)) {
            String container = attribute.substring(0, at);
            if (declared.add(container)) {
                init.append("        self.").append(container).append(" = nn.ModuleDict()\n");
            }
        }
    }

    /** Layers that need [N, C, H, W]. */
    private static boolean needsImage(LayerSpec s) {
        return s instanceof ConvSpec || s instanceof PoolSpec || s instanceof GlobalAvgPoolSpec || s instanceof LrnSpec
                || s instanceof InceptionSpec || s instanceof ResidualSpec || s instanceof org.convlab.model.ConvTransposeSpec
                || s instanceof org.convlab.model.UpsampleSpec;
    }

    private static int rankAfter(LayerSpec s, int rank) {
        if (s instanceof DenseSpec || s instanceof FlattenSpec) {
            return 2;
        }
        return needsImage(s) ? 4 : rank;
    }

    private static String dims(Dims d) {
        return d.channels() + ", " + d.height() + ", " + d.width();
    }

    /**
     * The module for one layer on an input of {@code rank}. {@code top}: at the top level, where
     * the last dense layer takes {@code num_classes}.
     */
    private String constructor(TorchLayer l, int rank, boolean top) {
        LayerSpec s = l.spec();
        LayerInfo info = l.info();
        long inChannels = info.inputDims().channels();
        if (s instanceof ConvSpec c) {
            usesNormalizedConv |= c.normalize();
            int[] pad = c.resolvedPadding();
            StringBuilder b = new StringBuilder(c.normalize() ? "NormalizedConv2d(" : "nn.Conv2d(");
            b.append(inChannels).append(", ").append(c.filters()).append(", kernel_size=")
                    .append(pair(c.kernelHeight(), c.kernelWidth()));
            if (c.stride() != 1) {
                b.append(", stride=").append(c.stride());
            }
            if (pad[0] != 0 || pad[1] != 0) {
                b.append(", padding=").append(pair(pad[0], pad[1]));
            }
            if (c.dilation() != 1) {
                b.append(", dilation=").append(c.dilation());
            }
            if (!c.bias()) {
                b.append(", bias=False");
            }
            return b.append(")").toString();
        }
        if (s instanceof PoolSpec p) {
            int[] pad = p.resolvedPadding();
            StringBuilder b = new StringBuilder(p.kind() == PoolSpec.Kind.MAX ? "nn.MaxPool2d(" : "nn.AvgPool2d(");
            b.append(pair(p.windowHeight(), p.windowWidth())).append(", stride=").append(p.stride());
            if (pad[0] != 0 || pad[1] != 0) {
                b.append(", padding=").append(pair(pad[0], pad[1]));
            }
            if (p.ceil()) {
                b.append(", ceil_mode=True");
            }
            return b.append(")").toString();
        }
        if (s instanceof GlobalAvgPoolSpec) {
            return "nn.AdaptiveAvgPool2d(1)";
        }
        if (s instanceof DenseSpec d) {
            boolean classes = top && l.name().equals(lastDense);
            return "nn.Linear(" + info.inputDims().count() + ", " + (classes ? "num_classes" : d.units())
                    + (d.bias() ? "" : ", bias=False") + ")";
        }
        if (s instanceof FlattenSpec) {
            return "nn.Flatten()";
        }
        if (s instanceof BatchNormSpec bn) {
            String args = (rank == 2 ? "nn.BatchNorm1d(" : "nn.BatchNorm2d(") + inChannels;
            if (bn.eps() != BatchNormSpec.DEFAULT_EPS) {
                args += ", eps=" + PyText.number(bn.eps());
            }
            if (bn.momentum() != BatchNormSpec.DEFAULT_MOMENTUM) {
                args += ", momentum=" + PyText.number(bn.momentum());
            }
            return args + ")";
        }
        if (s instanceof LrnSpec n) {
            return "nn.LocalResponseNorm(" + n.size() + ", alpha=" + PyText.number(n.alpha()) + ", beta="
                    + PyText.number(n.beta()) + ", k=" + PyText.number(n.k()) + ")";
        }
        if (s instanceof DropoutSpec d) {
            return "nn.Dropout(p=" + PyText.number(d.rate()) + ")";
        }
        if (s instanceof ActivationSpec a) {
            return switch (a.kind()) {
                case RELU -> "nn.ReLU()";
                case LEAKY_RELU -> "nn.LeakyReLU(negative_slope=" + PyText.number(a.slope()) + ")";
                case SIGMOID -> "nn.Sigmoid()";
                case TANH -> "nn.Tanh()";
            };
        }
        if (s instanceof SoftmaxSpec) { // ConvLab's softmax takes flat inputs only: [N, F] or [N, F, 1, 1]
            return "nn.Softmax(dim=1)";
        }
        if (s instanceof ResidualSpec) {
            return residual(l);
        }
        if (s instanceof InceptionSpec) {
            return inception(l);
        }
        if (s instanceof org.convlab.model.ConvTransposeSpec t) {
            return TorchUpsampling.convTranspose(t, inChannels);
        }
        if (s instanceof org.convlab.model.UpsampleSpec u) {
            return TorchUpsampling.upsample(u);
        }
        throw new IllegalStateException("layer type " + s.type());
    }

    private String residual(TorchLayer l) {
        usesResidual = true;
        usesOrderedDict = true;
        StringBuilder b = new StringBuilder("Residual(\n");
        b.append("            branch=").append(sequential(l.inner().get(0), "            ")).append(",\n");
        for (TorchLayer s : l.inner().get(1)) {
            b.append("            ").append(s.attribute()).append("=").append(constructor(s, 4, false)).append(",\n");
        }
        return b.append("        )").toString();
    }

    private String inception(TorchLayer l) {
        usesInception = true;
        usesOrderedDict = true;
        StringBuilder b = new StringBuilder("Inception(\n");
        for (List<TorchLayer> branch : l.inner()) {
            b.append("            ").append(sequential(branch, "            ")).append(",\n");
        }
        return b.append("        )").toString();
    }

    /** An OrderedDict of a block's inner layers (named as in ConvLab), with reshapes where ranks change. */
    private String sequential(List<TorchLayer> inner, String indent) {
        StringBuilder b = new StringBuilder("OrderedDict([\n");
        int rank = 4;
        for (TorchLayer l : inner) {
            LayerSpec s = l.spec();
            String item = indent + "    (" + PyText.string(l.attribute()) + ", ";
            if (needsImage(s) && rank == 2) {
                b.append(indent).append("    (").append(PyText.string(l.attribute() + "_unflatten")).append(", nn.Unflatten(1, (")
                        .append(dims(l.info().inputDims())).append("))),\n");
                rank = 4;
            }
            if (s instanceof DenseSpec && rank == 4) {
                b.append(indent).append("    (").append(PyText.string(l.attribute() + "_flatten")).append(", nn.Flatten()),\n");
                rank = 2;
            }
            b.append(item).append(constructor(l, rank, false).replace("\n", "\n    ")).append("),\n");
            rank = rankAfter(s, rank);
        }
        TorchLayer last = inner.get(inner.size() - 1);
        if (rank == 2) {
            b.append(indent).append("    (").append(PyText.string(last.attribute() + "_unflatten")).append(", nn.Unflatten(1, (")
                    .append(dims(last.info().outputDims())).append("))),\n");
        }
        return b.append(indent).append("])").toString();
    }

    private static String pair(int a, int b) {
        return a == b ? Integer.toString(a) : "(" + a + ", " + b + ")";
    }
}
