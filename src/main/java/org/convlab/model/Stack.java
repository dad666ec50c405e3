package org.convlab.model;

import java.util.ArrayList;
import java.util.List;

/** A small builder that keeps the preset definitions readable: one line per layer. */
final class Stack {
    private final List<LayerSpec> layers = new ArrayList<>();

    Stack add(LayerSpec l) {
        layers.add(l);
        return this;
    }

    /** conv with bias, then relu. */
    Stack convRelu(int filters, int kernel, int stride, int padding) {
        return add(ConvSpec.of(filters, kernel, stride, Padding.of(padding))).relu();
    }

    Stack relu() {
        return add(ActivationSpec.relu());
    }

    Stack maxpool(int window, int stride) {
        return add(PoolSpec.max(window, stride));
    }

    Stack flatten() {
        return add(new FlattenSpec(null));
    }

    Stack dense(int units) {
        return add(DenseSpec.of(units));
    }

    Stack dense(String name, int units) {
        return add(DenseSpec.of(units).withName(name));
    }

    Stack dropout(double rate) {
        return add(DropoutSpec.of(rate));
    }

    Stack softmax() {
        return add(new SoftmaxSpec(null));
    }

    List<LayerSpec> layers() {
        return List.copyOf(layers);
    }
}
