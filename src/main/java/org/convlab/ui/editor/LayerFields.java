package org.convlab.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.convlab.model.ActivationSpec;
import org.convlab.model.BatchNormSpec;
import org.convlab.model.ConvSpec;
import org.convlab.model.ConvTransposeSpec;
import org.convlab.model.DenseSpec;
import org.convlab.model.DropoutSpec;
import org.convlab.model.InceptionSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.LrnSpec;
import org.convlab.model.Padding;
import org.convlab.model.PoolSpec;
import org.convlab.model.ResidualSpec;
import org.convlab.model.UpsampleSpec;
import org.convlab.ui.editor.SettingField.Kind;

/**
 * The settings a user can change for each layer type. New values are checked by the model
 * package's records (their constructors refuse impossible values with a message); this class
 * only parses text into numbers. Changing a conv's filters or kernel, or a dense layer's units,
 * drops weights carried in the file, which no longer match. The layers inside an inception or
 * residual block are edited through the block: each inner setting gives the whole new block.
 */
public final class LayerFields {
    static final List<String> PADDINGS = List.of("valid", "same", "0", "1", "2", "3");
    static final List<String> BOOLS = List.of("false", "true");
    static final List<String> EDGES = List.of("floor", "ceil");
    static final List<String> TRANSPOSED_PADDINGS = List.of("valid", "0", "1", "2", "3");
    static final List<String> MODES = List.of("nearest", "bilinear");

    private LayerFields() {}

