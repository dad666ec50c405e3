package org.convlab.io.pytorch;

import java.util.List;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;

/**
 * One ConvLab layer as a module of the generated PyTorch model.
 *
 * @param info      the layer with its shapes, from shape inference
 * @param attribute the module's attribute name in its parent (a Python identifier)
 * @param path      the module's state_dict prefix ({@code conv1}, {@code res1.conv1},
 *                  {@code inception3a.b2.conv1}): ConvLab's layer name whenever that name is a
 *                  valid Python path, which every default name is
 * @param inner     a residual block's [branch, skip] or an inception block's branches; empty otherwise
 */
record TorchLayer(LayerInfo info, String attribute, String path, List<List<TorchLayer>> inner) {
    TorchLayer {
        inner = inner.stream().map(List::copyOf).toList();
    }

    LayerSpec spec() {
        return info.spec();
    }

    String name() {
        return info.spec().name();
    }
}
