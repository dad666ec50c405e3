package org.convlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code grad}: not built yet (its issue is open); says so and exits 2. */
@Command(name = "grad", mixinStandardHelpOptions = true,
        description = "Softmax cross-entropy loss and the gradient of every parameter and of the input. (not built yet)")
final class GradCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw NotBuiltYet.command("grad");
    }
}
