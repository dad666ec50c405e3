package org.convlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.UserInputException;
import org.convlab.model.ActivationSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;
import org.convlab.model.SoftmaxSpec;

/**
 * Fits a model's classes to a dataset's. The data already arrives in the model's input shape
 * (channels converted and images resized by the data package), so only the output side can
 * disagree:
 * <ul>
 *   <li>the same class names in another order or case (preset:xo says X, O; the folders are o, x):
 *       the data's labels are mapped to the model's classes, the model is unchanged;</li>
 *   <li>as many outputs as classes but other names (or none): the model takes the data's names,
 *       unless the data's are only numbers 0, 1, ... (IDX and CSV sources), when the model keeps its own;</li>
 *   <li>another number of classes: the last dense layer is replaced by a fresh one with one unit
 *       per class (its weights start from the seed), which is what fine-tuning does.</li>
 * </ul>
 * Every change is described in {@link Adapted#notes()} for the user.
 */
public final class ModelAdapter {
    private ModelAdapter() {}

    /**
     * @param labelMap data label -> model class index, or null when they are the same
     * @param notes    one line per change made, for the user
     */
    public record Adapted(NetworkSpec spec, int[] labelMap, List<String> notes) {}

    public static Adapted adapt(NetworkSpec spec, List<String> dataClasses) {
        int k = dataClasses.size();
        List<String> modelClasses = spec.classes();
        int outputs = ShapeInference.infer(spec).get(spec.layers().size() - 1).output().size();
        List<String> notes = new ArrayList<>();
        if (outputs == k) {
            int[] map = sameNames(modelClasses, dataClasses);
            if (map != null) {
                if (!isIdentity(map)) {
                    notes.add("the data's classes (" + String.join(", ", dataClasses)
                            + ") are matched by name to the model's (" + String.join(", ", modelClasses) + ")");
                    return new Adapted(spec, map, notes);
                }
                return new Adapted(spec, null, notes);
            }
            if (!modelClasses.isEmpty() && isIndices(dataClasses)) {
                // IDX and CSV labels are bare numbers: the model's names say more
                return new Adapted(spec, null, notes);
            }
            if (!modelClasses.isEmpty()) {
                notes.add("the model's class names (" + String.join(", ", modelClasses) + ") are replaced by the data's ("
                        + String.join(", ", dataClasses) + ")");
            }
            return new Adapted(new NetworkSpec(spec.input(), dataClasses, spec.layers(), spec.preprocessing()), null, notes);
        }
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        int i = layers.size() - 1;
        while (i >= 0 && (layers.get(i) instanceof SoftmaxSpec || layers.get(i) instanceof DropoutSpec
                || layers.get(i) instanceof ActivationSpec || layers.get(i) instanceof FlattenSpec)) {
            i--;
        }
        if (i < 0 || !(layers.get(i) instanceof DenseSpec last)) {
            throw new UserInputException("the model gives " + outputs + " outputs but the data has " + k
                    + " classes, and its last layer with weights is not a dense layer that could be resized:"
                    + " change the model to end in " + k + " outputs");
        }
        layers.set(i, new DenseSpec(last.name(), k, last.bias(), null, null));
        notes.add(last.name() + " is replaced by a new dense layer of " + k + " units (it had " + last.units()
                + ") for the data's " + k + " classes (" + String.join(", ", dataClasses)
                + "); its weights start fresh from the seed");
        return new Adapted(new NetworkSpec(spec.input(), dataClasses, layers, spec.preprocessing()), null, notes);
    }

    /** data index -> model index when both lists hold the same names ignoring case, else null. */
    private static int[] sameNames(List<String> model, List<String> data) {
        if (model.size() != data.size()) {
            return null;
        }
        int[] map = new int[data.size()];
        for (int d = 0; d < data.size(); d++) {
            map[d] = -1;
            for (int m = 0; m < model.size(); m++) {
                if (model.get(m).toLowerCase(Locale.ROOT).equals(data.get(d).toLowerCase(Locale.ROOT))) {
                    map[d] = m;
                }
            }
            if (map[d] < 0) {
                return null;
            }
        }
        return map;
    }

    /** Whether the names are just "0", "1", ... (sources without class names). */
    static boolean isIndices(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(Integer.toString(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentity(int[] map) {
        for (int i = 0; i < map.length; i++) {
            if (map[i] != i) {
                return false;
            }
        }
        return true;
    }
}
