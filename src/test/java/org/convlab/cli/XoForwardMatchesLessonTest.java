package org.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.convlab.data.xo.XoLesson;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.ui.stepper.LessonNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One net for the lesson and the command line: {@code forward preset:xo --json} on the slides' X
 * gives the lesson network's probabilities, and both are softmax(1, -1) = 88.08% X (the preset's
 * vote weights make the clean X total exactly +1 for X and -1 for O).
 */
class XoForwardMatchesLessonTest {
    @TempDir
    Path dir;

    @Test
    void forwardPresetXoAgreesWithTheLessonOnTheX() throws Exception {
        ForwardCommandTest.Run r = ForwardCommandTest.run("forward", "preset:xo", "--input",
                ForwardCommandTest.xoPng(dir, "image_x").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode p = r.lastJson().get("probabilities");
        XoLesson lesson = XoLesson.load();
        float[] want = ActivationSnapshot.capture(LessonNetwork.build(lesson), LessonNetwork.input(lesson.x())).probabilities();
        assertEquals(want[0], p.get(0).floatValue(), 1e-6f);
        assertEquals(want[1], p.get(1).floatValue(), 1e-6f);
        double exact = 1 / (1 + Math.exp(-2.0)); // e^1 / (e^1 + e^-1)
        assertEquals(exact, p.get(0).asDouble(), 1e-6);
    }
}
