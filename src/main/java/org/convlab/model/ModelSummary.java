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
        long a = Dims.of(net.input()).count();
        long m = 0;
        for (LayerInfo i : infos) {
            try {
                w = Math.addExact(w, i.weights());
                b = Math.addExact(b, i.biases());
                a = Math.addExact(a, i.activationMemory());
                m = Math.addExact(m, i.multiplyAdds());
                Math.addExact(w, b);
            } catch (ArithmeticException e) {
                throw new org.convlab.UserInputException("layer " + i.spec().label() + ": the model's totals up to this "
                        + "layer pass 2^63 (9,223,372,036,854,775,807), the most a 64-bit number holds; use smaller sizes");
            }
        }
        return new ModelSummary(net, infos, w, b, a, m);
    }

    public long totalParams() {
        return totalWeights + totalBiases;
    }
}
