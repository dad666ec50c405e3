package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.convlab.data.xo.XoLesson;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.convlab.trace.backward.BackwardTracer;
import org.convlab.trace.learning.VoteTraining;
import org.convlab.ui.lesson.LessonTab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lesson's steps after "The answer" (issue 15) in the Lesson tab: the sentences quote the
 * backward pass's numbers, checked against values worked out here independently (the clean X
 * totals exactly +1 and -1, so p(X) = 1/(1 + e^-2) = 0.881 and L = ln(1 + e^-2) = 0.127; the weight
 * gradient's sum added up here from the tracer's input and upstream maps); "Train the votes"
 * reaches 27/27 and makes the X surer; the lesson's Reset gives the slides' votes back.
 */
class XoLessonBackwardTest {
    private static LessonTab tab;
    private static XoLessonSequence lesson;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            tab = new LessonTab(XoLesson.load());
            lesson = tab.sequence();
            s.setScene(new Scene(tab, 1240, 760));
            s.sizeToScene();
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @BeforeEach
    void backToTheX() {
        robot.interact(() -> {
            lesson.session().setFractions(false);
            lesson.session().setInput(LessonNetwork.input(XoLesson.load().x()));
            lesson.session().reset();
            lesson.go(0);
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String go(String title) {
        int k = lesson.indexOf(title);
        assertTrue(k > lesson.indexOf("The answer"), title + " comes after The answer");
        robot.interact(() -> lesson.go(k));
        WaitForAsyncUtils.waitForFxEvents();
        return lesson.text();
    }

    @Test
    void theLossSentenceQuotesMinusLnP() {
        String text = go("Surer? The loss");
        double p = 1 / (1 + Math.exp(-2)); // softmax of the totals +1 and -1
        String shownP = BackwardPart.num((float) p);
        assertEquals("0.881", shownP);
        assertTrue(text.contains("The net said X, 88.1% sure. What if we want it surer?"), text);
        assertTrue(text.contains("L = -ln p = -ln 0.881 = " + BackwardPart.num((float) -Math.log(p))), text);
        assertTrue(text.contains("-ln 0.881 = 0.127"), text);
        assertTrue(text.contains("X 0.881 - 1 = -0.119, O 0.119 - 0 = 0.119"), text);
        assertFalse(text.contains("not a fraction"), "the note is for fractions only: " + text);

        // the O: its true class is O, so the loss is taken against O
        robot.clickOn("#inputO");
        assertTrue(lesson.text().contains("The net said O, 88.1% sure"), lesson.text());
        assertTrue(lesson.text().contains("X 0.119 - 0 = 0.119, O 0.881 - 1 = -0.119"), lesson.text());
    }

    @Test
    void withFractionsThePooledValuesStayExactAndTheGradientsSayWhyNot() {
        robot.interact(() -> lesson.session().setFractions(true));
        String text = go("The votes' gradients");
        assertTrue(text.contains("= 9/9: 9/9 \u00D7 -0.119 = -0.119 for the X vote"), text);
        assertTrue(text.contains("p comes from e^x, so it is not a fraction"), text);
        Label ledger = robot.lookup("#lessonVoteGrads").queryAs(Label.class);
        assertTrue(ledger.getText().contains("9/9"), ledger.getText());
        robot.interact(() -> lesson.session().setFractions(false));
        assertTrue(lesson.text().contains("= 1.00: 1.00 \u00D7 -0.119"), lesson.text());
    }

    @Test
    void theWeightStepSumsFortyNineWindowsThenDividesByNine() {
        String text = go("One weight, every window");
        // independently: the weight with the largest gradient, its sum added up here in the engine's order
        Network net = LessonNetwork.build(XoLesson.load());
        float[] x = LessonNetwork.input(XoLesson.load().x());
        BackwardTracer t = BackwardTracer.run(net, x, 0);
        float[] up = t.upstream(0);
        int bf = 0, br = 0, bc = 0;
        float most = -1;
        float[] sums = new float[27];
        for (int f = 0; f < 3; f++) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    float sum = 0f;
                    for (int i = 0; i < 7; i++) {
                        for (int j = 0; j < 7; j++) {
                            sum += x[(i + r) * 9 + j + c] * up[f * 49 + i * 7 + j];
                        }
                    }
                    sums[f * 9 + r * 3 + c] = sum;
                    if (Math.abs(sum / 9f) > most) {
                        most = Math.abs(sum / 9f);
                        bf = f;
                        br = r;
                        bc = c;
                    }
                }
            }
        }
        float sum = sums[bf * 9 + br * 3 + bc];
        String w = "w[" + bf + "][0][" + br + "][" + bc + "]";
        assertTrue(text.contains("(" + w + ")"), w + " in: " + text);
        assertTrue(text.contains("in 49 windows"), text);
        assertTrue(text.contains("(" + BackwardPart.num(sum) + ")/9 = " + BackwardPart.num(sum / 9f)), text);
        // the view is set to that weight, at the division
        BackwardConvView conv = lesson.backwardSteps().convView();
        assertEquals("conv1:" + w, conv.trace().target());
        assertEquals(sum / 9f, conv.shownSum(), 0f);
    }

