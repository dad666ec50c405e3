package org.convlab.train;

import java.util.ArrayList;
import java.util.List;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ParamData;
import org.convlab.model.ResidualSpec;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;

/**
 * The network's spec with its current weights inline, ready for the model writer: every conv and
 * dense weight and bias and every batch-norm tensor (running statistics included) is copied from
 * the network's parameters, found by name ({@code conv1.weight}, {@code bn1.running_mean}).
 * Known gap: the projection of a residual block is generated from the block, not stored in the
 * model format, so its trained values are not saved.
 */
public final class TrainedWeights {
    private TrainedWeights() {}

    public static NetworkSpec spec(Network net) {
        NetworkSpec s = net.spec();
        return new NetworkSpec(s.input(), s.classes(), layers(s.layers(), net));
    }

    private static List<LayerSpec> layers(List<LayerSpec> specs, Network net) {
        List<LayerSpec> out = new ArrayList<>(specs.size());
        for (LayerSpec l : specs) {
            out.add(layer(l, net));
        }
        return out;
    }

    private static LayerSpec layer(LayerSpec l, Network net) {
        if (l instanceof ConvSpec c) {
            return c.withWeights(data(net, c.name() + ".weight"), c.bias() ? data(net, c.name() + ".bias") : null);
        }
        if (l instanceof DenseSpec d) {
            return d.withWeights(data(net, d.name() + ".weight"), d.bias() ? data(net, d.name() + ".bias") : null);
        }
        if (l instanceof BatchNormSpec b) {
            String n = b.name();
            return b.withTensors(data(net, n + ".weight"), data(net, n + ".bias"), data(net, n + ".running_mean"),
                    data(net, n + ".running_var"));
        }
        if (l instanceof InceptionSpec inc) {
            List<List<LayerSpec>> branches = new ArrayList<>();
            for (List<LayerSpec> b : inc.branches()) {
                branches.add(layers(b, net));
            }
            return new InceptionSpec(inc.name(), branches);
        }
        if (l instanceof ResidualSpec r) {
            return new ResidualSpec(r.name(), layers(r.branch(), net), r.projection());
        }
        return l;
    }

    private static ParamData data(Network net, String name) {
        Parameter p = net.parameter(name);
        if (p == null) {
            throw new IllegalStateException("the network has no parameter " + name);
        }
        return new ParamData(p.shape(), p.value());
    }
}