    /** The settings of {@code l}, name first (uniqueness of the name is the editor model's check). */
    public static List<SettingField<LayerSpec>> of(LayerSpec l) {
        List<SettingField<LayerSpec>> f = new ArrayList<>();
        f.add(new SettingField<>("name", Kind.TEXT, List.of(), l.name(), "the layer's name (unique)", t -> {
            if (t.isBlank()) {
                throw new UserInputException("name: must not be empty");
            }
            return l.withName(t.strip());
        }));
        if (l instanceof ConvSpec c) {
            f.add(integer("filters", c.filters(), "number of filters (output channels)",
                    v -> conv(c, v, c.kernelHeight(), c.kernelWidth(), c.stride(), c.padding(), c.dilation(), c.bias(), c.normalize(), c.floor(), true)));
            f.add(size("kernel", c.kernelHeight(), c.kernelWidth(), "filter size: 5 (square) or height x width, 1x5 for a 1-D signal",
                    (h, w) -> conv(c, c.filters(), h, w, c.stride(), c.padding(), c.dilation(), c.bias(), c.normalize(), c.floor(), true)));
            f.add(integer("stride", c.stride(), "step between filter positions",
                    v -> conv(c, c.filters(), c.kernelHeight(), c.kernelWidth(), v, c.padding(), c.dilation(), c.bias(), c.normalize(), c.floor(), false)));
            f.add(padding(c.padding(), "zeros added on each side: valid (none), same, or a number",
                    p -> conv(c, c.filters(), c.kernelHeight(), c.kernelWidth(), c.stride(), p, c.dilation(), c.bias(), c.normalize(), c.floor(), false)));
            f.add(integer("dilation", c.dilation(), "spacing between filter taps (1 = none)",
                    v -> conv(c, c.filters(), c.kernelHeight(), c.kernelWidth(), c.stride(), c.padding(), v, c.bias(), c.normalize(), c.floor(), false)));
            f.add(bool("bias", c.bias(), "add a bias per filter",
                    v -> conv(c, c.filters(), c.kernelHeight(), c.kernelWidth(), c.stride(), c.padding(), c.dilation(), v, c.normalize(), c.floor(), !v)));
            f.add(bool("normalize", c.normalize(), "divide each match by the number of weights (the X/O lesson)",
                    v -> conv(c, c.filters(), c.kernelHeight(), c.kernelWidth(), c.stride(), c.padding(), c.dilation(), c.bias(), v, c.floor(), false)));
            f.add(bool("floor", c.floor(), "accept a formula that is not whole by dropping the last rows (PyTorch)",
                    v -> conv(c, c.filters(), c.kernelHeight(), c.kernelWidth(), c.stride(), c.padding(), c.dilation(), c.bias(), c.normalize(), v, false)));
        } else if (l instanceof ConvTransposeSpec t) {
            transposed(f, t);
        } else if (l instanceof UpsampleSpec u) {
            f.add(integer("scale", u.scale(), "how many times larger the map gets, on both axes",
                    v -> new UpsampleSpec(u.name(), v, u.mode())));
            f.add(new SettingField<>("mode", Kind.CHOICE, MODES, u.mode().text(),
                    "nearest repeats each value in a scale x scale block; bilinear blends the nearest rows and columns"
                            + " (PyTorch's align_corners=False)",
                    t -> new UpsampleSpec(u.name(), u.scale(), UpsampleSpec.Mode.parse(t.strip().toLowerCase(Locale.ROOT), "mode"))));
        } else if (l instanceof PoolSpec p) {
            f.add(size("window", p.windowHeight(), p.windowWidth(), "window size: 2 (square) or height x width, 1x2 for a 1-D signal",
                    (h, w) -> new PoolSpec(p.name(), p.kind(), h, w, p.stride(), p.padding(), p.ceil())));
            f.add(integer("stride", p.stride(), "step between windows",
                    v -> new PoolSpec(p.name(), p.kind(), p.windowHeight(), p.windowWidth(), v, p.padding(), p.ceil())));
            f.add(padding(p.padding(), "zeros added on each side (at most half the window)",
                    v -> new PoolSpec(p.name(), p.kind(), p.windowHeight(), p.windowWidth(), p.stride(), v, p.ceil())));
            f.add(new SettingField<>("edges", Kind.CHOICE, EDGES, p.ceil() ? "ceil" : "floor",
                    "ceil keeps partial windows at the right and bottom edges, floor drops them",
                    t -> new PoolSpec(p.name(), p.kind(), p.windowHeight(), p.windowWidth(), p.stride(), p.padding(), parseEdges(t))));
        } else if (l instanceof DenseSpec d) {
            f.add(integer("units", d.units(), "number of outputs", v -> new DenseSpec(d.name(), v, d.bias(), null, null)));
            f.add(bool("bias", d.bias(), "add a bias per output", v -> new DenseSpec(d.name(), d.units(), v, null, null)));
        } else if (l instanceof DropoutSpec d) {
            f.add(decimal("rate", d.rate(), "fraction of values zeroed while training, in [0, 1)", v -> new DropoutSpec(d.name(), v)));
        } else if (l instanceof ActivationSpec a && a.kind() == ActivationSpec.Kind.LEAKY_RELU) {
            f.add(decimal("slope", a.slope(), "slope on the negative side", v -> new ActivationSpec(a.name(), a.kind(), v)));
        } else if (l instanceof BatchNormSpec b) {
            f.add(decimal("eps", b.eps(), "added to the variance", v -> new BatchNormSpec(b.name(), v, b.momentum(), b.gamma(), b.beta(), b.runningMean(), b.runningVar())));
            f.add(decimal("momentum", b.momentum(), "running statistics update, in [0, 1]", v -> new BatchNormSpec(b.name(), b.eps(), v, b.gamma(), b.beta(), b.runningMean(), b.runningVar())));
        } else if (l instanceof LrnSpec n) {
            f.add(integer("size", n.size(), "neighbouring channels summed", v -> new LrnSpec(n.name(), v, n.alpha(), n.beta(), n.k())));
            f.add(decimal("alpha", n.alpha(), "scale", v -> new LrnSpec(n.name(), n.size(), v, n.beta(), n.k())));
            f.add(decimal("beta", n.beta(), "exponent", v -> new LrnSpec(n.name(), n.size(), n.alpha(), v, n.k())));
            f.add(decimal("k", n.k(), "offset", v -> new LrnSpec(n.name(), n.size(), n.alpha(), n.beta(), v)));
        } else if (l instanceof ResidualSpec r) {
            f.add(bool("projection", r.projection(), "1x1 conv on the skip path when the branch changes the shape",
                    v -> new ResidualSpec(r.name(), r.branch(), v)));
            for (int k = 0; k < r.branch().size(); k++) {
                int at = k;
                innerFields(f, r, r.branch().get(k), now -> {
                    List<LayerSpec> branch = new ArrayList<>(r.branch());
                    branch.set(at, now);
                    // a changed branch may no longer match a trained projection: it starts afresh
                    return new ResidualSpec(r.name(), branch, r.projection());
                });
            }
        } else if (l instanceof InceptionSpec inc) {
            for (int b = 0; b < inc.branches().size(); b++) {
                for (int k = 0; k < inc.branches().get(b).size(); k++) {
                    int branchAt = b;
                    int at = k;
                    innerFields(f, inc, inc.branches().get(b).get(k), now -> {
                        List<List<LayerSpec>> branches = new ArrayList<>(inc.branches());
                        List<LayerSpec> changed = new ArrayList<>(branches.get(branchAt));
                        changed.set(at, now);
                        branches.set(branchAt, changed);
                        return new InceptionSpec(inc.name(), branches);
                    });
                }
            }
        }
        return f;
    }