    @Test
    void trainingTheVotesGetsAll27RightMakesTheXSurerAndResetGivesTheSlidesBack() throws Exception {
        Network slides = LessonNetwork.build(XoLesson.load());
        String text = go("Train the votes");
        assertTrue(text.startsWith("Now let the votes learn"), "sample-images/xo is found from the repository: " + text);
        VoteTrainingView view = lesson.backwardSteps().trainingView();
        robot.clickOn("#trainAll");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> view.result() != null && view.shown() == view.result().steps());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.result().allRight());
        assertEquals(VoteTraining.LESSON_STEPS, view.shown());
        assertEquals(27, view.result().last().right());
        String status = robot.lookup("#trainStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Step 12 of 12: 27 of 27 right"), status);
        float before = (float) (1 / (1 + Math.exp(-2)));
        float after = lesson.session().snapshot().probabilities()[0];
        assertTrue(after > before + 0.1f, "decisive by learning: " + after);
        assertTrue(lesson.text().contains("all 27 are right"), lesson.text());
        assertTrue(lesson.text().contains(String.format(java.util.Locale.ROOT, "the X is %.1f%% X (88.1%% before)",
                100.0 * after)), lesson.text());

        // the earlier steps follow the learned votes
        go("Surer? The loss");
        assertFalse(lesson.text().contains("88.1%"), lesson.text());
        robot.interact(() -> lesson.go(lesson.indexOf("The answer")));
        String softmax = robot.lookup("#lessonSoftmax").queryAs(Label.class).getText();
        assertFalse(softmax.contains("88.1%"), softmax);

        // the lesson's Reset: the slides' weights, bit for bit, and the slides' numbers
        robot.clickOn("#lessonReset");
        List<Parameter> now = lesson.session().network().parameters();
        for (int i = 0; i < now.size(); i++) {
            assertArrayEquals(slides.parameters().get(i).value(), now.get(i).value(), 0f, now.get(i).name());
        }
        assertEquals("softmax    X: 88.1%    O: 11.9%", robot.lookup("#lessonSoftmax").queryAs(Label.class).getText());
        assertTrue(go("Train the votes").contains("Take a step"), lesson.text());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.result() != null && !view.computing());
        assertEquals(0, view.shown(), "back at the start of the run");

        // a step, then Undo
        robot.clickOn("#trainStep");
        assertEquals(1, view.shown());
        robot.clickOn("#trainUndo");
        assertEquals(0, view.shown());
        for (int i = 0; i < now.size(); i++) {
            assertArrayEquals(slides.parameters().get(i).value(), now.get(i).value(), 0f, now.get(i).name());
        }
    }
}
