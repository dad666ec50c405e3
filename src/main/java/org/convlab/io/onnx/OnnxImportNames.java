package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layer names for an imported graph. The issue asks that imported layers keep their ONNX node
 * names; torch 1.13 names nodes by the module scope they ran in plus the op, e.g.
 * {@code /features/features.0/Conv}, {@code /layer2/downsample/downsample.0/Conv} or, for a
 * functional call in the top module, {@code /Relu_1}. Such a name has slashes a model file and
 * the step-through would show as noise, so a layer takes the <b>module path</b> written the way
 * PyTorch writes it everywhere else: {@code features.0}, {@code layer2.downsample.0}, which is
 * also the prefix of the module's state_dict keys ({@code features.0.weight}) and of ConvLab's
 * own tensor names, so weights can be matched by name in both directions. When one module runs
 * several layers (a block's functional ReLUs) or none (a functional call at the top), the layer
 * takes the path plus torch's own unique op suffix in lower case ({@code layer1.relu_1},
 * {@code relu_1}); a residual or inception block takes its module's bare path ({@code layer1}).
 * Names that do not start with a slash (ConvLab's exporter, which uses the layer names, or other
 * tools such as old torch versions' {@code Conv_0}) are kept exactly. Every name is unique.
 */
final class OnnxImportNames {
    private final Map<String, Integer> layersPerPath = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Set<String> blockPaths = new HashSet<>();

    /**
     * @param layerNodes the nodes that will become layers (blocks included), to know which module
     *                   paths are shared
     */
    OnnxImportNames(List<OnnxMl.NodeProto> layerNodes, Set<OnnxMl.NodeProto> blocks) {
        for (OnnxMl.NodeProto n : layerNodes) {
            String path = modulePath(n.getName());
            if (path == null || path.isEmpty()) {
                continue;
            }
            if (blocks.contains(n)) {
                blockPaths.add(path);
            } else {
                layersPerPath.merge(path, 1, Integer::sum);
            }
        }
    }

    /** The ConvLab name of the layer (or block) made from {@code n}. */
    String name(OnnxMl.NodeProto n, boolean block, String type) {
        String raw = n.getName();
        String path = modulePath(raw);
        String name;
        if (path == null) {
            name = raw.isBlank() ? type : raw;
        } else {
            boolean alone = block ? blockPaths.contains(path) && !path.isEmpty()
                    : !path.isEmpty() && layersPerPath.getOrDefault(path, 0) == 1 && !blockPaths.contains(path);
            String op = lastSegment(raw).toLowerCase(java.util.Locale.ROOT);
            name = alone ? path : path.isEmpty() ? op : path + "." + op;
        }
        return unique(name);
    }

    private String unique(String name) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }

    /**
     * The module path of a torch-style node name ({@code /layer2/downsample/downsample.0/Conv} ->
     * {@code layer2.downsample.0}; {@code /Relu} -> empty), or null when the name is not torch style.
     * torch writes a Sequential child's scope as {@code <parent>.<index>} under the parent's scope,
     * so a segment that starts with the previous one plus a dot only adds its tail.
     */
    static String modulePath(String nodeName) {
        if (!nodeName.startsWith("/")) {
            return null;
        }
        String[] seg = nodeName.substring(1).split("/");
        StringBuilder path = new StringBuilder();
        String previous = null;
        for (int i = 0; i < seg.length - 1; i++) {
            String s = seg[i];
            if (s.isEmpty()) {
                continue;
            }
            if (previous != null && s.startsWith(previous + ".")) {
                path.append(s.substring(previous.length()));
            } else {
                path.append(path.length() == 0 ? "" : ".").append(s);
            }
            previous = s;
        }
        return path.toString();
    }

    private static String lastSegment(String nodeName) {
        int slash = nodeName.lastIndexOf('/');
        return slash < 0 ? nodeName : nodeName.substring(slash + 1);
    }
}
