package org.convlab.ui.training;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the dashboard's TestFX classes share: a fresh {@link TrainingDashboard} in a window of its
 * own before each test ({@link #width()} wide, 760 high), disposed and closed after it.
 */
abstract class DashboardWindowTest {
    static final Path XO = Path.of(System.getProperty("convlab.repo", "."), "sample-images", "xo");
    final FxRobot robot = new FxRobot();
    Stage stage;
    TrainingDashboard dashboard;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The window's width: wide enough for the two-column layout unless a test wants the narrow one. */
    double width() {
        return 1300;
    }

    /** Called on the new dashboard before it is shown (to set handlers). */
    void prepare(TrainingDashboard d) {}

    @BeforeEach
    void show() throws Exception {
        stage = FxToolkit.registerStage(Stage::new);
        FxToolkit.setupStage(s -> {
            dashboard = new TrainingDashboard();
            prepare(dashboard);
            s.setScene(new Scene(dashboard, width(), 760));
            s.sizeToScene(); // the shared primary stage may have been sized explicitly by a test before
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> {
            dashboard.dispose();
            stage.close();
        });
    }
}
