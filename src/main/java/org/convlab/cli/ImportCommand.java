package org.convlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.io.ModelFormats;
import org.convlab.io.onnx.OnnxImport;
import org.convlab.io.pytorch.StateDictImport;
import org.convlab.model.ModelFiles;
import org.convlab.model.ModelSummary;
import org.convlab.model.NetworkSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE.onnx --out MODEL.json} (a graph from PyTorch or ConvLab) and
 * {@code import FILE.safetensors --model MODEL --out MODEL.json} (weights trained elsewhere, put
 * onto a ConvLab architecture by their PyTorch state_dict names): either way a ConvLab model file
 * with its weights, ready to step through, edit and train.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reads an ONNX file, or safetensors weights onto --model, and writes a ConvLab model file.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "an .onnx file, or a .safetensors state_dict (with --model)")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "the ConvLab model file to write")
    Path out;

    @Option(names = "--model", paramLabel = "MODEL", description = "for .safetensors: the architecture the weights belong to (a model file or preset:NAME)")
    String model;

    @CommandLine.Mixin
    ClassNamesOption classNames = new ClassNamesOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFiles.checkWritable(out, "the model file of --out");
        String name = file.toString().toLowerCase(Locale.ROOT);
        NetworkSpec imported;
        if (ModelFormats.isOnnx(name)) {
            if (model != null) {
                throw new UserInputException("--model belongs with a .safetensors file; " + file + " is an ONNX graph and brings its own architecture");
            }
            imported = OnnxImport.read(file, classNames.names());
        } else if (name.endsWith(".safetensors")) {
            if (model == null) {
                throw new UserInputException(file + ": safetensors holds only weights; give the architecture they belong to with --model MODEL");
            }
            NetworkSpec architecture = ModelFormats.load(model, classNames.names());
            imported = StateDictImport.apply(architecture, file);
        } else {
            throw new UserInputException(file + ": import reads .onnx or .safetensors files (a ConvLab .json model needs no import)");
        }
        ModelSummary summary = ModelSummary.of(imported);
        ModelFiles.write(out, imported);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %s: %d layers, %s parameters (%s), input %s, classes %s%n", out,
                imported.layers().size(), MemoryGuard.count(summary.totalParams()), MemoryGuard.size(4 * summary.totalParams()),
                imported.input(), imported.classes().isEmpty() ? "none" : String.join(", ", imported.classes()));
        stdout.flush();
        return 0;
    }
}
