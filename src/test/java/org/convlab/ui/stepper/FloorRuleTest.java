package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.convlab.data.xo.XoLesson;
import org.convlab.engine.Shape;
import org.convlab.model.ConvSpec;
import org.convlab.model.NetworkSpec;
import org.convlab.model.Padding;
import org.convlab.nn.Network;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12, item 6, the other half: rows are dropped only where the layer says {@code floor},
 * and then the step-through says so. A 3x3 conv at stride 4 on a 9x9 input with floor on gives
 * floor((9 - 3)/4) + 1 = 2 outputs a side; the last 2 input rows and columns are never seen.
 */
class FloorRuleTest {
    private final FxRobot robot = new FxRobot();

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aFlooredLayerShowsItsMapAndSaysWhatIsDropped() throws Exception {
        NetworkSpec spec = new NetworkSpec(Shape.of(1, 9, 9), List.of(), List.of(
                new ConvSpec("conv1", 1, 3, 3, 4, Padding.VALID, 1, false, false, null, null, true)));
        StepperSession session = new StepperSession(Network.build(spec, 1), LessonNetwork.input(XoLesson.load().x()), true);
        ConvStepView[] view = new ConvStepView[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view[0] = new ConvStepView(session);
            s.setScene(new Scene(new ScrollPane(view[0]), 1200, 760));
            s.sizeToScene(); // the shared primary stage may have been sized explicitly by a test before
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        ConvStepView conv = view[0];
        assertEquals(2, conv.outputGrid().rows());
        assertEquals(2, conv.outputGrid().cols());
        assertEquals(4, conv.controls().count());
        Label formula = robot.from(conv).lookup("#convFormula").queryAs(Label.class);
        assertEquals("Output size: floor((9 - 3 + 2*0)/4) + 1 = 2; the layer says floor, so the last 2 input row(s)"
                + " and column(s) are dropped", formula.getText());
        assertFalse(robot.from(conv).lookup("#convProblem").queryAs(Label.class).isVisible());
        // the last window starts at row 4, column 4 and ends at 6: rows and columns 7 and 8 are never read
        robot.interact(() -> conv.controls().setStep(3));
        assertEquals(4, conv.trace().step(3).windowTop());
        assertEquals(4, conv.trace().step(3).windowLeft());
    }
}
