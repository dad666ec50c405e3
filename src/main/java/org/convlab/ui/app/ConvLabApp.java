package org.convlab.ui.app;

import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.convlab.data.xo.XoLesson;

/**
 * The ConvLab desktop app: one main window, opening on the X/O lesson with preset:xo in the
 * stack editor; closing with unsaved changes asks first. Sized for a 1366x768
 * classroom projector: 1280x720 or the screen's free area if smaller, resizable down to 960x600.
 */
public final class ConvLabApp extends Application {
    static final double WIDTH = 1280;
    static final double HEIGHT = 720;
    /** Room left for the window manager's title bar when the screen is small. */
    static final double TITLE_BAR = 40;
    static final String CSS = "/org/convlab/ui/convlab.css";
    static final String[] ICONS = {"/org/convlab/ui/icon-32.png", "/org/convlab/ui/icon-64.png",
        "/org/convlab/ui/icon-256.png"};

    /** {@code ./mvnw javafx:run} starts here (JavaFX's launcher calls an app's main when it has one). */
    public static void main(String[] args) {
        launchApp(args);
    }

    /** Called by {@code org.convlab.Launcher} when the jar is started without a command. */
    public static void launchApp(String[] args) {
        StartupTiming.mark("main");
        // started from the class path (the jar, an IDE): JavaFX's one complaint about that is dropped
        org.convlab.Launcher.quietClassPathWarning();
        // Read the lesson (Jackson's start-up cost) on a second core while JavaFX starts.
        lesson = CompletableFuture.supplyAsync(XoLesson::load);
        Application.launch(ConvLabApp.class, args);
    }

    /** The lesson being read since launchApp, or null when JavaFX launched us directly. */
    private static volatile CompletableFuture<XoLesson> lesson;

    @Override
    public void start(Stage stage) {
        StartupTiming.mark("start()");
        // On a screen smaller than 1280x720 (after task bars), open at what fits instead.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(WIDTH, screen.getWidth());
        double height = Math.min(HEIGHT, screen.getHeight() - TITLE_BAR);
        XoLesson xo = lesson != null ? lesson.join() : XoLesson.load();
        StartupTiming.mark("lesson read");
        MainWindow window = new MainWindow(xo);
        Scene scene = new Scene(window, width, height);
        StartupTiming.mark("window built");
        scene.getStylesheets().add(ConvLabApp.class.getResource(CSS).toExternalForm());
        stage.titleProperty().bind(window.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!window.files().mayDiscard()) {
                e.consume(); // the user chose Cancel
            }
        });
        for (String icon : ICONS) {
            stage.getIcons().add(new Image(ConvLabApp.class.getResource(icon).toExternalForm()));
        }
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        FirstFrame.then(scene, () -> {
            StartupTiming.report("first frame");
            window.showDeferredPanels();
            FirstFrame.then(scene, () -> StartupTiming.report("properties shown"));
        });
        stage.show();
    }
}
