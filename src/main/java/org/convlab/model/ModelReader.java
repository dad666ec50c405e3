package org.convlab.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * Reads a model file (JSON, see DESIGN.md) into a {@link NetworkSpec}. Every problem is a
 * {@link UserInputException} naming the file and the JSON path. Field names per layer type are
 * listed in {@link #FIELDS}; defaults follow PyTorch (stride 1, padding valid, bias on, pool
 * stride = window, leakyrelu slope 0.01, dropout 0.5, batchnorm eps 1e-5 momentum 0.1) except
 * lrn, whose defaults are AlexNet's (size 5, alpha 1e-4, beta 0.75, k 2).
 *
 * <p>The JSON is parsed by a {@link TensorParser}, which decodes tensors while streaming, and the
 * tree is then checked where the values enter: integers outside the int range are refused (never
 * wrapped), weights and statistics must be finite, running variances non-negative, base64 must
 * hold exactly the shape's bytes, class names must match the network's outputs, and nothing may
 * follow the JSON object.
 */
public final class ModelReader {
    public static final String FORMAT = "convlab-model";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = TensorParser.MAPPER;

    /** Allowed fields of each layer type ("type" and "name" are allowed everywhere). */
    static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("conv", Set.of("filters", "kernel", "stride", "padding", "dilation", "bias", "normalize", "floor", "weight")),
            Map.entry("maxpool", Set.of("window", "stride", "padding", "ceil")),
            Map.entry("avgpool", Set.of("window", "stride", "padding", "ceil")),
            Map.entry("globalavgpool", Set.of()),
            Map.entry("relu", Set.of()),
            Map.entry("leakyrelu", Set.of("slope")),
            Map.entry("sigmoid", Set.of()),
            Map.entry("tanh", Set.of()),
            Map.entry("softmax", Set.of()),
            Map.entry("flatten", Set.of()),
            Map.entry("dense", Set.of("units", "bias", "weight")),
            Map.entry("dropout", Set.of("rate")),
            Map.entry("batchnorm", Set.of("eps", "momentum", "weight", "bias", "running_mean", "running_var")),
            Map.entry("lrn", Set.of("size", "alpha", "beta", "k")),
            Map.entry("inception", Set.of("branches")),
            Map.entry("residual", Set.of("branch", "projection", "skip")),
            Map.entry(ConvTransposeSpec.TYPE, Set.of("filters", "kernel", "stride", "padding", "output_padding", "dilation",
                    "bias", "weight")),
            Map.entry(UpsampleSpec.TYPE, Set.of("scale", "mode")));

    private final String file;

    private ModelReader(String file) {
        this.file = file;
    }

    /**
     * Parses model JSON held in a string (small models, tests); files go through
     * {@link ModelFiles#read}, which streams.
     *
     * @param source the file name for messages (null: none)
     */
    public static NetworkSpec read(String json, String source) {
        try (JsonParser p = new TensorParser(TensorParser.FACTORY.createParser(json), source, json.length(),
                TensorParser.MODEL)) {
            return read(p, source);
        } catch (IOException e) {
            throw new UserInputException(prefix(source) + "cannot read the model (" + e.getMessage() + ")");
        }
    }

    /** Parses a model from a streaming parser (a {@link TensorParser}), refusing anything after the JSON. */
    static NetworkSpec read(JsonParser parser, String source) throws IOException {
        JsonNode root;
        try {
            root = TensorParser.MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw notJson(e, source, "model");
        }
        if (root == null || root.isMissingNode()) {
            throw new UserInputException(prefix(source) + "the file is empty, expected a JSON model");
        }
        return read(root, source);
    }

    /** Reads a model from a tree that {@link TensorParser} built (a checkpoint's {@code "model"}). */
    public static NetworkSpec read(JsonNode root, String source) {
        return new ModelReader(source).network(root);
    }

    /**
     * One line for a file that is not JSON, or not only JSON: where, and what, in plain words.
     *
     * @param what "model", "checkpoint"
     */
    public static UserInputException notJson(JsonProcessingException e, String source, String what) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Trailing token")) {
            return new UserInputException(prefix(source) + "there is more after the end of the JSON " + what + where
                    + ": a " + what + " file holds one JSON object and nothing after it");
        }
        if (e instanceof StreamConstraintsException && m.contains("nesting depth")) {
            return new UserInputException(prefix(source) + "the JSON is nested more than " + TensorParser.MAX_DEPTH
                    + " levels deep" + where + ", far more than any " + what + " needs");
        }
        if (m.contains("Invalid UTF-8")) {
            return new UserInputException(prefix(source) + "is not UTF-8 text, as a " + what + " file must be" + where);
        }
        return new UserInputException(prefix(source) + "not a valid JSON " + what + " file" + where + ": "
                + m.lines().findFirst().orElse(""));
    }

    private static String prefix(String source) {
        return source == null ? "" : source + ": ";
    }

    private NetworkSpec network(JsonNode root) {
        JsonFields top = new JsonFields(root, "", file);
        top.onlyFields(Set.of("format", "version", "input", "classes", "layers", "preprocessing"), "a model file");
        if (top.has("format") && !FORMAT.equals(top.text("format", null))) {
            throw top.error("format", "must be \"" + FORMAT + "\", got " + JsonFields.describe(top.raw("format")));
        }
        if (top.has("version") && top.positiveInt("version", null) != VERSION) {
            throw top.error("version", "this ConvLab reads version " + VERSION + ", got " + top.raw("version"));
        }
        JsonFields in = new JsonFields(top.required("input"), "input", file);
        in.onlyFields(Set.of("channels", "height", "width"), "the input");
        Shape input = Shape.of(in.positiveInt("channels", null), in.positiveInt("height", null), in.positiveInt("width", null));
        if ((long) input.channels() * input.height() * input.width() > Integer.MAX_VALUE) {
            throw in.error("input", "is too large: " + input.channels() + "x" + input.height() + "x" + input.width()
                    + " values do not fit one tensor");
        }
        List<String> classes = new ArrayList<>();
        if (top.has("classes")) {
            JsonNode c = top.raw("classes");
            if (!c.isArray()) {
                throw top.error("classes", "must be a list of class names, got " + JsonFields.describe(c));
            }
            for (int i = 0; i < c.size(); i++) {
                if (!c.get(i).isTextual() || c.get(i).textValue().isBlank()) {
                    throw top.error("classes[" + i + "]", "must be a non-empty string, got " + JsonFields.describe(c.get(i)));
                }
                classes.add(c.get(i).textValue());
            }
        }
        List<LayerSpec> layers = layerList(top.required("layers"), "layers");
        if (layers.isEmpty()) {
            throw top.error("layers", "the model needs at least one layer");
        }
        NetworkSpec net;
        try {
            net = new NetworkSpec(input, classes, layers, top.has("preprocessing") ? preprocessing(top) : null);
        } catch (JsonFields.PathError e) {
            throw e;
        } catch (UserInputException e) {
            throw new UserInputException((file == null ? "" : file + ": ") + e.getMessage(), e);
        }
        checkClassCount(net, top);
        return net;
    }

    /** Class names must match the network's outputs, one name per output value. */
    private static void checkClassCount(NetworkSpec net, JsonFields top) {
        if (net.classes().isEmpty()) {
            return;
        }
        long outputs;
        try {
            outputs = ShapeInference.outputShape(net).size();
        } catch (UserInputException | ArithmeticException e) {
            return; // layers that do not fit: the summary shows where, with the arithmetic
        }
        if (outputs != net.classes().size()) {
            throw top.error("classes", net.classes().size() + " class names, but the network has " + outputs
                    + " output" + (outputs == 1 ? "" : "s") + ": give one name per output (or none)");
        }
    }

    private Preprocessing preprocessing(JsonFields top) {
        JsonFields p = new JsonFields(top.raw("preprocessing"), "preprocessing", file);
        p.onlyFields(Set.of("normalize", "resize", "mean", "std", "spectrogram"), "the preprocessing");
        String normalize = p.text("normalize", null);
        if (!Preprocessing.NORMALIZATIONS.contains(normalize)) {
            throw p.error(p.at("normalize"), "must be one of " + String.join(", ", Preprocessing.NORMALIZATIONS)
                    + ", got " + JsonFields.describe(p.raw("normalize")));
        }
        String resize = p.has("resize") ? p.text("resize", null) : "fit";
        if (!Preprocessing.RESIZES.contains(resize)) {
            throw p.error(p.at("resize"), "must be one of " + String.join(", ", Preprocessing.RESIZES)
                    + ", got " + JsonFields.describe(p.raw("resize")));
        }
        float[] mean = p.has("mean") ? numbers(p, "mean") : null;
        float[] std = p.has("std") ? numbers(p, "std") : null;
        try {
            return new Preprocessing(normalize, resize, mean, std, p.has("spectrogram") ? spectrogram(p) : null);
        } catch (UserInputException e) {
            throw new UserInputException((file == null ? "" : file + ": ") + e.getMessage(), e);
        }
    }

    /** {@code "spectrogram": {"window": 256, "hop": 128}}: how sound clips became the model's 2D input. */
    private Preprocessing.Spectrogram spectrogram(JsonFields p) {
        JsonFields s = new JsonFields(p.raw("spectrogram"), "preprocessing.spectrogram", file);
        s.onlyFields(Set.of("window", "hop"), "the spectrogram");
        return new Preprocessing.Spectrogram(s.positiveInt("window", null), s.positiveInt("hop", null));
    }

    private static float[] numbers(JsonFields p, String field) {
        JsonNode a = p.raw(field);
        if (!a.isArray() || a.isEmpty()) {
            throw p.error(p.at(field), "must be a list of numbers, one per channel, got " + JsonFields.describe(a));
        }
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber() || !Float.isFinite(a.get(i).floatValue())) {
                throw p.error(p.at(field) + "[" + i + "]", "must be a finite number, got " + JsonFields.describe(a.get(i)));
            }
            out[i] = a.get(i).floatValue();
        }
        return out;
    }

    private List<LayerSpec> layerList(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new JsonFields(MAPPER.createObjectNode(), "", file).error(path, "must be a list of layers [...], got " + JsonFields.describe(node));
        }
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(layer(new JsonFields(node.get(i), path + "[" + i + "]", file)));
        }
        return out;
    }

    private LayerSpec layer(JsonFields f) {
        String type = f.text("type", null);
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw f.error(f.at("type"), "unknown layer type \"" + type + "\" (known: "
                    + String.join(", ", new java.util.TreeSet<>(FIELDS.keySet())) + ")");
        }
        Set<String> all = new java.util.HashSet<>(allowed);
        all.add("type");
        all.add("name");
        f.onlyFields(all, "a " + type + " layer");
        String name = f.has("name") ? f.text("name", null) : null;
        f.labelled(name != null ? name : type);
        if (name != null && name.isBlank()) {
            throw f.error(f.at("name"), "must not be empty");
        }
        try {
            return build(type, name, f);
        } catch (JsonFields.PathError e) {
            throw e;
        } catch (UserInputException e) {
            // a record's own check: "conv.stride: ..." or "conv1.stride: ..." -> "layers[3].stride: ..."
            String label = name != null ? name : type;
            String m = e.getMessage();
            if (m.startsWith(label + ".")) {
                throw f.error(f.path() + m.substring(label.length(), m.indexOf(':')), m.substring(m.indexOf(':') + 2));
            }
            if (m.startsWith(label + ": ")) {
                m = m.substring(label.length() + 2);
            }
            throw f.error(f.path(), m);
        }
    }

    private LayerSpec build(String type, String name, JsonFields f) {
        switch (type) {
            case "conv": {
                int[] k = f.pair("kernel", null);
                Bias bias = bias(f);
                return new ConvSpec(name, f.positiveInt("filters", null), k[0], k[1], f.positiveInt("stride", 1),
                        f.padding("padding"), f.positiveInt("dilation", 1), bias.on, f.bool("normalize", false),
                        f.tensor("weight"), bias.data, f.bool("floor", false));
            }
            case "maxpool":
            case "avgpool": {
                int[] w = f.pair("window", null);
                int stride = f.positiveInt("stride", w[0] == w[1] ? w[0] : null);
                return new PoolSpec(name, type.equals("maxpool") ? PoolSpec.Kind.MAX : PoolSpec.Kind.AVG,
                        w[0], w[1], stride, f.padding("padding"), f.bool("ceil", false));
            }
            case "globalavgpool": return new GlobalAvgPoolSpec(name);
            case "relu": return new ActivationSpec(name, ActivationSpec.Kind.RELU, 0);
            case "leakyrelu":
                return new ActivationSpec(name, ActivationSpec.Kind.LEAKY_RELU, f.number("slope", ActivationSpec.DEFAULT_LEAKY_SLOPE));
            case "sigmoid": return new ActivationSpec(name, ActivationSpec.Kind.SIGMOID, 0);
            case "tanh": return new ActivationSpec(name, ActivationSpec.Kind.TANH, 0);
            case "softmax": return new SoftmaxSpec(name);
            case "flatten": return new FlattenSpec(name);
            case "dense": {
                Bias bias = bias(f);
                return new DenseSpec(name, f.positiveInt("units", null), bias.on, f.tensor("weight"), bias.data);
            }
            case "dropout": return new DropoutSpec(name, f.number("rate", 0.5));
            case "batchnorm":
                return new BatchNormSpec(name, f.number("eps", BatchNormSpec.DEFAULT_EPS),
                        f.number("momentum", BatchNormSpec.DEFAULT_MOMENTUM), f.tensor("weight"), f.tensor("bias"),
                        f.tensor("running_mean"), f.tensor("running_var"));
            case "lrn":
                return new LrnSpec(name, f.positiveInt("size", 5), f.number("alpha", 1e-4), f.number("beta", 0.75),
                        f.number("k", 2));
            case "inception": {
                JsonNode b = f.required("branches");
                if (!b.isArray() || b.isEmpty()) {
                    throw f.error(f.at("branches"), "must be a list of branches, each a list of layers");
                }
                List<List<LayerSpec>> branches = new ArrayList<>();
                for (int i = 0; i < b.size(); i++) {
                    branches.add(layerList(b.get(i), f.at("branches") + "[" + i + "]"));
                }
                return new InceptionSpec(name, branches);
            }
            case "residual":
                return new ResidualSpec(name, layerList(f.required("branch"), f.at("branch")), f.bool("projection", false),
                        f.has("skip") ? layerList(f.required("skip"), f.at("skip")) : null);
            case ConvTransposeSpec.TYPE: {
                int[] k = f.pair("kernel", null);
                int[] a = outputPadding(f);
                Bias bias = bias(f);
                return new ConvTransposeSpec(name, f.positiveInt("filters", null), k[0], k[1], f.positiveInt("stride", 1),
                        f.padding("padding"), a[0], a[1], f.positiveInt("dilation", 1), bias.on, f.tensor("weight"), bias.data);
            }
            case UpsampleSpec.TYPE:
                return new UpsampleSpec(name, f.positiveInt("scale", 2),
                        UpsampleSpec.Mode.parse(f.text("mode", "nearest"), name != null ? name : type));
            default:
                throw new IllegalStateException(type);
        }
    }

    /** "output_padding": a number or [rows, cols] of integers >= 0 (default 0). */
    private static int[] outputPadding(JsonFields f) {
        if (!f.has("output_padding")) {
            return new int[] {0, 0};
        }
        JsonNode v = f.raw("output_padding");
        String at = f.at("output_padding");
        if (v.isArray() && v.size() == 2) {
            return new int[] {f.nonNegativeInt(v.get(0), at + "[0]"), f.nonNegativeInt(v.get(1), at + "[1]")};
        }
        if (v.isArray()) {
            throw f.error(at, "must be a number or [rows, cols], got " + JsonFields.describe(v));
        }
        int a = f.nonNegativeInt(v, at);
        return new int[] {a, a};
    }

    /** "bias": true/false, or a tensor (which means on). */
    private record Bias(boolean on, ParamData data) {}

    private static Bias bias(JsonFields f) {
        if (f.has("bias") && f.raw("bias").isObject()) {
            return new Bias(true, f.tensor("bias"));
        }
        return new Bias(f.bool("bias", true), null);
    }
}
