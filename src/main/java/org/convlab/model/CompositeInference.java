package org.convlab.model;

import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;

/** Shape inference for the composite blocks: inception (concatenate) and residual (add). */
final class CompositeInference {
    private CompositeInference() {}

    static LayerInfo inception(InceptionSpec block, Dims in, ShapeInference.Field f) {
        List<List<LayerInfo>> branches = new ArrayList<>();
        long channels = 0;
        Dims first = null;
        StringBuilder depths = new StringBuilder();
        long weights = 0;
        long biases = 0;
        long macs = 0;
        long rfH = 0;
        long rfW = 0;
        for (int i = 0; i < block.branches().size(); i++) {
            List<LayerInfo> b = ShapeInference.inferSequence(block.branches().get(i), in, f);
            Dims out = b.get(b.size() - 1).outputDims();
            if (first == null) {
                first = out;
            } else if (out.height() != first.height() || out.width() != first.width()) {
                throw new UserInputException(block.label() + ": branch " + (i + 1) + " ends at " + out.toSlideString()
                        + " but branch 1 ends at " + first.toSlideString()
                        + "; all branches must keep the same height and width to be concatenated");
            }
            channels = Math.addExact(channels, out.channels());
            depths.append(i == 0 ? "" : " + ").append(out.channels());
            for (LayerInfo x : b) {
                weights = Math.addExact(weights, x.weights());
                biases = Math.addExact(biases, x.biases());
                macs = Math.addExact(macs, x.multiplyAdds());
                rfH = Math.max(rfH, x.receptiveHeight());
                rfW = Math.max(rfW, x.receptiveWidth());
            }
            branches.add(b);
        }
        Dims out = new Dims(channels, first.height(), first.width());
        long jump = branches.get(0).get(branches.get(0).size() - 1).jump();
        return new LayerInfo(block, in, out, null, depths + " = " + channels + " channels", rfH, rfW, jump,
                weights, biases, out.count(), macs, false, null, branches);
    }

    /**
     * out = branch(x) + skip(x); the skip is the identity or the projection of
     * {@link ResidualSpec#projectionLayers(int)}.
     */
    static LayerInfo residual(ResidualSpec block, Dims in, ShapeInference.Field f) {
        List<LayerInfo> branch = ShapeInference.inferSequence(block.branch(), in, f);
        LayerInfo last = branch.get(branch.size() - 1);
        Dims out = last.outputDims();
        List<LayerInfo> skip = ShapeInference.inferSequence(block.projectionLayers(Math.toIntExact(out.channels())), in, f);
        Dims skipOut = skip.isEmpty() ? in : skip.get(skip.size() - 1).outputDims();
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
        long rfH = last.receptiveHeight();
        long rfW = last.receptiveWidth();
        List<LayerInfo> all = new ArrayList<>(branch);
        all.addAll(skip);
        for (LayerInfo x : all) {
            weights = Math.addExact(weights, x.weights());
            biases = Math.addExact(biases, x.biases());
            macs = Math.addExact(macs, x.multiplyAdds());
            rfH = Math.max(rfH, x.receptiveHeight());
            rfW = Math.max(rfW, x.receptiveWidth());
        }
        String formula = "branch " + out.toSlideString() + " + " + (skip.isEmpty() ? "identity" : "projection");
        return new LayerInfo(block, in, out, null, formula, rfH, rfW, last.jump(), weights, biases,
                out.count(), macs, false, null, List.of(branch, skip));
    }
}
