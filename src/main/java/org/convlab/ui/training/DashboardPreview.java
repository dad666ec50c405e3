package org.convlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.convlab.model.ModelSource;
import org.convlab.train.EpochStats;
import org.convlab.ui.draw.DrawPad;

/**
 * Shows the training dashboard and the draw pad in a window of their own, to look at them without
 * the main window, and to measure responsiveness:
 * <pre>
 * java -cp target/convlab.jar org.convlab.ui.training.DashboardPreview \
 *     [--model preset:lenet5] [--data idx:/usr/share/datasets/fashion-mnist] [--epochs N] [--batch B]
 *     [--start] [--exit] [--tab draw] [--size 820x740] [--delay S] [--cell I,J] [--timeline EPOCH] [--image FILE]
 * </pre>
 * {@code --start} trains at once; {@code --exit} prints the largest pulse gap and the images/s
 * when the run ends, then quits. After the run, {@code --cell} opens a confusion cell's images,
 * {@code --timeline} picks an epoch and {@code --image} looks at an image file (for screenshots).
 */
public final class DashboardPreview {
    private DashboardPreview() {}

    /** The window (a plain main class launches it: a main in an Application subclass needs JavaFX on the module path). */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = new ArrayList<>(getParameters().getRaw());
        String model = option(args, "--model", "preset:xo");
        String data = option(args, "--data", null);
        String epochs = option(args, "--epochs", null);
        String batch = option(args, "--batch", null);
        String tab = option(args, "--tab", "dashboard");
        String[] size = option(args, "--size", "1366x740").split("x");
        boolean start = args.contains("--start");
        boolean exit = args.contains("--exit");

        TrainingDashboard dashboard = new TrainingDashboard(model, ModelSource.load(model));
        DrawPad pad = new DrawPad();
        dashboard.trainedModelProperty().addListener((o, a, m) -> {
            if (m != null) {
                pad.setModel(m);
            }
        });
        pad.getStylesheets().add(TrainingDashboard.class.getResource("dashboard.css").toExternalForm());
        Tab dashTab = new Tab("Training", dashboard);
        Tab padTab = new Tab("Draw pad", pad);
        TabPane tabs = new TabPane(dashTab, padTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        if (tab.equals("draw")) {
            tabs.getSelectionModel().select(padTab);
        }
        if (epochs != null) {
            dashboard.settings().setEpochs(Integer.parseInt(epochs));
        }
        if (batch != null) {
            dashboard.settings().setBatch(Integer.parseInt(batch));
        }
        if (data != null) {
            dashboard.setDataSource(data, !start);
        }
        String cell = option(args, "--cell", null);
        String epoch = option(args, "--timeline", null);
        String image = option(args, "--image", null);
        if (cell != null || epoch != null || image != null) {
            // after the run: open a confusion cell, pick an epoch or look at an image file, and scroll to it
            dashboard.snapshotProperty().addListener((o, a, s) -> {
                if (s != null && s.state() == TrainingSnapshot.State.FINISHED && (a == null || a.isActive())) {
                    Platform.runLater(() -> afterRun(dashboard, cell, epoch, image));
                }
            });
        }
        if (exit) {
            dashboard.snapshotProperty().addListener((o, a, s) -> {
                if (s != null && !s.isActive()) {
                    report(dashboard, s);
                    Platform.exit();
                }
            });
        }
        stage.setTitle("ConvLab: training dashboard");
        stage.setScene(new Scene(tabs, Double.parseDouble(size[0]), Double.parseDouble(size[1])));
        stage.setOnCloseRequest(e -> {
            dashboard.dispose();
            pad.dispose();
        });
        stage.show();
        if (start) {
            // --delay S: press Start S seconds after the window shows, as a user would (the window's
            // own start-up, and the JIT compiling it, then no longer overlap the first epoch)
            double delay = Double.parseDouble(option(args, "--delay", "0"));
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(delay));
            wait.setOnFinished(e -> dashboard.startTraining());
            wait.play();
        }
    }

    }

    private static void afterRun(TrainingDashboard d, String cell, String epoch, String image) {
        javafx.scene.Node target = null;
        if (cell != null) {
            String[] ij = cell.split(",");
            d.inspector().showCell(Integer.parseInt(ij[0].trim()), Integer.parseInt(ij[1].trim()));
            target = d.inspector().confusion;
        }
        if (epoch != null) {
            d.inspector().timeline.select(Integer.parseInt(epoch));
            target = d.inspector().timeline;
        }
        if (image != null) {
            d.chooseImage(java.nio.file.Path.of(image));
            target = d.inspector().chosen;
        }
        javafx.scene.Node shown = target;
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) d.lookup("#dashboardScroll");
        Platform.runLater(() -> {
            double y = shown.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            double range = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 10) / range)));
        });
    }

    private static void report(TrainingDashboard dashboard, TrainingSnapshot s) {
        double ips = s.history().stream().mapToDouble(EpochStats::imagesPerSecond).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "run %s after %d epochs; training images/s (mean of epochs) %.0f;"
                        + " largest gap between JavaFX pulses %.1f ms%s%n", s.state().toString().toLowerCase(Locale.ROOT),
                s.history().size(), ips, dashboard.maxPulseGapMillis(), s.message() == null ? "" : "; " + s.message());
        if (dashboard.session() != null) {
            System.out.printf(Locale.ROOT, "  %s; run time %.1f s%n", dashboard.session().probeSummary(),
                    s.history().isEmpty() ? Double.NaN : s.history().get(s.history().size() - 1).elapsedSeconds());
        }
        for (EpochStats e : s.history()) {
            System.out.printf(Locale.ROOT, "  epoch %d: loss %.4f acc %.2f%% val acc %.2f%% %.0f img/s%n", e.epoch(),
                    e.trainLoss(), 100 * e.trainAccuracy(), 100 * e.validationAccuracy(), e.imagesPerSecond());
        }
        System.out.flush();
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
