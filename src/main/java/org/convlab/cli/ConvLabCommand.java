package org.convlab.cli;

import org.convlab.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code convlab} command: dispatches to one sub-command per job. */
@Command(name = "convlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "ConvLab: a lab for convolutional networks. Run without arguments to open the app.",
        subcommands = {
                SummaryCommand.class,
                ForwardCommand.class,
                GradCommand.class,
                TrainCommand.class,
                EvalCommand.class,
                BenchCommand.class,
                RenderCommand.class,
        })
public final class ConvLabCommand implements Runnable {
    /** Exit code for bad input (a message on stderr names the file, layer or field). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for an internal error (a bug in ConvLab). */
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ConvLabCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserInputException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return EXIT_INTERNAL;
        });
        return cli.execute(args);
    }
}
