package org.convlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code summary}: not built yet (its issue is open); says so and exits 2. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Per-layer table: output shape, size formula, params, activations. (not built yet)")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw NotBuiltYet.command("summary");
    }
}
