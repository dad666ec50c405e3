package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convlab.UserInputException;
import org.convlab.nn.Network;
import org.convlab.nn.layers.ConvLayer;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.trace.NetworkTracer;
import org.convlab.trace.SnapshotCsv;
import org.convlab.ui.stepper.StepperSession;
import org.convlab.ui.lab.FilterFigure;
import org.convlab.ui.stepper.ViewRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code render MODEL --input FILE --view conv|pool|relu|votes|maps|filters|lesson|backward-loss|backward-dense|
 * backward-pool|backward-relu|backward-conv|learning-step --out FILE.png [--scale 1|2|3]}: draws a step-through view as the app shows it, without its controls (a figure
 * for a slide), headless (JavaFX on Monocle with software rendering, no X server). The one place {@code cli} reaches into {@code ui}. Layer, channel and
 * step are checked first: a wrong one exits 2 with a message naming it.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Draw a step-through view of the app to a PNG, headless (no display needed), as a figure for a"
                + " slide: without its buttons, spinners and menus, at --scale 1, 2 or 3 times the pixels.",
                "Views: conv (filter --channel of conv layer --layer at window --step), pool (channel --channel at"
                        + " --step), relu (channel --channel), votes (dense layer --layer), maps (every layer's"
                        + " feature maps, --layer/--channel enlarged), filters (conv layer --layer's filters, --filter"
                        + " and --channel enlarged), lesson (the guided X/O lesson at --step).",
                "Backward views (backpropagation of the input against --label): backward-loss (p, the one-hot label"
                        + " and dL/dlogit = p - y), backward-dense (the votes' gradients of dense layer --layer),"
                        + " backward-pool (max-pool routing of --layer, channel --channel, window --step),"
                        + " backward-relu (the ReLU gate of --layer, channel --channel), backward-conv (the summed"
                        + " gradient of conv weight --weight F,C,R,K after --step windows), learning-step (w <- w - lr"
                        + " * dL/dw for --layer, --steps times at --lr, then the same image forward again)."})
final class RenderCommand implements Callable<Integer> {
    /** How messages about the output file name it. */
    private static final String OUT = "the file of --out";

    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file (.json or .onnx) or preset:NAME")
    String model;

    @CommandLine.Mixin
    ClassNamesOption classNames = new ClassNamesOption();

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the input: image, .json tensor or .npy")
    Path input;

    @Option(names = "--view", required = true, paramLabel = "VIEW", description = "conv, pool, relu, votes, maps, filters,"
            + " lesson, image-filter (a kernel on the photo --input), backward-loss, backward-dense, backward-pool, backward-relu, backward-conv or learning-step")
    String view;

    @Option(names = "--layer", paramLabel = "L", converter = OptionRanges.Layer.class, description = "top-level layer index (default: the first of the view's kind; votes and backward-dense:"
            + " the last dense layer; learning-step: the last layer with weights)")
    Integer layer;

    @Option(names = "--channel", defaultValue = "0", paramLabel = "C", converter = OptionRanges.Channel.class,
            description = "conv: the filter (unless --filter); pool, relu, maps, filters, backward-pool, backward-relu:"
                    + " the channel (default: ${DEFAULT-VALUE}); backward-dense: the unit (default: the label's, for the"
                    + " output layer)")
    int channel;

    @Option(names = "--filter", paramLabel = "F", converter = OptionRanges.Filter.class, description = "conv, filters: the output filter (default: 0)")
    Integer filter;

    @Option(names = "--step", paramLabel = "S", converter = OptionRanges.Step.class,
            description = "the step (output position, row by row; lesson: the lesson step; backward-pool: the window;"
                    + " backward-conv: how many windows are summed so far), from 0 (default: 0; backward-conv: all of"
                    + " them, the finished sum and its divisor)")
    Integer step;

    @Option(names = "--label", paramLabel = "CLASS",
            description = "backward views: the label the loss is taken against, a class index or name (default: the"
                    + " class the input's folder is named for, as sample-images/xo/x/, else the predicted class)")
    String label;

    @Option(names = "--weight", paramLabel = "F,C,R,K", converter = OptionRanges.WeightIndex.class,
            description = "backward-conv: the weight w[F][C][R][K] (filter, channel, row, col) whose gradient is summed"
                    + " (default: filter 0, channel 0, the centre)")
    String weight;

    @Option(names = "--lr", paramLabel = "RATE", converter = OptionRanges.StepRate.class,
            description = "learning-step: the learning rate, one the view offers: 0.01, 0.02, 0.05, 0.1, 0.2,"
                    + " 0.5, 1, 2 or 5 (default: the view's, 0.5)")
    Double lr;

    @Option(names = "--steps", paramLabel = "N", converter = OptionRanges.LearningSteps.class,
            description = "learning-step: steps of learning taken before drawing, 0 to 100 (default: 1)")
    Integer steps;

