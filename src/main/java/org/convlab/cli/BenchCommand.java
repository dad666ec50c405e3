package org.convlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bench}: not built yet (its issue is open); says so and exits 2. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Standard speed figures: conv GFLOP/s, LeNet-5 training and inference images/s. (not built yet)")
final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw NotBuiltYet.command("bench");
    }
}
