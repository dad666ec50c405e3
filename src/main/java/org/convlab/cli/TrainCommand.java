package org.convlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code train}: not built yet (its issue is open); says so and exits 2. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on a folder of images, IDX files or a CSV of 1D signals. (not built yet)")
final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw NotBuiltYet.command("train");
    }
}