    @Option(names = "--out", required = true, paramLabel = "FILE.png",
            description = "the PNG to write; with --view maps a .csv file gets every layer's values instead")
    Path out;

    @Option(names = "--width", defaultValue = "1280", paramLabel = "W", converter = OptionRanges.Width.class,
            description = "image width in pixels, 200 to 8000 (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N",
            description = "draw at N times the pixels of --width, for slides: 1, 2 or 3 (default: ${DEFAULT-VALUE});"
                    + " the layout stays that of --width")
    String scale;

    @Option(names = "--fractions", description = "write normalized values as fractions (7/9) where exact")
    boolean fractions;

    @Option(names = "--pixels", defaultValue = "auto", paramLabel = "SCALE", converter = OptionRanges.Pixels.class,
            description = "image pixel values: unit, signed, ink; auto = ink for 9x9 grey models (X/O) (default: ${DEFAULT-VALUE})")
    String pixels;

    @Option(names = "--seed", defaultValue = "1", converter = OptionRanges.Seed.class, description = "seed for weights the model does not store (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--kernel", paramLabel = "NAME|WEIGHTS", description = "image-filter: a classic kernel (identity,"
            + " box blur, Gaussian blur 3x3, Gaussian blur 5x5, sharpen, Sobel x, Sobel y, Laplacian, emboss) or typed"
            + " weights, rows split by ';', e.g. \"1 2 1; 2 4 2; 1 2 1 / 16\" (default: Sobel x)")
    String kernel;

    @Option(names = "--flip", description = "image-filter: turn the kernel 180 degrees first (true convolution)")
    boolean flip;

    @Option(names = "--stride", defaultValue = "1", converter = OptionRanges.KernelStride.class, paramLabel = "S",
            description = "image-filter: the kernel's stride, 1 to 64 (default: ${DEFAULT-VALUE})")
    int kernelStride;

    @Option(names = "--padding", defaultValue = "0", converter = OptionRanges.KernelPadding.class, paramLabel = "P",
            description = "image-filter: zeros around the photo, 0 to 64 (default: ${DEFAULT-VALUE})")
    int kernelPadding;

    @Option(names = "--channels", defaultValue = "each", paramLabel = "each|summed",
            description = "image-filter: each channel filtered on its own, or the channels summed (default: ${DEFAULT-VALUE})")
    String kernelChannels;

