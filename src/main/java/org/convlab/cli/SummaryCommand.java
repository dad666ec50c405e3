package org.convlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.convlab.io.ModelFormats;
import org.convlab.model.ModelSummary;
import org.convlab.model.SummaryReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code summary MODEL [--json]}: per-layer output shape, size formula, params, activations; totals. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Per-layer table: output shape, size formula, params, activations, with totals.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a model file (.json or .onnx) or preset:NAME (xo, lenet5, alexnet, ...)")
    String model;

    @CommandLine.Mixin
    ClassNamesOption classNames = new ClassNamesOption();

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelSummary summary = ModelSummary.of(ModelFormats.load(model, classNames.names()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? SummaryReport.json(summary) + "\n" : SummaryReport.table(summary));
        out.flush();
        return 0;
    }
}
