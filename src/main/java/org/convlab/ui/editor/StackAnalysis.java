package org.convlab.ui.editor;

import java.util.ArrayList;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.model.Dims;
import org.convlab.model.LayerInfo;
import org.convlab.model.LayerSpec;
import org.convlab.model.ModelSummary;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;

/**
 * Runs the model package's shape inference over a stack that may not fit. The whole stack is
 * tried first; when it fails, growing prefixes find the first layer that does not fit, which
 * gets the model package's message and a suggested fix, and every later layer is "input unknown".
 */
public final class StackAnalysis {
    private StackAnalysis() {}

    /** One row per layer of {@code doc}, in order. */
    public static List<LayerRow> rows(StackDocument doc) {
        List<LayerSpec> layers = doc.layers();
        List<LayerRow> rows = new ArrayList<>(layers.size());
        if (layers.isEmpty()) {
            return rows;
        }
        List<LayerInfo> infos = tryInfer(Dims.of(doc.input()), layers);
        if (infos != null) {
            for (LayerInfo i : infos) {
                rows.add(new LayerRow(i.spec(), LayerRow.Status.FITS, i, null, null));
            }
            return rows;
        }
        // Find the first misfit: the longest prefix that fits, then the layer after it.
        List<LayerInfo> fitting = List.of();
        int bad = 0;
        for (int k = 1; k <= layers.size(); k++) {
            List<LayerInfo> prefix = tryInfer(Dims.of(doc.input()), layers.subList(0, k));
            if (prefix == null) {
                bad = k - 1;
                break;
            }
            fitting = prefix;
        }
        for (LayerInfo i : fitting) {
            rows.add(new LayerRow(i.spec(), LayerRow.Status.FITS, i, null, null));
        }
        Dims in = fitting.isEmpty() ? Dims.of(doc.input()) : fitting.get(fitting.size() - 1).outputDims();
        LayerSpec misfit = layers.get(bad);
        // the fixes try the layer on an engine shape; after a layer too large for one, there are none
        MisfitFixes.Fix fix = in.fitsTensor() ? MisfitFixes.suggest(in.toShape("input", "input"), misfit) : null;
        rows.add(new LayerRow(misfit, LayerRow.Status.MISFIT, null, problem(in, misfit), fix));
        for (int i = bad + 1; i < layers.size(); i++) {
            rows.add(new LayerRow(layers.get(i), LayerRow.Status.UNKNOWN, null, null, null));
        }
        return rows;
    }

    /** Totals of a stack that fits, or null. */
    public static ModelSummary summary(StackDocument doc) {
        if (doc.layers().isEmpty()) {
            return null;
        }
        try {
            return ModelSummary.of(doc.toNetwork());
        } catch (UserInputException e) {
            return null;
        }
    }

    /** The layers' infos on {@code in}, or null when one of them does not fit. */
    static List<LayerInfo> tryInfer(Shape in, List<LayerSpec> layers) {
        return tryInfer(Dims.of(in), layers);
    }

    /** The layers' infos on {@code in} (which may be too large to allocate), or null when one of them does not fit. */
    static List<LayerInfo> tryInfer(Dims in, List<LayerSpec> layers) {
        try {
            return ShapeInference.infer(in, layers);
        } catch (UserInputException e) {
            return null;
        }
    }

    private static String problem(Dims in, LayerSpec layer) {
        try {
            ShapeInference.infer(in, List.of(layer));
            return layer.label() + " does not fit";
        } catch (UserInputException e) {
            return e.getMessage();
        }
    }
}