    @Option(names = "--display", defaultValue = "absolute", paramLabel = "absolute|signed|clip",
            description = "image-filter: how results below 0 or above 1 are shown (default: ${DEFAULT-VALUE})")
    String display;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (FilterFigure.VIEW.equals(view.trim().toLowerCase(Locale.ROOT))) {
            OutputFiles.checkWritable(out, OUT);
            FilterFigure.Plan plan = FilterFigure.check(input, kernel, flip, kernelStride, kernelPadding,
                    kernelChannels, display, out);
            RenderModels.network(model, classNames.names(), seed, err); // a model that does not load is refused as always
            OutputFiles.write(out, OUT, () -> plan.render(width, parseScale(scale), out));
            spec.commandLine().getOut().println("drew " + plan.describe());
            spec.commandLine().getOut().println("wrote " + out);
            return 0;
        }
        if (kernel != null || flip) {
            throw new UserInputException("--kernel and --flip are for --view image-filter, not --view " + view.trim());
        }
        ViewRenderer.View v = parseView(view);
        int times = parseScale(scale);
        OutputFiles.checkWritable(out, OUT);
        String name = out.toAbsolutePath().getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (csv && times != 1) {
            throw new UserInputException("--scale " + scale.trim() + ": a .csv file holds numbers, not pixels; use --scale"
                    + " with a .png file");
        }
        if (csv && v != ViewRenderer.View.MAPS) {
            throw new UserInputException("--out " + out + ": CSV holds the feature maps; use it with --view maps");
        }
        if (!csv && !name.endsWith(".png")) {
            throw new UserInputException("--out " + out + ": the file name must end in .png (or .csv for --view maps)");
        }
        if (!v.backward()) {
            RenderBackward.refuseBackwardOptions(v, label, weight, lr, steps);
        }
        Network net = RenderModels.network(model, classNames.names(), seed, err);
        float[] x = NetworkInput.read(input, net, pixels, err);
        StepperSession probe = new StepperSession(net, x, RenderModels.inkPixels(net, pixels));
        if (v.backward()) {
            RenderBackward.Plan plan = new RenderBackward(model, net, v).check(input, x, probe.snapshot().probabilities(),
                    label, layer, channel, spec.commandLine().getParseResult().hasMatchedOption("--channel"), filter, step, weight,
                    lr, steps);
            probe.setFractions(fractions);
            OutputFiles.write(out, OUT, () -> ViewRenderer.render(probe, v, plan.layer(), plan.channel(), plan.step(),
                    plan.backward(), width, times, out));
            spec.commandLine().getOut().println("drew " + plan.labelLine());
            spec.commandLine().getOut().println("wrote " + out);
            return 0;
        }
        int step = this.step == null ? 0 : this.step;
        int l = checkArguments(v, probe.tracer(), probe.snapshot(), step);
        if (csv) { // numbers, not a picture: no JavaFX needed
            OutputFiles.write(out, OUT, () -> SnapshotCsv.write(probe.snapshot(), out));
            spec.commandLine().getOut().println("wrote " + out);
            return 0;
        }
        probe.setFractions(fractions);
        // conv: the filter rides on --channel (older scripts) unless --filter names it; filters: on the step
        int c = v == ViewRenderer.View.CONV && filter != null ? filter : channel;
        int s = v == ViewRenderer.View.FILTERS ? filterOrZero() : step;
        OutputFiles.write(out, OUT, () -> ViewRenderer.render(probe, v, l, c, s, width, times, out));
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }

    /** 1, 2 or 3: anything else is one sentence naming what is offered. */
    static int parseScale(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("x")) {
            t = t.substring(0, t.length() - 1); // "2x" reads naturally too
        }
        if (!t.matches("[123]")) {
            throw new UserInputException("--scale '" + text + "' is not offered: use 1, 2 or 3 (times the pixels of --width)");
        }
        return Integer.parseInt(t);
    }

    private static ViewRenderer.View parseView(String name) {
        try {
            return ViewRenderer.View.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--view '" + name + "' is not a view: use conv, pool, relu, votes, maps, filters,"
                    + " lesson, image-filter, backward-loss, backward-dense, backward-pool, backward-relu, backward-conv or learning-step");
        }
    }

    /** Checks layer, channel and step against the network; returns the layer to draw. */
    private int checkArguments(ViewRenderer.View v, NetworkTracer tracer, ActivationSnapshot s, int step) {
        if (layer != null && layer >= s.layerCount()) {
            throw new UserInputException("--layer must be between 0 and " + (s.layerCount() - 1) + " (" + model + " has "
                    + s.layerCount() + " layers), got " + layer);
        }
        int l = switch (v) {
            case CONV -> layer != null ? layer : first(tracer.find(ConvLayer.class, 0), "conv");
            case POOL -> layer != null ? layer : first(tracer.find(PoolLayer.class, 0), "pooling");
            case RELU -> layer != null ? layer : first(tracer.findActivation(0), "activation");
            case VOTES -> layer != null ? layer : first(lastDense(tracer), "dense");
            case MAPS -> layer != null ? layer : 0;
            case FILTERS -> layer != null ? layer : first(tracer.find(ConvLayer.class, 0), "conv");
            case LESSON -> 0;
            default -> throw new IllegalArgumentException(v + " is a Backward view: see RenderBackward");
        };
        int steps = switch (v) {
            case CONV -> tracer.conv(s, l, filter != null ? filter : channel).size();
            case FILTERS -> checkChannel(l, tracer.conv(s, l, filterOrZero()).geometry().inChannels());
            case POOL -> tracer.pool(s, l, channel).size();
            case RELU -> checkChannel(l, tracer.activation(s, l).shape().channels());
            case VOTES -> {
                tracer.votes(s, l);
                yield 1;
            }
            case MAPS -> {
                if (l < 0 || l >= s.layerCount()) {
                    throw new UserInputException("layer " + l + " does not exist: the model has " + s.layerCount()
                            + " layers (0.." + (s.layerCount() - 1) + ")");
                }
                yield checkChannel(l, s.layer(l).shape().isFlat() ? 1 : s.layer(l).shape().channels());
            }
            case LESSON -> {
                if (!RenderModels.isXo(model)) {
                    throw new UserInputException("--view lesson needs preset:xo, not " + model);
                }
                yield Integer.MAX_VALUE; // the lesson checks its own steps
            }
            default -> throw new IllegalArgumentException(v + " is a Backward view: see RenderBackward");
        };
        if (step < 0 || step >= steps) {
            throw new UserInputException("--step " + step + " is past the end: layer " + l + " has " + steps
                    + " steps (0.." + (steps - 1) + ")");
        }
        return l;
    }

    private int filterOrZero() {
        return filter == null ? 0 : filter;
    }

    private int checkChannel(int l, int channels) {
        if (channel < 0 || channel >= channels) {
            throw new UserInputException("--channel " + channel + ": layer " + l + " has " + channels + " channels (0.."
                    + (channels - 1) + ")");
        }
        return 1; // one picture: only step 0
    }

    private static int lastDense(NetworkTracer tracer) {
        int last = -1;
        for (int i = tracer.find(DenseLayer.class, 0); i >= 0; i = tracer.find(DenseLayer.class, i + 1)) {
            last = i;
        }
        return last;
    }

    private int first(int index, String kind) {
        if (index < 0) {
            throw new UserInputException(model + " has no " + kind + " layer to show");
        }
        return index;
    }
}
