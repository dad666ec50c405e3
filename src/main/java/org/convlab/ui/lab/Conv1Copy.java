package org.convlab.ui.lab;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.model.ConvSpec;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ParamData;
import org.convlab.model.ShapeInference;
import org.convlab.nn.Network;
import org.convlab.nn.SpecExport;
import org.convlab.trace.filtering.ImageKernel;
import org.convlab.ui.editor.StackDocument;

/**
 * "Use as conv1 filter": the kernel as the lab applies it becomes one filter of the model's first
 * conv layer. What is copied is what the picture shows: the kernel turned 180 degrees when "flip"
 * is on (a conv layer cross-correlates, so the flipped weights make it compute the true
 * convolution), on one input channel (each channel on its own) or on every photo channel (channels
 * summed). The layer's kernel size and input channels must match; a refusal names both sizes. The
 * layer's other weights are kept; when the model carries none yet they are drawn from the app's
 * seed (1, as Step Through This Model and File &gt; Export Model draw them) and written out, so the
 * copy changes only the one filter.
 */
public final class Conv1Copy {
    /** The app's seed for weights a model does not store (StepThroughLink.SEED). */
    static final long SEED = 1;

    /** The edited document, where its first conv is, and what the edit was. */
    public record Edit(StackDocument after, int index, ConvSpec conv, String description) {}

    private Conv1Copy() {}

    /**
     * @param applied  the kernel as applied (already flipped when the view flips it)
     * @param channels 1 (each channel on its own) or the photo's channels (summed)
     * @param filter   which of the layer's filters, from 0
     */
    public static Edit into(StackDocument doc, ImageKernel applied, int channels, int filter) {
        int index = -1;
        for (int i = 0; i < doc.layers().size() && index < 0; i++) {
            if (doc.layers().get(i) instanceof ConvSpec) {
                index = i;
            }
        }
        if (index < 0) {
            throw new UserInputException("the model in the editor has no conv layer to copy the kernel into");
        }
        ConvSpec conv = (ConvSpec) doc.layers().get(index);
        NetworkSpec net = doc.toNetwork();
        List<LayerInfo> infos = ShapeInference.infer(net);
        int in = infos.get(index).input().channels();
        String name = conv.label();
        if (conv.kernelHeight() != applied.rows() || conv.kernelWidth() != applied.cols()) {
            throw new UserInputException("the kernel is " + applied.rows() + " x " + applied.cols() + " but " + name
                    + "'s filters are " + conv.kernelHeight() + " x " + conv.kernelWidth() + "; pick or type a "
                    + conv.kernelHeight() + " x " + conv.kernelWidth() + " kernel");
        }
        if (in != channels) {
            throw new UserInputException("the kernel as applied here spans " + channels + (channels == 1 ? " channel" : " channels")
                    + " but " + name + "'s filters span " + in + " input " + (in == 1 ? "channel" : "channels")
                    + (in == 1 ? "; choose 'each channel'" : "; choose 'channels summed' on a photo with " + in + " channels"));
        }
        if (filter < 0 || filter >= conv.filters()) {
            throw new UserInputException(name + " has filters 1.." + conv.filters() + ", not " + (filter + 1));
        }
        ConvSpec withWeights = conv.weight() != null ? conv : seeded(net, index);
        float[] w = withWeights.weight().data();
        int size = applied.rows() * applied.cols();
        float[] k = applied.weights();
        for (int c = 0; c < in; c++) {
            System.arraycopy(k, 0, w, (filter * in + c) * size, size);
        }
        ConvSpec after = withWeights.withWeights(new ParamData(withWeights.weight().shape(), w), withWeights.biasData());
        String description = "Use " + applied.name() + " as " + name + " filter " + (filter + 1);
        return new Edit(doc.replace(index, after), index, after, description);
    }

    /** The conv layer with the weights the app would draw for it from its seed. */
    private static ConvSpec seeded(NetworkSpec net, int index) {
        NetworkSpec built = SpecExport.withWeights(Network.build(net, SEED));
        LayerSpec l = built.layers().get(index);
        return (ConvSpec) l;
    }
}
