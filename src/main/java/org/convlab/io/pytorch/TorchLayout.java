package org.convlab.io.pytorch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.ShapeInference;

/**
 * Where every ConvLab layer sits in the generated PyTorch module tree, and so which state_dict
 * names and shapes the model has. The exporter (model.py and weights.safetensors) and the
 * importer ({@link StateDictImport}) both use this one mapping, so what one writes the other reads.
 *
 * <p>Blocks become nested modules: a residual block's branch layers and its {@code proj} /
 * {@code proj_bn} are children of the block, an inception block has children {@code b1, b2, ...}
 * whose children are the branch's layers. A layer named {@code res1.conv1} inside block
 * {@code res1} is therefore the attribute {@code conv1} of module {@code res1}, and its weight is
 * {@code res1.conv1.weight}, exactly ConvLab's name. Names that are not Python identifiers (an
 * imported ONNX model's {@code /features/0/Conv}) are made into one ({@code _features_0_Conv}).
 */
final class TorchLayout {
    /** Attribute names that a module of nn.Module must not take over (torch 1.13's own attributes). */
    private static final Set<String> RESERVED = Set.of(
            "T_destination", "add_module", "apply", "bfloat16", "buffers", "children", "cpu", "cuda", "double",
            "dump_patches", "eval", "extra_repr", "float", "forward", "get_buffer", "get_extra_state",
            "get_parameter", "get_submodule", "half", "ipu", "load_state_dict", "modules", "named_buffers",
            "named_children", "named_modules", "named_parameters", "parameters", "register_backward_hook",
            "register_buffer", "register_forward_hook", "register_forward_pre_hook", "register_full_backward_hook",
            "register_load_state_dict_post_hook", "register_module", "register_parameter", "requires_grad_",
            "set_extra_state", "share_memory", "state_dict", "to", "to_empty", "train", "training", "type", "xpu",
            "zero_grad", "predict", "branch",
            // Python's keywords
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private TorchLayout() {}

    /**
     * The network's layers as modules, in order. A top-level name with dots, such as ResNet's
     * {@code layer1.0}, becomes a module in a container ({@code self.layer1["0"]}, an
     * nn.ModuleDict), so its weights keep ConvLab's (and torchvision's) names, {@code layer1.0.conv1.weight}.
     */
    static List<TorchLayer> of(NetworkSpec spec) {
        List<LayerInfo> infos = ShapeInference.infer(spec);
        Set<String> taken = new HashSet<>();
        Set<String> containers = new HashSet<>();
        Set<String> names = new HashSet<>();
        infos.forEach(i -> names.add(i.spec().name()));
        List<TorchLayer> out = new ArrayList<>(infos.size());
        for (LayerInfo info : infos) {
            String name = info.spec().name();
            String[] parts = name.split("\\.", -1);
            String head = parts.length > 1 ? attribute(parts[0], "", new HashSet<>()) : null;
            boolean nested = head != null && head.equals(parts[0]) && !Arrays.asList(parts).contains("")
                    && (containers.contains(head) || !taken.contains(head.toLowerCase(Locale.ROOT)));
            for (int i = 1; nested && i < parts.length; i++) {
                // a layer named like one of the containers ("layer1" beside "layer1.0") cannot be both
                nested = !names.contains(String.join(".", Arrays.copyOfRange(parts, 0, i)));
            }
            if (nested) {
                taken.add(head.toLowerCase(Locale.ROOT));
                containers.add(head);
                StringBuilder access = new StringBuilder(head);
                for (int i = 1; i < parts.length; i++) {
                    access.append("[").append(PyText.string(parts[i])).append("]");
                }
                out.add(layer(info, access.toString(), name));
            } else {
                String attribute = attribute(name, "", taken);
                out.add(layer(info, attribute, attribute));
            }
        }
        return out;
    }

    /**
     * @param prefix ConvLab's prefix of default inner names ({@code res1.}, {@code inception3a.b2.})
     * @param path   the parent's state_dict prefix with its dot ({@code res1.}), empty at the top
     */
    private static List<TorchLayer> sequence(List<LayerInfo> infos, String prefix, String path, Set<String> taken) {
        List<TorchLayer> out = new ArrayList<>(infos.size());
        for (LayerInfo info : infos) {
            String attribute = attribute(info.spec().name(), prefix, taken);
            out.add(layer(info, attribute, path + attribute));
        }
        return out;
    }

    private static TorchLayer layer(LayerInfo info, String attribute, String path) {
        List<List<TorchLayer>> inner = new ArrayList<>();
        if (info.spec() instanceof ResidualSpec r) {
            Set<String> taken = new HashSet<>(Set.of("proj", "proj_bn"));
            inner.add(sequence(info.branches().get(0), r.name() + ".", path + ".", taken));
            List<TorchLayer> skip = new ArrayList<>();
            for (LayerInfo s : info.branches().get(1)) {
                String a = s.spec() instanceof ConvSpec ? "proj" : "proj_bn";
                skip.add(new TorchLayer(s, a, path + "." + a, List.of()));
            }
            inner.add(skip);
        } else if (info.spec() instanceof InceptionSpec i) {
            for (int b = 0; b < info.branches().size(); b++) {
                String branch = "b" + (b + 1);
                inner.add(sequence(info.branches().get(b), i.name() + "." + branch + ".", path + "." + branch + ".",
                        new HashSet<>()));
            }
        }
        return new TorchLayer(info, attribute, path, inner);
    }

    /** A Python identifier for ConvLab's {@code name}: the part after {@code prefix}, made valid and unique. */
    static String attribute(String name, String prefix, Set<String> taken) {
        String rest = name.startsWith(prefix) && name.length() > prefix.length() ? name.substring(prefix.length()) : name;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        String id = b.length() == 0 ? "layer" : b.toString();
        if (Character.isDigit(id.charAt(0))) {
            id = "layer_" + id;
        }
        if (RESERVED.contains(id) || id.startsWith("__")) {
            id = id + "_";
        }
        String unique = id;
        for (int n = 2; taken.contains(unique.toLowerCase(Locale.ROOT)); n++) {
            unique = id + "_" + n;
        }
        taken.add(unique.toLowerCase(Locale.ROOT));
        return unique;
    }

    /** Every layer with tensors, depth first in model order (blocks' inner layers in place of the block). */
    static List<TorchLayer> withTensors(List<TorchLayer> layers) {
        List<TorchLayer> out = new ArrayList<>();
        for (TorchLayer l : layers) {
            if (l.spec() instanceof ConvSpec || l.spec() instanceof DenseSpec || l.spec() instanceof BatchNormSpec
                    || l.spec() instanceof org.convlab.model.ConvTransposeSpec) {
                out.add(l);
            }
            for (List<TorchLayer> inner : l.inner()) {
                out.addAll(withTensors(inner));
            }
        }
        return out;
    }

    /** One state_dict entry: name, PyTorch shape, and which tensor of its layer it is. */
    record Entry(String key, TorchLayer layer, String field, int[] shape) {}

    /** The state_dict's float tensors (not num_batches_tracked), in model order. */
    static List<Entry> entries(List<TorchLayer> layers) {
        List<Entry> out = new ArrayList<>();
        for (TorchLayer l : withTensors(layers)) {
            LayerInfo info = l.info();
            int in = Math.toIntExact(info.inputDims().channels());
            if (l.spec() instanceof ConvSpec c) {
                out.add(new Entry(l.path() + ".weight", l, "weight",
                        new int[] {c.filters(), in, c.kernelHeight(), c.kernelWidth()}));
                if (c.bias()) {
                    out.add(new Entry(l.path() + ".bias", l, "bias", new int[] {c.filters()}));
                }
            } else if (l.spec() instanceof org.convlab.model.ConvTransposeSpec t) {
                // PyTorch's ConvTranspose2d keeps [C_in, F, KH, KW], as ConvLab does
                out.add(new Entry(l.path() + ".weight", l, "weight",
                        new int[] {in, t.filters(), t.kernelHeight(), t.kernelWidth()}));
                if (t.bias()) {
                    out.add(new Entry(l.path() + ".bias", l, "bias", new int[] {t.filters()}));
                }
            } else if (l.spec() instanceof DenseSpec d) {
                out.add(new Entry(l.path() + ".weight", l, "weight",
                        new int[] {d.units(), Math.toIntExact(info.inputDims().count())}));
                if (d.bias()) {
                    out.add(new Entry(l.path() + ".bias", l, "bias", new int[] {d.units()}));
                }
            } else {
                for (String f : List.of("weight", "bias", "running_mean", "running_var")) {
                    out.add(new Entry(l.path() + "." + f, l, f, new int[] {in}));
                }
            }
        }
        return out;
    }
}