    /** A transposed conv's settings; changing its filters or kernel drops the weights, which no longer fit. */
    private static void transposed(List<SettingField<LayerSpec>> f, ConvTransposeSpec t) {
        f.add(integer("filters", t.filters(), "number of filters (output channels)",
                v -> convT(t, v, t.kernelHeight(), t.kernelWidth(), t.stride(), t.padding(), t.outputPadRows(),
                        t.outputPadCols(), t.dilation(), t.bias())));
        f.add(size("kernel", t.kernelHeight(), t.kernelWidth(), "the stamp's size: 3 (square) or height x width",
                (h, w) -> convT(t, t.filters(), h, w, t.stride(), t.padding(), t.outputPadRows(), t.outputPadCols(),
                        t.dilation(), t.bias())));
        f.add(integer("stride", t.stride(), "step between stamps in the output (2 doubles the size)",
                v -> convT(t, t.filters(), t.kernelHeight(), t.kernelWidth(), v, t.padding(), t.outputPadRows(),
                        t.outputPadCols(), t.dilation(), t.bias())));
        f.add(new SettingField<>("padding", Kind.CHOICE, TRANSPOSED_PADDINGS, t.padding().toString(),
                "rows and columns cut from each side of the output: valid (none) or a number",
                v -> convT(t, t.filters(), t.kernelHeight(), t.kernelWidth(), t.stride(), parsePadding(v), t.outputPadRows(),
                        t.outputPadCols(), t.dilation(), t.bias())));
        f.add(new SettingField<>("output_padding", Kind.INT, List.of(), t.outputPadRows() == t.outputPadCols()
                ? Integer.toString(t.outputPadRows()) : t.outputPadRows() + "x" + t.outputPadCols(),
                "extra rows and columns kept at the bottom and right (0, or less than the stride)", v -> {
                    int[] a = outputPadding(v);
                    return convT(t, t.filters(), t.kernelHeight(), t.kernelWidth(), t.stride(), t.padding(), a[0], a[1],
                            t.dilation(), t.bias());
                }));
        f.add(integer("dilation", t.dilation(), "spacing between kernel taps (1 = none)",
                v -> convT(t, t.filters(), t.kernelHeight(), t.kernelWidth(), t.stride(), t.padding(), t.outputPadRows(),
                        t.outputPadCols(), v, t.bias())));
        f.add(bool("bias", t.bias(), "add a bias per filter",
                v -> convT(t, t.filters(), t.kernelHeight(), t.kernelWidth(), t.stride(), t.padding(), t.outputPadRows(),
                        t.outputPadCols(), t.dilation(), v)));
    }

    private static ConvTransposeSpec convT(ConvTransposeSpec t, int filters, int kh, int kw, int stride, Padding padding,
                                           int aRows, int aCols, int dilation, boolean bias) {
        boolean keep = filters == t.filters() && kh == t.kernelHeight() && kw == t.kernelWidth();
        return new ConvTransposeSpec(t.name(), filters, kh, kw, stride, padding, aRows, aCols, dilation, bias,
                keep ? t.weight() : null, keep && bias ? t.biasData() : null);
    }

