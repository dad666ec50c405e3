package org.convlab.cli;

import java.util.Arrays;
import java.util.List;
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
                ExportCommand.class,
                ImportCommand.class,
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

    /**
     * Runs the command line and returns the process exit code: 0 done, 2 bad input (one line on
     * stderr), 1 a bug in ConvLab. Nothing a user types or feeds in ends in a stack trace: parse
     * errors are one line with a pointer to the command's help, and an OutOfMemoryError or a
     * StackOverflowError anywhere in a command is one line too (see {@link Failures}).
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ConvLabCommand());
        // picocli would read "@FILE" as a file of more arguments: "@/dev/zero" or a named pipe never
        // ends, and a model file whose name starts with @ must stay a model file
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine failed = ex.getCommandLine();
            List<String> given = Arrays.asList(arguments);
            if (given.contains("--help") || given.contains("-h")) {
                failed.usage(failed.getOut()); // asked for help: the help, whatever else is wrong on the line
                failed.getOut().flush();
                return 0;
            }
            failed.getErr().println("error: " + ParseErrors.line(ex));
            failed.getErr().flush();
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                Failures.report(ex, commandName(cli, args), what(cli, args), commandLine.getErr()));
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            // thrown past picocli's handlers (an Error is not an Exception): the last line of defence
            return Failures.report(e, commandName(cli, args), what(cli, args), cli.getErr());
        }
    }

    private static String commandName(CommandLine cli, String[] args) {
        return args.length > 0 && cli.getSubcommands().containsKey(args[0]) ? args[0] : "convlab";
    }

    /**
     * "convlab forward big.json", "convlab eval m.json --data idx:mnist": the command with its MODEL
     * and data, for a message that cannot name the file itself (running out of memory).
     */
    private static String what(CommandLine cli, String[] args) {
        String command = commandName(cli, args);
        StringBuilder s = new StringBuilder("convlab ").append(command);
        if (!command.equals("convlab") && args.length > 1 && !args[1].startsWith("-")) {
            s.append(' ').append(shortened(args[1]));
        }
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--data") || args[i].equals("--input")) {
                s.append(' ').append(args[i]).append(' ').append(shortened(args[i + 1]));
            }
        }
        return s.toString();
    }

    private static String shortened(String arg) {
        return arg.length() > 80 ? arg.substring(0, 77) + "..." : arg;
    }
}
