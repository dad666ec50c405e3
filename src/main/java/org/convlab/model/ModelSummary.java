package org.convlab.model;

import java.util.List;

/**
 * Shape inference of a whole network with its totals.
 *
 * @param totalActivations values held in one forward pass of one sample: the input plus every
 *                         layer's output, except layers that can run in place
 *                         (activation functions, dropout, flatten as a view), as the slides' VGG-16 memory column counts
 */
public record ModelSummary(NetworkSpec network, List<LayerInfo> layers, long totalWeights, long totalBiases,
                           long totalActivations, long totalMultiplyAdds) {
    public ModelSummary {
        layers = List.copyOf(layers);
    }

    public static ModelSummary of(NetworkSpec net) {
        List<LayerInfo> infos = ShapeInference.infer(net);
        long w = 0;
        long b = 0;
        long a = net.input().size();
        long m = 0;
        for (LayerInfo i : infos) {
            w += i.weights();
            b += i.biases();
            a += i.activationMemory();
            m += i.multiplyAdds();
        }
        return new ModelSummary(net, infos, w, b, a, m);
    }

    public long totalParams() {
        return totalWeights + totalBiases;
    }
}
