package org.convlab.ui.stepper;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import org.convlab.data.xo.XoLesson;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The step-through tabs for the X/O lesson in a real (headless) window, as the tests drive them. */
final class TabsWindow {
    private TabsWindow() {}

    /** Shows the tabs in a 1240 x 760 window whose frame has a left side panel (presentation mode hides it). */
    static StepperTabs show() throws Exception {
        StepperTabs[] tabs = new StepperTabs[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            tabs[0] = StepperTabs.forLesson(XoLesson.load());
            BorderPane frame = new BorderPane(tabs[0]);
            frame.setLeft(new Label("left"));
            s.setScene(new Scene(frame, 1240, 760));
            // the primary stage is shared: a test before may have sized it explicitly (1366x768 sweeps)
            s.sizeToScene();
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return tabs[0];
    }

    static Tab tab(StepperTabs tabs, String id) {
        return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    static void select(FxRobot robot, StepperTabs tabs, String id) {
        robot.interact(() -> tabs.getSelectionModel().select(tab(tabs, id)));
    }
}
