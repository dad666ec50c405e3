package org.convlab;

import org.convlab.cli.ConvLabCommand;

/**
 * Entry point of {@code convlab.jar}: with no arguments it opens the app, otherwise it runs a
 * headless command. It deliberately imports nothing from JavaFX, so the CLI starts without a
 * display and JavaFX on the class path is only touched when the window is wanted.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            org.convlab.ui.app.ConvLabApp.launchApp(args);
            return;
        }
        System.exit(ConvLabCommand.run(args));
    }
}
