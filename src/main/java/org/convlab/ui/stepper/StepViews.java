package org.convlab.ui.stepper;

import java.util.List;
import javafx.scene.Node;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.ui.maps.FeatureMapGallery;

/**
 * One set of step-through views (convolution, pooling, ReLU, votes, feature maps, filters) on one
 * {@link StepperSession}. {@link StepperTabs} keeps the lesson's set for good and builds a new set
 * for every network it is asked to open, so views never outlive the session they listen to.
 */
final class StepViews {
    final StepperSession session;
    final ConvStepView conv;
    final PoolStepView pool;
    final ReluView relu;
    final VoteView votes;
    final FeatureMapGallery maps;
    final FiltersView filters;
    final BackwardView backward;

    StepViews(StepperSession session) {
        this.session = session;
        conv = new ConvStepView(session);
        pool = new PoolStepView(session);
        relu = new ReluView(session);
        votes = new VoteView(session);
        maps = new FeatureMapGallery(session.snapshotProperty(), session.network().layerInfos(), session.inkPixels(),
                v -> Grids.ratioText(v, session.fractionDivisor(), session.format()));
        filters = new FiltersView(session);
        // against the net's own answer until the tabs know the true class (StepperTabs.show)
        backward = new BackwardView(session, answer(session.snapshot().probabilities()));
    }

    /** The class with the highest probability (the net's answer). */
    private static int answer(float[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The views in tab order. */
    List<Node> all() {
        return List.of(conv, pool, relu, votes, maps, filters, backward);
    }

    /**
     * A network of its own with {@code net}'s weights: the step-through runs the reference kernels
     * and writes typed weights into its network, which must not touch a model being trained or edited.
     */
    static Network copyOf(Network net) {
        Network copy = Network.build(net.spec(), net.seed());
        copyValues(net.parameters(), copy.parameters());
        copyValues(net.buffers(), copy.buffers());
        return copy;
    }

    private static void copyValues(List<Parameter> from, List<Parameter> to) {
        for (int i = 0; i < from.size(); i++) {
            System.arraycopy(from.get(i).value(), 0, to.get(i).value(), 0, from.get(i).size());
        }
    }
}
