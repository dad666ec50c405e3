package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.model.ModelSummary;
import org.convlab.model.NetworkSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export MODEL --format onnx --out FILE.onnx} and {@code export MODEL --format pytorch
 * --out DIR}: the model goes to other tools, as an ONNX graph or as a PyTorch project (model.py,
 * weights.safetensors, train.py with DistributedDataParallel, README.md).
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the model as ONNX (--format onnx) or as a PyTorch project folder (--format pytorch).")
final class ExportCommand implements Callable<Integer> {
    enum Format { onnx, pytorch }

    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file (.json or .onnx) or preset:NAME")
    String model;

    @CommandLine.Mixin
    ClassNamesOption classNames = new ClassNamesOption();

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "onnx or pytorch")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "the .onnx file, or the project folder for pytorch")
    Path out;

    @Option(names = "--seed", defaultValue = "1", converter = OptionRanges.Seed.class,
            description = "seed for weights the model does not store (default: ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format == Format.onnx) {
            if (!ModelFormats.isOnnx(out.toString())) {
                throw new UserInputException("--out " + out + ": an ONNX file's name ends in .onnx");
            }
            OutputFiles.checkWritable(out, "the ONNX file of --out");
        } else {
            OutputFiles.checkFolder(out, "the project folder of --out");
        }
        NetworkSpec network = ModelFormats.load(model, classNames.names());
        ModelSummary summary = ModelSummary.of(network);
        PrintWriter err = spec.commandLine().getErr();
        NetworkSpec complete = ModelFormats.withAllWeights(network, seed);
        if (complete != network) {
            err.println("note: " + model + " stores no trained weights for some layers; they are initialised from seed " + seed);
            err.flush();
        }
        long start = System.nanoTime();
        if (format == Format.onnx) {
            ModelFormats.exportOnnx(complete, seed, out);
        } else {
            ModelFormats.exportPytorch(complete, seed, out, model);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %s (%s, %s parameters, %s of weights) in %.1f s%n", out,
                format == Format.onnx ? "ONNX, opset 13" : "PyTorch project: model.py, weights.safetensors, train.py, README.md",
                MemoryGuard.count(summary.totalParams()), MemoryGuard.size(4 * summary.totalParams()), seconds);
        if (format == Format.pytorch) {
            stdout.println("next: python " + out.resolve("train.py") + " --data FOLDER --epochs N  (see " + out.resolve("README.md") + ")");
        }
        stdout.flush();
        return 0;
    }
}
