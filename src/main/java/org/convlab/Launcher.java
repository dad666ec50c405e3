package org.convlab;

import java.util.logging.Filter;
import java.util.logging.Logger;
import org.convlab.cli.ConvLabCommand;

/**
 * Entry point of {@code convlab.jar}: with no arguments it opens the app, otherwise it runs a
 * headless command. It deliberately imports nothing from JavaFX, so the CLI starts without a
 * display and JavaFX on the class path is only touched when the window is wanted.
 */
public final class Launcher {
    /** The start of the one JavaFX warning {@link #quietClassPathWarning} drops. */
    static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";
    /**
     * The logger JavaFX warns on (java.util.logging keeps loggers weakly: holding it here keeps
     * its filter for the life of the process).
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private static boolean quiet;

    private Launcher() {}

    public static void main(String[] args) {
        quietClassPathWarning();
        if (args.length == 0) {
            org.convlab.ui.app.ConvLabApp.launchApp(args);
            return;
        }
        System.exit(ConvLabCommand.run(args));
    }

    /**
     * Drops JavaFX's start-up warning "Unsupported JavaFX configuration: classes were loaded from
     * 'unnamed module'", and nothing else. The runnable jar carries JavaFX inside it, on the class
     * path: one file that runs with {@code java -jar} on any JDK 17+, which is what the jar is for.
     * JavaFX prefers its own modules on a module path ({@code ./mvnw javafx:run} starts that way and
     * never prints the line), and says so at every start from the jar, where the user can do nothing
     * about it. Every other JavaFX warning (CSS, controls) still prints: the filter sits on the
     * {@code javafx} logger only and drops that one message, and the records of child loggers such as
     * {@code javafx.scene.control} never pass a parent's filter. {@code -Dconvlab.javafxWarning=show}
     * shows it again. Calling this twice does nothing more.
     */
    public static synchronized void quietClassPathWarning() {
        if ("show".equals(System.getProperty("convlab.javafxWarning")) || quiet) {
            return;
        }
        quiet = true;
        Filter before = JAVAFX_LOG.getFilter();
        JAVAFX_LOG.setFilter(record -> {
            String message = record.getMessage();
            if (message != null && message.startsWith(CLASS_PATH_WARNING)) {
                return false;
            }
            return before == null || before.isLoggable(record);
        });
    }

    /** This build's version from the jar's manifest; "dev" when running from compiled classes (no jar). */
    public static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