    /** "1" or "1x0" (rows x columns), each a whole number >= 0, as the model reader takes output_padding. */
    static int[] outputPadding(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "").split("\\s*[x,×]\\s*|\\s+");
        try {
            if (parts.length == 1 || parts.length == 2) {
                int r = Integer.parseInt(parts[0]);
                int c = parts.length == 1 ? r : Integer.parseInt(parts[1]);
                if (r < 0 || c < 0) {
                    throw new UserInputException("output_padding: must be an integer >= 0, got " + Math.min(r, c));
                }
                return new int[] {r, c};
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UserInputException("output_padding: write a whole number (1) or rows x columns (1x0), got '" + text + "'");
    }

    /**
     * The settings of one layer inside a block (all but its name), keyed by its name within the
     * block ("b2.conv1.filters"); a new value gives the block with that layer replaced.
     */
    private static void innerFields(List<SettingField<LayerSpec>> f, LayerSpec block, LayerSpec inner,
                                    java.util.function.Function<LayerSpec, LayerSpec> replace) {
        String prefix = block.name() + ".";
        String shortName = inner.name().startsWith(prefix) ? inner.name().substring(prefix.length()) : inner.name();
        for (SettingField<LayerSpec> g : of(inner)) {
            if (!g.name().equals("name")) {
                f.add(g.inner(shortName, replace));
            }
        }
    }

    /** The input's settings: channels, height, width. */
    public static List<SettingField<Shape>> input(Shape in) {
        return List.of(
                integer("channels", in.channels(), "1 for grey images, 3 for colour", v -> Shape.of(v, in.height(), in.width())),
                integer("height", in.height(), "rows of pixels", v -> Shape.of(in.channels(), v, in.width())),
                integer("width", in.width(), "columns of pixels", v -> Shape.of(in.channels(), in.height(), v)));
    }

    private static ConvSpec conv(ConvSpec c, int filters, int kernelH, int kernelW, int stride, Padding padding, int dilation,
                                 boolean bias, boolean normalize, boolean floor, boolean dropWeights) {
        boolean keep = !dropWeights && filters == c.filters() && kernelH == c.kernelHeight() && kernelW == c.kernelWidth();
        return new ConvSpec(c.name(), filters, kernelH, kernelW, stride, padding, dilation, bias, normalize,
                keep ? c.weight() : null, keep && bias ? c.biasData() : null, floor);
    }

    private static <T> SettingField<T> integer(String name, int value, String help, java.util.function.IntFunction<T> with) {
        return new SettingField<>(name, Kind.INT, List.of(), Integer.toString(value), help, t -> {
            int v;
            try {
                v = Integer.parseInt(t.strip());
            } catch (NumberFormatException e) {
                throw new UserInputException(name + ": must be a whole number, got '" + t + "'");
            }
            if (v <= 0) {
                throw new UserInputException(name + ": must be a positive integer, got " + v);
            }
            return with.apply(v);
        });
    }

    /**
     * A window's size: "5" for 5x5, "1x5" (or "1, 5") for height x width. Shown as one number when
     * square, so the X/O and LeNet stacks read as the slides write them, and as HxW otherwise, so
     * an imported 1-D net's 1x5 kernel is never squared by an edit of another field.
     */
    private static <T> SettingField<T> size(String name, int height, int width, String help,
                                            java.util.function.BiFunction<Integer, Integer, T> with) {
        String text = height == width ? Integer.toString(height) : height + "x" + width;
        return new SettingField<>(name, Kind.INT, List.of(), text, help, t -> {
            String[] parts = t.strip().toLowerCase(Locale.ROOT).split("\\s*[x,×]\\s*|\\s+");
            int[] v = new int[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) {
                    v[i] = Integer.parseInt(parts[i]);
                }
            } catch (NumberFormatException e) {
                throw new UserInputException(name + ": write a whole number (5) or height x width (1x5), got '" + t + "'");
            }
            if (v.length > 2) {
                throw new UserInputException(name + ": write a whole number (5) or height x width (1x5), got '" + t + "'");
            }
            for (int x : v) {
                if (x <= 0) {
                    throw new UserInputException(name + ": must be a positive integer, got " + x);
                }
            }
            return with.apply(v[0], v.length == 1 ? v[0] : v[1]);
        });
    }

    private static <T> SettingField<T> decimal(String name, double value, String help, java.util.function.DoubleFunction<T> with) {
        return new SettingField<>(name, Kind.DECIMAL, List.of(), String.format(Locale.ROOT, "%s", value), help, t -> {
            try {
                return with.apply(Double.parseDouble(t.strip()));
            } catch (NumberFormatException e) {
                throw new UserInputException(name + ": must be a number, got '" + t + "'");
            }
        });
    }

    private static SettingField<LayerSpec> bool(String name, boolean value, String help, java.util.function.Function<Boolean, LayerSpec> with) {
        return new SettingField<>(name, Kind.BOOL, BOOLS, Boolean.toString(value), help, t -> with.apply(Boolean.parseBoolean(t.strip())));
    }

    private static SettingField<LayerSpec> padding(Padding value, String help, java.util.function.Function<Padding, LayerSpec> with) {
        return new SettingField<>("padding", Kind.CHOICE, PADDINGS, value.toString(), help, t -> with.apply(parsePadding(t)));
    }

    private static boolean parseEdges(String t) {
        return switch (t.strip().toLowerCase(Locale.ROOT)) {
            case "ceil" -> true;
            case "floor" -> false;
            default -> throw new UserInputException("edges: choose floor or ceil, got '" + t + "'");
        };
    }

    /** valid, same, 2, or [1, 2] / 1,2 (rows, columns). */
    static Padding parsePadding(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("valid")) {
            return Padding.VALID;
        }
        if (t.equals("same")) {
            return Padding.SAME;
        }
        String[] parts = t.replace("[", "").replace("]", "").split("[,x ]+");
        try {
            if (parts.length == 1) {
                return checked(Integer.parseInt(parts[0]), Integer.parseInt(parts[0]));
            }
            if (parts.length == 2) {
                return checked(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UserInputException("padding: write valid, same, a number or [rows, columns], got '" + text + "'");
    }

    private static Padding checked(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new UserInputException("padding: must be >= 0, got " + rows + ", " + cols);
        }
        return Padding.of(rows, cols);
    }
}
