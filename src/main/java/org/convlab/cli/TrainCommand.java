package org.convlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.convlab.UserInputException;
import org.convlab.data.Augmentation;
import org.convlab.data.ResizeMode;
import org.convlab.data.sound.SoundOptions;
import org.convlab.engine.Parallel;
import org.convlab.io.ModelFormats;
import org.convlab.model.ConvSpec;
import org.convlab.model.LayerSpec;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.model.Presets;
import org.convlab.model.ShapeInference;
import org.convlab.nn.Network;
import org.convlab.nn.SpecExport;
import org.convlab.train.Checkpoint;
import org.convlab.train.EpochStats;
import org.convlab.train.InputPreparation;
import org.convlab.train.ModelAdapter;
import org.convlab.train.OptimizerKind;
import org.convlab.train.RelabelledDataset;
import org.convlab.train.Schedule;
import org.convlab.train.Trainer;
import org.convlab.train.TrainingConfig;
import org.convlab.train.TrainingListener;
import org.convlab.train.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code train MODEL --data SOURCE [...] [--json]}: trains with one progress line per epoch, then
 * saves the model with its trained weights. With {@code --json} the last line is
 * {@code {"epochs", "train_loss", "train_accuracy", "val_accuracy", "test_accuracy",
 * "images_per_second", "seconds", "model"}} (accuracies as fractions, null when there is no such set).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model on a folder of images (one sub-folder per class), idx:DIR (MNIST-style IDX files)"
                + " or csv:FILE (1D signals), with a progress line per epoch; saves the trained model."})
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file (.json or .onnx) or preset:NAME")
    String model;

    @CommandLine.Mixin
    ClassNamesOption classNames = new ClassNamesOption();

    @CommandLine.Mixin
    SoundDataOptions sound = new SoundDataOptions();

    @Option(names = "--data", required = true, paramLabel = "SOURCE",
            description = "FOLDER (images or .wav clips, one sub-folder per class), idx:DIR or csv:FILE")
    String data;

    @Option(names = "--epochs", defaultValue = "10", converter = OptionRanges.Epochs.class,
            description = "passes over the training data, 1 to 1,000,000 (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", converter = OptionRanges.Batch.class,
            description = "samples per step, 1 to 1,000,000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", converter = OptionRanges.LearningRate.class,
            description = "learning rate, above 0 (default: 0.01 for sgd, 0.001 for adam)")
    Double lr;

    @Option(names = "--momentum", defaultValue = "0.9", converter = OptionRanges.Momentum.class,
            description = "SGD momentum, at least 0 and below 1 (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum (SGD)")
    boolean nesterov;

    @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd or adam (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "W", converter = OptionRanges.WeightDecay.class,
            description = "L2 weight decay, 0 or more (default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--schedule", defaultValue = "constant",
            description = "constant, step:N (rate / 10 every N epochs) or cosine (default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--threads", paramLabel = "T", converter = OptionRanges.Threads.class,
            description = "compute threads, 1 to 256 (default: all cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", converter = OptionRanges.Seed.class, description = "seed of weights, split, shuffling, augmentation, dropout (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--val-split", defaultValue = "0.1", paramLabel = "F", converter = OptionRanges.ValidationSplit.class,
            description = "fraction of the training data held out for validation, per class, at least 0 and below 1"
                    + " (default: ${DEFAULT-VALUE})")
    double valSplit;

    @Option(names = "--test", paramLabel = "SOURCE", description = "a held-out test set, evaluated at the end (idx:DIR uses its t10k files by itself)")
    String test;

    @Option(names = "--normalize", defaultValue = "auto",
            description = "unit ([0,1]), symmetric ([-1,1]), standardize (mean/std of the training split), ink (dark +1,"
                    + " white -1); auto = ink for 9x9 grey models (X/O), unit otherwise (default: ${DEFAULT-VALUE})")
    String normalize;

    @Option(names = "--resize", defaultValue = "fit", description = "fit (keep aspect, pad), stretch or crop; for sound clips"
            + " fit pads or shrinks, stretch resamples, crop keeps the time scale (default: ${DEFAULT-VALUE})")
    String resize;

    @Option(names = "--augment", defaultValue = "none", description = "none or e.g. shift:2,flip,rotate:10 (default: ${DEFAULT-VALUE})")
    String augment;

    @Option(names = "--freeze", paramLabel = "LAYERS",
            description = "comma list of layers that stay fixed, or none (default: for a preset, the layers whose"
                    + " weights it gives, such as the X/O features; none for a model file)")
    String freeze;

    @Option(names = "--resume", paramLabel = "FILE", description = "continue from a checkpoint (same data; its settings are used, --epochs may extend the run)")
    Path resume;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "write a checkpoint after every epoch into DIR")
    Path checkpointDir;

    @Option(names = "--out", paramLabel = "FILE", description = "where to save the trained model (default: <model name>-trained.json)")
    Path out;

    @Option(names = "--json", description = "print one JSON object with the final metrics as the last line")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // before any work: a typo in --out or --checkpoint-dir must not cost a training run
        if (out != null) {
            OutputFiles.checkWritable(out, "the model file of --out");
        }
        if (checkpointDir != null) {
            OutputFiles.checkFolder(checkpointDir, "the folder of --checkpoint-dir");
        }
        Checkpoint cp = resume == null ? null : readCheckpoint(resume);
        NetworkSpec start;
        TrainingConfig config;
        Map<String, String> dataOptions = new LinkedHashMap<>();
        if (cp != null) {
            start = cp.model();
            boolean extend = spec.commandLine().getParseResult().hasMatchedOption("--epochs");
            config = extend ? cp.config().withEpochs(epochs) : cp.config();
            dataOptions.putAll(cp.data());
            // a checkpoint without them (older, or damaged) goes on with this command line's choices
            dataOptions.putIfAbsent("normalize", InputPreparation.normalization(normalize, start));
            dataOptions.putIfAbsent("resize", resize);
            if (cp.epoch() < 0 || cp.epoch() > TrainingConfig.MAX_EPOCHS) { // 2^31 read as an int would train from -2^31
                throw new UserInputException(resume + ": its epoch " + cp.epoch() + " is out of range (0 to "
                        + String.format(Locale.ROOT, "%,d", TrainingConfig.MAX_EPOCHS) + ")");
            }
            String before = cp.data().get("source");
            if (before != null && !before.equals(data)) {
                err.println("warning: the checkpoint was trained on " + before + ", not " + data
                        + ": the run continues, but not as the original would have");
            }
            stdout.println("resuming from " + resume + " after epoch " + cp.epoch() + " of " + config.epochs()
                    + " (the checkpoint's model, settings and data options are used)");
            if (cp.epoch() >= config.epochs()) {
                throw new UserInputException(resume + ": the run already finished its " + config.epochs()
                        + " epochs; pass --epochs N with a larger N to train further");
            }
        } else {
            start = ModelFormats.load(model, classNames.names());
            OptimizerKind kind = OptimizerKind.parse(optimizer, "--optimizer");
            if (nesterov && (kind != OptimizerKind.SGD || momentum == 0)) {
                throw new UserInputException("--nesterov needs --optimizer sgd and a --momentum above 0");
            }
            Augmentation augmentation = TrainData.augmentation(augment);
            augmentation.requireFits(start.input().height(), start.input().width(), "--augment");
            config = TrainingConfig.builder().epochs(epochs).batchSize(batch)
                    .learningRate(lr != null ? lr : kind == OptimizerKind.ADAM ? 0.001 : 0.01)
                    .momentum(momentum).nesterov(nesterov).optimizer(kind).weightDecay(weightDecay)
                    .schedule(Schedule.parse(schedule, "--schedule")).seed(seed).threads(threads == null ? 0 : threads)
                    .validationSplit(valSplit).augmentation(augmentation).frozen(frozen(start)).build();
            dataOptions.put("source", data);
            // a trained model goes on with the preparation it learned on, unless told otherwise
            dataOptions.put("normalize", InputPreparation.normalization(normalize, start));
            dataOptions.put("resize", resize);
            if (test != null) {
                dataOptions.put("test", test);
            }
        }
        if (out == null) { // MODEL is known good now: the file it names is where the model goes
            OutputFiles.checkWritable(defaultTarget(model), "the trained model's file; add --out FILE to save it elsewhere");
        }
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        ResizeMode resizeMode = TrainData.resize(dataOptions.get("resize"));
        TrainData.Splits splits;
        try {
            splits = TrainData.open(data, start.input(), dataOptions.get("normalize"), resizeMode,
                    config.validationSplit(), config.seed(), dataOptions.get("test"), start.preprocessing(),
                    sound.toOptions(start.preprocessing()));
        } catch (UserInputException e) {
            if (cp == null) {
                throw e;
            }
            // the input size the data is read at is the checkpoint's, which may be what is wrong
            throw new UserInputException(e.getMessage() + " (the model's input " + start.input()
                    + " comes from the checkpoint " + resume + ")", e);
        }
        TrainData.report(splits, stdout);

        ModelAdapter.Adapted adapted = ModelAdapter.adapt(start, splits.train().classes());
        adapted.notes().forEach(n -> stdout.println("note: " + n));
        List<String> classes = adapted.spec().classes();
        Network net = NetworkInput.build(cp == null ? model : resume.toString(), adapted.spec(), config.seed());
        if (cp == null) {
            requireLayers(config.frozen(), net);
        }
        if (!config.frozen().isEmpty()) {
            stdout.println("fixed (not trained): " + String.join(", ", config.frozen().stream().sorted().toList()));
        }
        Trainer trainer = new Trainer(net, RelabelledDataset.of(splits.train(), adapted.labelMap(), classes),
                RelabelledDataset.of(splits.validation(), adapted.labelMap(), classes),
                RelabelledDataset.of(splits.test(), adapted.labelMap(), classes), config);
        trainer.setCheckpointDir(checkpointDir);
        trainer.setCheckpointData(dataOptions);
        if (cp != null) {
            trainer.continueFrom(cp);
        }
        TrainingResult result = trainer.run(new TrainProgress(stdout));

        Path target = out != null ? out : Path.of(defaultName(model));
        // a failed save puts the model in the temp folder and says where (exit 2): the run is never lost
        Preprocessing made = InputPreparation.record(dataOptions.get("normalize"), resizeMode, splits.loaded());
        SoundOptions clips = sound.toOptions(start.preprocessing());
        if (clips.spectrogram()) { // eval and forward then make the same picture of a new clip
            made = made.withSpectrogram(clips.window(), clips.hop());
        }
        ModelFiles.writeOrRescue(target, SpecExport.withWeights(net).withPreprocessing(made), model);
        if (result.stop() != null) {
            stdout.flush();
            // the trainer speaks of "the learning rate"; on the command line it is --lr
            String advice = result.stop().reason() == TrainingListener.Reason.NON_FINITE_LOSS
                    ? " Set the learning rate with --lr." + TrainData.extremeValues(splits.train(), data) : "";
            throw new UserInputException(result.stop().message() + advice + " Saved those weights to " + target);
        }
        if (result.test() != null) {
            stdout.printf(Locale.ROOT, "test accuracy %.2f%% (%d of %d)%n", 100 * result.test().accuracy(),
                    result.test().correct(), result.test().total());
        }
        stdout.printf(Locale.ROOT, "trained in %s; saved the model to %s%n", TrainProgress.clock(result.seconds()), target);
        if (json) {
            stdout.println(new ObjectMapper().writeValueAsString(summary(result, target)));
        }
        stdout.flush();
        return 0;
    }

    /**
     * For a preset by default the conv layers whose weights it gives stay fixed (the X/O slides'
     * features); given dense weights (preset:xo's votes) are where training starts, not fixed.
     */
    private Set<String> frozen(NetworkSpec net) {
        Set<String> names = new HashSet<>();
        if (freeze == null) {
            if (model.startsWith(Presets.PREFIX)) {
                for (LayerSpec l : net.layers()) {
                    if (l instanceof ConvSpec c && c.weight() != null) {
                        names.add(l.name());
                    }
                }
            }
            return names;
        }
        if (freeze.isBlank() || freeze.trim().equalsIgnoreCase("none")) {
            return names;
        }
        Arrays.stream(freeze.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }

    /** Where the model is saved without --out; a MODEL that gives no file name (a folder such as /) needs --out. */
    private static Path defaultTarget(String model) {
        String name = model.startsWith(Presets.PREFIX) || Path.of(model).getFileName() != null ? defaultName(model) : "";
        if (name.isEmpty() || name.equals("-trained.json")) {
            throw new UserInputException("MODEL '" + model + "' gives no file name to save the trained model as: add --out FILE");
        }
        return Path.of(name);
    }

    /** A bad value inside a checkpoint names the file (not a command-line flag: it did not come from one). */
    private static Checkpoint readCheckpoint(Path file) {
        try {
            Checkpoint cp = Checkpoint.read(file);
            ShapeInference.infer(cp.model()); // a layer that no longer fits is the checkpoint's fault: name it
            return cp;
        } catch (UserInputException e) {
            String m = e.getMessage();
            if (m != null && m.startsWith(file.toString())) {
                throw e;
            }
            throw new UserInputException(file + ": " + m, e);
        }
    }

    /** --freeze names layers of the model (checked before training, so nothing is announced as fixed that is not there). */
    private static void requireLayers(Set<String> names, Network net) {
        List<String> layers = net.allLayers().stream().map(org.convlab.nn.layers.Layer::name).toList();
        for (String n : names) {
            if (!layers.contains(n)) {
                throw new UserInputException("--freeze: the model has no layer '" + n + "' (its layers: "
                        + String.join(", ", layers) + ")");
            }
        }
    }

    /** {@code preset:lenet5} -> {@code lenet5-trained.json}; {@code nets/my.json} (or {@code my.onnx}) -> {@code my-trained.json}. */
    static String defaultName(String model) {
        String name = model.startsWith(Presets.PREFIX) ? model.substring(Presets.PREFIX.length())
                : Path.of(model).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".onnx")) {
            name = name.substring(0, name.length() - 5);
        }
        return name + "-trained.json";
    }

    private static Map<String, Object> summary(TrainingResult r, Path target) {
        EpochStats last = r.last();
        double ips = r.history().stream().mapToDouble(EpochStats::imagesPerSecond).average().orElse(Double.NaN);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", r.epochsDone());
        m.put("train_loss", last == null ? null : TrainProgress.finite(last.trainLoss()));
        m.put("train_accuracy", last == null ? null : TrainProgress.finite(last.trainAccuracy()));
        m.put("val_accuracy", last == null || !last.hasValidation() ? null : TrainProgress.finite(last.validationAccuracy()));
        m.put("test_accuracy", r.test() == null ? null : TrainProgress.finite(r.test().accuracy()));
        m.put("images_per_second", TrainProgress.finite(ips));
        m.put("seconds", r.seconds());
        m.put("model", target.toString());
        return m;
    }
}
