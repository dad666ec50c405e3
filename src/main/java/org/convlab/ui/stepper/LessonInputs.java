package org.convlab.ui.stepper;

import java.util.Arrays;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.Theme;

/**
 * The lesson's input choice: X, deformed X or O, as toggles; the chosen one reads "X (modified)"
 * while a pixel is flipped or a weight typed in, and a Reset button then puts back the chosen
 * image and the weights. Follows the session, so an input set elsewhere selects its toggle.
 * Ids: {@code #inputX}, {@code #inputDeformed}, {@code #inputO}, {@code #lessonReset}.
 */
final class LessonInputs {
    private static final String[] NAMES = {"X", "deformed X", "O"};
    private static final String[] IDS = {"inputX", "inputDeformed", "inputO"};

    private final StepperSession session;
    private final int[][][] images;
    private final ToggleButton[] toggles = new ToggleButton[NAMES.length];
    private final HBox bar = new HBox();

    LessonInputs(StepperSession session, XoLesson lesson) {
        this.session = session;
        this.images = new int[][][] {lesson.x(), lesson.xDeformed(), lesson.o()};
        ToggleGroup group = new ToggleGroup();
        HBox choices = new HBox(0);
        choices.getStyleClass().add("choice-bar");
        for (int i = 0; i < NAMES.length; i++) {
            ToggleButton b = new ToggleButton(NAMES[i]);
            b.setId(IDS[i]);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip("The " + NAMES[i] + " as the input of every step (flipped pixels are put back; typed weights stay)"));
            int[][] image = images[i];
            b.setOnAction(e -> {
                session.setInput(LessonNetwork.input(image));
                b.setSelected(true); // one image is always chosen
            });
            toggles[i] = b;
            choices.getChildren().add(b);
        }
        toggles[0].getStyleClass().add("first");
        toggles[NAMES.length - 1].getStyleClass().add("last");
        Button reset = new Button("Reset");
        reset.setId("lessonReset");
        reset.setTooltip(new Tooltip("Put back the chosen image and the starting weights"));
        reset.visibleProperty().bind(session.modifiedProperty());
        reset.managedProperty().bind(session.modifiedProperty());
        reset.setOnAction(e -> session.reset());
        bar.getChildren().addAll(reset, choices);
        bar.setAlignment(Pos.CENTER_RIGHT);
        Runnable space = () -> bar.setSpacing(Theme.px(0.6));
        space.run();
        Theme.onChange(bar, space);
        session.snapshotProperty().addListener((o, a, b) -> update());
        session.modifiedProperty().addListener((o, a, b) -> update());
        update();
    }

    HBox bar() {
        return bar;
    }

    /** The chosen lesson image (0 X, 1 deformed X, 2 O), or -1 when the input is none of them. */
    int chosen() {
        float[] x = session.chosenInput();
        for (int i = 0; i < images.length; i++) {
            if (Arrays.equals(x, LessonNetwork.input(images[i]))) {
                return i;
            }
        }
        return -1;
    }

    /** "X", "X (modified)", "your input". */
    String inputName() {
        int k = chosen();
        String name = k < 0 ? "your input" : NAMES[k];
        return session.isModified() ? name + " (modified)" : name;
    }

    /** The image the first step compares the input with: the deformed X for the X, else the X. */
    int[][] comparedWith() {
        return chosen() == 0 ? images[1] : images[0];
    }

    String comparedName() {
        return chosen() == 0 ? "deformed X" : "X";
    }

    private void update() {
        int k = chosen();
        for (int i = 0; i < toggles.length; i++) {
            toggles[i].setSelected(i == k);
            toggles[i].setText(i == k && session.isModified() ? NAMES[i] + " (modified)" : NAMES[i]);
        }
    }
}
