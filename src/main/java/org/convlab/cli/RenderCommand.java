package org.convlab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code render}: not built yet (its issue is open); says so and exits 2. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draw a view of the app to a PNG, headless. (not built yet)")
final class RenderCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw NotBuiltYet.command("render");
    }
}
