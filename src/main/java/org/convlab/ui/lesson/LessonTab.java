package org.convlab.ui.lesson;

import javafx.scene.control.ScrollPane;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.stepper.LessonNetwork;
import org.convlab.ui.stepper.StepperSession;
import org.convlab.ui.stepper.XoLessonSequence;

/**
 * The main window's Lesson tab: the guided X/O lesson ({@link XoLessonSequence}) on the lesson's
 * {@link StepperSession}, which the step-through tab's views share once they are built. The app
 * opens on it; only its first step is built at start-up. Id: {@code #lessonView}.
 */
public final class LessonTab extends ScrollPane implements org.convlab.ui.Stepping {
    private final StepperSession session;
    private final XoLessonSequence sequence;

    public LessonTab(XoLesson lesson) {
        session = LessonNetwork.session(lesson);
        sequence = new XoLessonSequence(session, lesson);
        setContent(sequence);
        setId("lessonView");
        getStyleClass().add("main-view");
        setFitToWidth(true);
        viewportBoundsProperty().addListener((o, a, b) -> sequence.setViewportHeight(b.getHeight()));
    }

    /** The lesson's session (network, input, number display), for the step-through views. */
    public StepperSession session() {
        return session;
    }

    /** Steps the guided lesson {@code by} slides (keys, a presenter's clicker); false at either end. */
    @Override
    public boolean step(int by) {
        return sequence.step(by);
    }

    /** The guided lesson: steps with keys and a clicker ({@link org.convlab.ui.Stepping}). */
    public XoLessonSequence sequence() {
        return sequence;
    }
}
