package org.convlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convlab.UserInputException;
import org.convlab.data.Dataset;
import org.convlab.engine.Parallel;
import org.convlab.io.ModelFormats;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Preprocessing;
import org.convlab.model.ShapeInference;
import org.convlab.nn.Network;
import org.convlab.train.Evaluation;
import org.convlab.train.Evaluator;
import org.convlab.train.InputPreparation;
import org.convlab.train.ModelAdapter;
import org.convlab.train.RelabelledDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval MODEL --data SOURCE [--json]}: accuracy, per-class accuracy and the confusion
 * matrix. An IDX folder is evaluated on its t10k (test) files; a folder or CSV file on every
 * sample. With {@code --json} the last line is {@code {"accuracy", "per_class", "confusion",
 * "classes", "samples", "loss"}}: per_class maps class name to accuracy (null for a class without
 * samples), confusion rows are true classes and columns predictions.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Accuracy, per-class accuracy and confusion matrix of a model on a dataset"
                + " (idx:DIR: its t10k test files; a folder or csv:FILE: every sample).")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file (.json or .onnx) or preset:NAME")
    String model;

    @CommandLine.Mixin
    ClassNamesOption classNames = new ClassNamesOption();

    @CommandLine.Mixin
    SoundDataOptions sound = new SoundDataOptions();

    @Option(names = "--data", required = true, paramLabel = "SOURCE",
            description = "FOLDER (images or .wav clips, one sub-folder per class), idx:DIR or csv:FILE")
    String data;

    @Option(names = "--normalize", defaultValue = "auto",
            description = "unit, symmetric, standardize, ink or auto: as the model file says it was trained"
                    + " (a trained model stores it), else ink for 9x9 grey models and unit otherwise (default: ${DEFAULT-VALUE})")
    String normalize;

    @Option(names = "--resize", description = "fit, stretch or crop (default: as the model was trained, else fit)")
    String resize;

    @Option(names = "--batch", defaultValue = "256", converter = OptionRanges.Batch.class,
            description = "samples per forward pass, 1 to 1,000,000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--threads", paramLabel = "T", converter = OptionRanges.Threads.class,
            description = "compute threads, 1 to 256 (default: all cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", converter = OptionRanges.Seed.class, description = "seed for weights the model does not store (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object as the last line")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        NetworkSpec start = ModelFormats.load(model, classNames.names());
        String norm = InputPreparation.normalization(normalize, start);
        Preprocessing stored = start.preprocessing();
        String resizing = resize != null ? resize : stored != null ? stored.resize() : "fit";
        if (stored != null && !norm.equals(stored.normalize())) {
            err.println("note: the model was trained with --normalize " + stored.normalize() + ", evaluated with " + norm);
        }
        TrainData.Splits splits = TrainData.open(data, start.input(), norm, TrainData.resize(resizing), 0, seed, null, stored,
                sound.toOptions(stored));
        TrainData.report(splits, out);
        Dataset set = splits.test() != null ? splits.test() : splits.train();
        int outputs = ShapeInference.infer(start).get(start.layers().size() - 1).output().size();
        if (outputs != set.classes().size()) {
            throw new UserInputException(model + " gives " + outputs + " outputs but " + data + " has " + set.classes().size()
                    + " classes (" + TrainData.someClasses(set.classes()) + "): evaluate it on data with the classes it was trained on");
        }
        ModelAdapter.Adapted adapted = ModelAdapter.adapt(start, set.classes());
        if (adapted.labelMap() == null && !start.classes().isEmpty() && !adapted.spec().classes().equals(start.classes())) {
            // a trained model's outputs mean its own classes: take the data's in order, keep the model's names
            out.println("note: the data's classes (" + String.join(", ", set.classes()) + ") are taken in order as the model's ("
                    + String.join(", ", start.classes()) + ")");
            adapted = new ModelAdapter.Adapted(start, null, List.of());
        }
        adapted.notes().forEach(n -> out.println("note: " + n));
        Network net = NetworkInput.build(model, adapted.spec(), seed);
        if (!net.initialisedWeights().isEmpty()) {
            err.println("note: " + model + " has no stored values for " + String.join(", ", net.initialisedWeights())
                    + "; they are initialised from seed " + seed + ", so this is an untrained model");
        }
        List<String> classes = adapted.spec().classes();
        Evaluation e = Evaluator.evaluate(net, RelabelledDataset.of(set, adapted.labelMap(), classes), batch);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(jsonResult(e)));
        } else {
            print(e, out);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> jsonResult(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", TrainProgress.finite(e.accuracy()));
        Map<String, Object> perClass = new LinkedHashMap<>();
        double[] acc = e.perClassAccuracy();
        for (int i = 0; i < acc.length; i++) {
            perClass.put(e.classes().get(i), TrainProgress.finite(acc[i]));
        }
        m.put("per_class", perClass);
        m.put("confusion", e.confusion());
        m.put("classes", e.classes());
        m.put("samples", e.total());
        m.put("loss", TrainProgress.finite(e.loss()));
        return m;
    }

    private static void print(Evaluation e, PrintWriter out) {
        out.printf(Locale.ROOT, "accuracy %.2f%% (%d of %d), mean loss %.4f%n", 100 * e.accuracy(), e.correct(),
                e.total(), e.loss());
        List<String> names = new ArrayList<>(e.classes());
        int w = Math.max(8, names.stream().mapToInt(String::length).max().orElse(1) + 1);
        out.println();
        out.println("per class:");
        double[] acc = e.perClassAccuracy();
        long[][] c = e.confusion();
        for (int i = 0; i < acc.length; i++) {
            long n = 0;
            for (long v : c[i]) {
                n += v;
            }
            out.printf(Locale.ROOT, "  %-" + w + "s %s  (%d samples)%n", names.get(i),
                    Double.isNaN(acc[i]) ? "     -" : String.format(Locale.ROOT, "%6.2f%%", 100 * acc[i]), n);
        }
        out.println();
        out.println("confusion matrix (rows: true class, columns: predicted):");
        int cw = Math.max(6, Long.toString(e.total()).length() + 1);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + w + "s", ""));
        for (String n : names) {
            head.append(String.format(Locale.ROOT, "%" + cw + "s", n.length() > cw - 1 ? n.substring(0, cw - 1) : n));
        }
        out.println(head);
        for (int i = 0; i < c.length; i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + w + "s", names.get(i)));
            for (long v : c[i]) {
                row.append(String.format(Locale.ROOT, "%" + cw + "d", v));
            }
            out.println(row);
        }
    }
}
