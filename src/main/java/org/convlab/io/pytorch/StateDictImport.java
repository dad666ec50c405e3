package org.convlab.io.pytorch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.io.Safetensors;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ParamData;
import org.convlab.model.Preprocessing;
import org.convlab.model.ResidualSpec;
import org.convlab.train.ModelAdapter;

/**
 * Puts a PyTorch state_dict (a safetensors file, as {@code train.py} or {@code save_file(model.state_dict())}
 * writes it) onto a ConvLab architecture. Every tensor is matched by its state_dict name (the
 * layer names of the exported model.py, {@link TorchLayout}) and must have exactly the shape the
 * layer needs; the counters {@code *.num_batches_tracked} are passed over. The file is checked
 * through before any tensor is read, and every problem is told in one line.
 *
 * <p>A file written by train.py names its classes ({@code convlab.classes} metadata): when they
 * are not the architecture's (train.py gave the last dense layer one unit per class of the data,
 * as ConvLab's train does), the architecture is fitted to them the same way first. A file that
 * names its preprocessing gives it to an architecture that has none.
 */
public final class StateDictImport {
    /** A problem list longer than this is cut: the line must stay readable. */
    private static final int MAX_MESSAGE = 600;
    private static final String COUNTER = ".num_batches_tracked";

    private StateDictImport() {}

    /** {@code architecture} with every tensor taken from {@code weights}, by PyTorch state_dict names. */
    public static NetworkSpec apply(NetworkSpec architecture, Path weights) {
        try (Safetensors.Reader file = Safetensors.open(weights)) {
            NetworkSpec spec = fitted(architecture, file.metadata(), weights);
            List<TorchLayer> layers = TorchLayout.of(spec);
            List<TorchLayout.Entry> entries = TorchLayout.entries(layers);
            check(entries, file, weights);
            long total = 0;
            for (TorchLayout.Entry e : entries) {
                total = MemoryGuard.plus(total, MemoryGuard.times(count(e.shape()), Float.BYTES));
            }
            MemoryGuard.require(total, "the weights of " + weights, null);
            Map<String, ParamData> values = new HashMap<>();
            for (TorchLayout.Entry e : entries) {
                values.put(e.key(), ParamData.filledBy(e.shape(), into -> file.readFloats(e.key(), into)));
            }
            return new NetworkSpec(spec.input(), spec.classes(), rebuild(layers, values), spec.preprocessing());
        }
    }

    /** Every expected tensor there with its shape, nothing else: or one line naming each problem. */
    private static void check(List<TorchLayout.Entry> entries, Safetensors.Reader file, Path weights) {
        List<String> problems = new ArrayList<>();
        Set<String> unused = new LinkedHashSet<>(file.names());
        for (TorchLayout.Entry e : entries) {
            if (!unused.remove(e.key())) {
                problems.add("missing " + e.key() + " " + Arrays.toString(e.shape()));
                continue;
            }
            long[] got = file.shape(e.key());
            if (!Arrays.equals(got, Arrays.stream(e.shape()).asLongStream().toArray())) {
                problems.add(e.key() + " is " + Arrays.toString(got) + " in the file but the model needs "
                        + Arrays.toString(e.shape()));
            } else if (file.dtype(e.key()).equals("I64")) {
                problems.add(e.key() + " holds I64 integers, not weights");
            }
        }
        for (String name : unused) {
            if (!name.endsWith(COUNTER)) {
                problems.add("extra " + name + " " + Arrays.toString(file.shape(name)));
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder(weights + " does not fit the model: ");
        for (int i = 0; i < problems.size(); i++) {
            String p = (i == 0 ? "" : "; ") + problems.get(i);
            if (line.length() + p.length() > MAX_MESSAGE) {
                line.append("; and ").append(problems.size() - i).append(" more");
                break;
            }
            line.append(p);
        }
        throw new UserInputException(line.toString());
    }

    /** The architecture fitted to the classes and preprocessing the file's metadata names (if any). */
    private static NetworkSpec fitted(NetworkSpec architecture, Map<String, String> metadata, Path weights) {
        NetworkSpec spec = architecture;
        List<String> classes = classes(metadata.get("convlab.classes"), weights);
        if (classes != null && !classes.equals(spec.classes())) {
            try {
                spec = ModelAdapter.adapt(spec, classes).spec();
            } catch (UserInputException e) {
                // the architecture cannot take them: the shape check names the tensors that differ
            }
        }
        String p = metadata.get("convlab.preprocessing");
        if (spec.preprocessing() == null && p != null) {
            spec = spec.withPreprocessing(preprocessing(p, weights));
        }
        return spec;
    }

    private static List<String> classes(String json, Path weights) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            if (node == null || !node.isArray() || node.isEmpty()) {
                throw new UserInputException(weights + ": metadata convlab.classes must be a JSON array of class names");
            }
            List<String> names = new ArrayList<>();
            node.forEach(n -> names.add(n.asText()));
            return names;
        } catch (JsonProcessingException e) {
            throw new UserInputException(weights + ": metadata convlab.classes is not valid JSON");
        }
    }

    private static Preprocessing preprocessing(String json, Path weights) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw new UserInputException(weights + ": metadata convlab.preprocessing must be a JSON object");
            }
            return new Preprocessing(node.path("normalize").asText(null), node.path("resize").asText(null),
                    floats(node.get("mean")), floats(node.get("std")));
        } catch (JsonProcessingException e) {
            throw new UserInputException(weights + ": metadata convlab.preprocessing is not valid JSON");
        } catch (UserInputException e) {
            throw new UserInputException(weights + ": metadata convlab." + e.getMessage());
        }
    }

    private static float[] floats(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        float[] out = new float[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) node.get(i).asDouble(Double.NaN);
        }
        return out;
    }

    /** The layers with the tensors read, blocks rebuilt around their inner layers. */
    private static List<LayerSpec> rebuild(List<TorchLayer> layers, Map<String, ParamData> v) {
        List<LayerSpec> out = new ArrayList<>(layers.size());
        for (TorchLayer l : layers) {
            String p = l.path() + ".";
            LayerSpec s = l.spec();
            if (s instanceof ConvSpec c) {
                out.add(c.withWeights(v.get(p + "weight"), v.get(p + "bias")));
            } else if (s instanceof DenseSpec d) {
                out.add(d.withWeights(v.get(p + "weight"), v.get(p + "bias")));
            } else if (s instanceof org.convlab.model.ConvTransposeSpec t) {
                out.add(t.withWeights(v.get(p + "weight"), v.get(p + "bias")));
            } else if (s instanceof BatchNormSpec b) {
                out.add(b.withTensors(v.get(p + "weight"), v.get(p + "bias"), v.get(p + "running_mean"),
                        v.get(p + "running_var")));
            } else if (s instanceof ResidualSpec r) {
                out.add(new ResidualSpec(r.name(), rebuild(l.inner().get(0), v), r.projection(),
                        r.projection() ? rebuild(l.inner().get(1), v) : null));
            } else if (s instanceof InceptionSpec i) {
                List<List<LayerSpec>> branches = new ArrayList<>();
                for (List<TorchLayer> b : l.inner()) {
                    branches.add(rebuild(b, v));
                }
                out.add(new InceptionSpec(i.name(), branches));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n = MemoryGuard.times(n, d);
        }
        return n;
    }
}
