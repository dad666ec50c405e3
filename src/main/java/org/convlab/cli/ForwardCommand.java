package org.convlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code forward}: not built yet (its issue is open); says so and exits 2. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Every layer's output for one input, and the class probabilities. (not built yet)")
final class ForwardCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw NotBuiltYet.command("forward");
    }
}
