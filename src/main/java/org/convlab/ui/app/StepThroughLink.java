package org.convlab.ui.app;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.convlab.UserInputException;
import org.convlab.data.xo.XoLesson;
import org.convlab.engine.Shape;
import org.convlab.model.LayerInfo;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;
import org.convlab.nn.Network;
import org.convlab.ui.lesson.LessonTab;
import org.convlab.ui.stepper.LessonNetwork;
import org.convlab.ui.stepper.StepperTabs;
import org.convlab.ui.training.OpenRequest;

/**
 * Everything that opens the step-through views from elsewhere in the window: the dashboard's
 * "step through this image", the View menu's "Step Through This Model" (the stack in the editor,
 * with the weights its file carries, the rest initialised from seed 1), and the File menu's
 * export of the current step-through view and maps. The views themselves (ui.stepper) are built
 * the first time any of these, or the Step through tab, needs them.
 */
final class StepThroughLink {
    /** Seed for the weights a model file does not carry, as the CLI's default. */
    static final long SEED = 1;

    /**
     * The largest net (multiply-adds per image) stepped through. The views run the readable
     * scalar loops on the FX thread: AlexNet's 1,135 million took 4.3 s here (jshell, machine
     * busy), about {@value #REFERENCE_RATE} a second, so this keeps a redraw near 0.2 s.
     * LeNet-5 needs 0.4 million, Tiny VGG 5.6 million.
     */
    static final long MAX_MULTIPLY_ADDS = 50_000_000L;
    static final long REFERENCE_RATE = 250_000_000L;

    private final XoLesson lesson;
    private final LessonTab lessonTab;
    private final CenterViews views;
    private StepperTabs stepper;

    StepThroughLink(XoLesson lesson, LessonTab lessonTab, CenterViews views) {
        this.lesson = lesson;
        this.lessonTab = lessonTab;
        this.views = views;
        views.setStepThroughLater(this::stepper);
    }

    /** The step-through tabs, made on first use, on the Lesson tab's session (one lesson, two ways to look at it). */
    StepperTabs stepper() {
        if (stepper == null) {
            stepper = new StepperTabs(lessonTab.session());
        }
        return stepper;
    }

    /** Whether the step-through is in presentation mode (F5) now. */
    boolean presenting() {
        return stepper != null && stepper.presenting();
    }

    /** The dashboard's request: that image through that network, in the step-through tab. */
    void open(OpenRequest request) {
        stepper().open(request.network(), request.input(), request.inkPixels(), request.title());
        showStepThrough();
    }

    /**
     * The editor's stack in the step-through views, on a first input that shows something: the
     * slides' X for a 9x9 grey model, else an X drawn across the input. Throws
     * {@link UserInputException} when the stack does not fit.
     */
    void openModel(String source, NetworkSpec spec) {
        long work = 0;
        for (LayerInfo l : ShapeInference.infer(spec)) {
            work = org.convlab.MemoryGuard.plus(work, l.multiplyAdds()); // saturates: a huge net is refused, never wrapped
        }
        if (work > MAX_MULTIPLY_ADDS) {
            throw new UserInputException(String.format(Locale.ROOT, "%s needs %,d multiply-adds for one image. The step-through"
                    + " runs the plain loops it shows you, about %,d a second, so every step and every flipped pixel would"
                    + " take %.1f s. Step through a smaller net (LeNet-5, Tiny VGG, X/O) or make the input smaller.",
                    source, work, REFERENCE_RATE, (double) work / REFERENCE_RATE));
        }
        Network net = Network.build(spec, SEED);
        Shape in = net.inputShape();
        boolean xo = in.channels() == 1 && in.height() == 9 && in.width() == 9;
        float[] input = xo ? LessonNetwork.input(lesson.x()) : drawnX(in);
        List<String> fresh = net.initialisedWeights();
        String weights = fresh.isEmpty() ? "weights from the file"
                : "untrained: weights of " + String.join(", ", fresh) + " drawn from seed " + SEED;
        stepper().open(net, input, xo, source + " \u2014 " + (xo ? "the slides' X" : "a drawn X") + "; " + weights);
        showStepThrough();
    }

    /** Back to the X/O lesson's network in every step-through tab, and to the guided lesson (the Lesson tab). */
    void openLesson() {
        if (stepper != null) {
            stepper.openLesson();
        }
        views.show(CenterViews.LESSON);
    }

    /** The Step through tab, on the convolution view (the feature maps when the net has no conv). */
    private void showStepThrough() {
        views.show(CenterViews.STEP_THROUGH);
        StepperTabs tabs = stepper();
        tabs.getTabs().stream().filter(t -> !t.isDisable() && ("tabConv".equals(t.getId()) || "tabMaps".equals(t.getId())))
                .findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /**
     * File > Export Step-through: the step-through's own export menu, fetched when the menu
     * opens so that the views need not exist before (a placeholder keeps the submenu showable).
     */
    Menu exportMenu(java.util.function.Supplier<Window> owner) {
        Menu menu = new Menu("Export Step-through");
        menu.setId("menuExportStepThrough");
        MenuItem placeholder = new MenuItem("\u2026");
        menu.getItems().add(placeholder);
        menu.setOnShowing(e -> {
            if (menu.getItems().contains(placeholder)) {
                Menu source = stepper().exportMenu(owner.get());
                List<MenuItem> items = List.copyOf(source.getItems());
                source.getItems().clear(); // an item has one parent menu: moved, not added twice (JavaFX warns)
                menu.getItems().setAll(items);
            }
        });
        return menu;
    }

    /** A one-pixel-wide X corner to corner, ink 1 on 0, in every channel: a first input that shows edges. */
    static float[] drawnX(Shape in) {
        float[] x = new float[in.size()];
        int h = in.height();
        int w = in.width();
        for (int c = 0; c < in.channels(); c++) {
            for (int r = 0; r < h; r++) {
                int across = h == 1 ? 0 : (int) Math.round((double) r * (w - 1) / (h - 1));
                x[(c * h + r) * w + across] = 1;
                x[(c * h + r) * w + (w - 1 - across)] = 1;
            }
        }
        return x;
    }
}
