package org.convlab.model;

import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/** Shape inference for the composite blocks: inception (concatenate) and residual (add). */
final class CompositeInference {
    private CompositeInference() {}

    static LayerInfo inception(InceptionSpec block, Shape in, ShapeInference.Field f) {
        List<List<LayerInfo>> branches = new ArrayList<>();
        int channels = 0;
        Shape first = null;
        StringBuilder depths = new StringBuilder();
        long weights = 0;
        long biases = 0;
        long macs = 0;
        int rfH = 0;
        int rfW = 0;
        for (int i = 0; i < block.branches().size(); i++) {
            List<LayerInfo> b = ShapeInference.inferSequence(block.branches().get(i), in, f);
            Shape out = b.get(b.size() - 1).output();
            if (first == null) {
                first = out;
            } else if (out.height() != first.height() || out.width() != first.width()) {
                throw new UserInputException(block.label() + ": branch " + (i + 1) + " ends at " + out.toSlideString()
                        + " but branch 1 ends at " + first.toSlideString()
                        + "; all branches must keep the same height and width to be concatenated");
            }
            channels += out.channels();
            depths.append(i == 0 ? "" : " + ").append(out.channels());
            for (LayerInfo x : b) {
                weights += x.weights();
                biases += x.biases();
                macs += x.multiplyAdds();
                rfH = Math.max(rfH, x.receptiveHeight());
                rfW = Math.max(rfW, x.receptiveWidth());
            }
            branches.add(b);
        }
        Shape out = Shape.of(channels, first.height(), first.width());
        int jump = branches.get(0).get(branches.get(0).size() - 1).jump();
        return new LayerInfo(block, in, out, null, depths + " = " + channels + " channels", rfH, rfW, jump,
                weights, biases, out.size(), macs, false, null, branches);
    }

    /**
     * out = branch(x) + skip(x); the skip is the identity or the projection of
     * {@link ResidualSpec#projectionLayers(int)}.
     */
    static LayerInfo residual(ResidualSpec block, Shape in, ShapeInference.Field f) {
        List<LayerInfo> branch = ShapeInference.inferSequence(block.branch(), in, f);
        LayerInfo last = branch.get(branch.size() - 1);
        Shape out = last.output();
        List<LayerInfo> skip = ShapeInference.inferSequence(block.projectionLayers(out.channels()), in, f);
        Shape skipOut = skip.isEmpty() ? in : skip.get(skip.size() - 1).output();
        if (!skipOut.equals(out)) {
            String hint = block.projection()
                    ? "the 1x1 projection at stride " + block.projectionStride() + " gives " + skipOut.toSlideString()
                    : "set \"projection\": true to add a 1x1 conv on the skip path";
            throw new UserInputException(block.label() + ": the branch turns " + in.toSlideString() + " into "
                    + out.toSlideString() + ", which cannot be added to its input; " + hint);
        }
        long weights = 0;
        long biases = 0;
        long macs = 0;
        int rfH = last.receptiveHeight();
        int rfW = last.receptiveWidth();
        List<LayerInfo> all = new ArrayList<>(branch);
        all.addAll(skip);
        for (LayerInfo x : all) {
            weights += x.weights();
            biases += x.biases();
            macs += x.multiplyAdds();
            rfH = Math.max(rfH, x.receptiveHeight());
            rfW = Math.max(rfW, x.receptiveWidth());
        }
        String formula = "branch " + out.toSlideString() + " + " + (skip.isEmpty() ? "identity" : "projection");
        return new LayerInfo(block, in, out, null, formula, rfH, rfW, last.jump(), weights, biases,
                out.size(), macs, false, null, List.of(branch, skip));
    }
}
