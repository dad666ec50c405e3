package org.convlab.io.pytorch;

import java.util.List;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;

/**
 * One ConvLab layer as a module of the generated PyTorch model.
 *
 * @param info      the layer with its shapes, from shape inference
 * @param attribute how its parent reaches it: an attribute name (a Python identifier), or, for a
 *                  top-level name with dots, an item of a container ({@code layer1["0"]})
 * @param path      the module's state_dict prefix ({@code conv1}, {@code res1.conv1},
 *                  {@code inception3a.b2.conv1}): ConvLab's layer name whenever that name is a
 *                  valid Python path, which every default name is
 * @param inner     a residual block's [branch, skip] or an inception block's branches; empty otherwise
 */
record TorchLayer(LayerInfo info, String attribute, String path, List<List<TorchLayer>> inner) {
    TorchLayer {
        inner = inner.stream().map(List::copyOf).toList();
    }

    /** The top-level container this layer sits in ({@code layer1} for {@code layer1["0"]}), or null. */
    String container() {
        int bracket = attribute.indexOf('[');
        return bracket < 0 ? null : attribute.substring(0, bracket);
    }

    LayerSpec spec() {
        return info.spec();
    }

    String name() {
        return info.spec().name();
    }
}
