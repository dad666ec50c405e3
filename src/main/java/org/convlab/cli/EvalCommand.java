package org.convlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code eval}: not built yet (its issue is open); says so and exits 2. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Accuracy, per-class accuracy and confusion matrix of a model on a dataset. (not built yet)")
final class EvalCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw NotBuiltYet.command("eval");
    }
}
