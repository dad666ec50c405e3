package org.convlab.ui.training;

import java.util.List;
import org.convlab.model.NetworkSpec;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.trace.ActivationSnapshot;

/**
 * The model at one moment of a run, copied on the training thread and never written again: every
 * parameter and buffer in {@link Network#parameters()} then {@link Network#buffers()} order, and
 * the chosen sample's activations under those weights. The FX thread reads it freely: filters,
 * top-3 of any image, a network to open in the step-through.
 *
 * @param spec        the trained model (its class order is the network's)
 * @param weights     parameters then buffers, copies
 * @param epoch       1-based epoch of the weights (0 before training)
 * @param batch       1-based batch within the epoch (0 at the start or end of an epoch)
 * @param input       the chosen sample as the network's input, or null
 * @param activations every layer's output for {@code input}, or null
 */
record ModelState(NetworkSpec spec, float[][] weights, int epoch, int batch, float[] input,
                  ActivationSnapshot activations) {

    /** Copies the weights of {@code net} (the caller owns {@code net} and must not be changing it meanwhile). */
    static float[][] copyWeights(Network net) {
        List<Parameter> params = net.parameters();
        List<Parameter> buffers = net.buffers();
        float[][] copy = new float[params.size() + buffers.size()][];
        int i = 0;
        for (Parameter p : params) {
            copy[i++] = p.value().clone();
        }
        for (Parameter p : buffers) {
            copy[i++] = p.value().clone();
        }
        return copy;
    }

    /** Writes {@code weights} into a network built from the same spec. */
    static void load(float[][] weights, Network into) {
        int i = 0;
        for (Parameter p : into.parameters()) {
            System.arraycopy(weights[i], 0, p.value(), 0, weights[i++].length);
        }
        for (Parameter p : into.buffers()) {
            System.arraycopy(weights[i], 0, p.value(), 0, weights[i++].length);
        }
    }

    /** A new network with these weights, for the step-through or a one-off prediction. */
    Network network(long seed) {
        Network net = Network.build(spec, seed);
        load(weights, net);
        return net;
    }

    /** The first conv layer's weight [out, in, kh, kw] (the first 4-D parameter), or null without one. */
    TrainingSnapshot.FilterWeights filters(Network shapes) {
        int i = 0;
        for (Parameter p : shapes.parameters()) {
            if (p.shape().length == 4) {
                String name = p.name();
                return new TrainingSnapshot.FilterWeights(name.substring(0, name.lastIndexOf('.')), p.shape().clone(),
                        weights[i]);
            }
            i++;
        }
        return null;
    }
}
