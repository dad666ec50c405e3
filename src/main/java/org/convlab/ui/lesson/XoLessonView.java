package org.convlab.ui.lesson;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlab.data.xo.XoLesson;
import org.convlab.ui.controls.PixelGrid;

/**
 * The X/O lesson's opening picture: a 9x9 input image (the X by default, or the deformed X or
 * the O) beside the three 3x3 features the convolution looks for, every pixel with its value.
 * Node ids: {@code #xoInputGrid}, {@code #xoFeature0..2}, {@code #xoInputChoice}.
 */
public final class XoLessonView extends VBox {
    private static final double INPUT_CELL = 42;
    private static final double FEATURE_CELL = 36;

    private final PixelGrid input = new PixelGrid(XoLesson.IMAGE_SIZE, INPUT_CELL);

    public XoLessonView(XoLesson lesson) {
        getStyleClass().add("lesson-view");

        Label title = new Label("A toy ConvNet: X's and O's");
        title.getStyleClass().add("view-title");
        Label caption = new Label("Every pixel is +1 (ink) or -1 (background). The convolution slides each "
                + "3 x 3 feature over the image and scores how well it matches.");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);

        input.setId("xoInputGrid");
        input.setValues(lesson.x());
        ToggleButton x = choice("X", lesson.x());
        ToggleButton deformed = choice("deformed X", lesson.xDeformed());
        ToggleButton o = choice("O", lesson.o());
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton b : List.of(x, deformed, o)) {
            b.setToggleGroup(group);
        }
        x.getStyleClass().add("first");
        o.getStyleClass().add("last");
        HBox inputs = new HBox(x, deformed, o);
        inputs.setId("xoInputChoice");
        inputs.getStyleClass().add("choice-bar");
        inputs.setAlignment(Pos.CENTER);
        x.setSelected(true);
        // A toggle can be clicked off; keep one image chosen at all times.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        Label inputTitle = new Label("Input image, 9 x 9");
        inputTitle.getStyleClass().add("section-title");
        VBox inputBox = new VBox(10, inputTitle, inputs, input);
        inputBox.setAlignment(Pos.TOP_CENTER);

        Label featuresTitle = new Label("Features, 3 x 3");
        featuresTitle.getStyleClass().add("section-title");
        VBox featureBox = new VBox(8, featuresTitle);
        featureBox.setAlignment(Pos.TOP_CENTER);
        List<XoLesson.Feature> features = lesson.features();
        for (int i = 0; i < features.size(); i++) {
            XoLesson.Feature f = features.get(i);
            PixelGrid grid = new PixelGrid(XoLesson.FEATURE_SIZE, FEATURE_CELL);
            grid.setId("xoFeature" + i);
            grid.setValues(f.pixels());
            Label name = new Label(displayName(f.name()));
            name.getStyleClass().add("feature-name");
            VBox one = new VBox(4, name, grid);
            one.setAlignment(Pos.CENTER);
            featureBox.getChildren().add(one);
        }

        // Side by side on a projector; the features move below the image in a narrow window.
        FlowPane pictures = new FlowPane(40, 20, inputBox, featureBox);
        pictures.setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(title, caption, pictures);
        setSpacing(12);
    }

    private ToggleButton choice(String text, int[][] image) {
        ToggleButton b = new ToggleButton(text);
        b.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                input.setValues(image);
            }
        });
        return b;
    }

    /** "diagonal_down" reads as "diagonal \" on screen: the picture the name stands for. */
    static String displayName(String name) {
        return switch (name) {
            case "diagonal_down" -> "diagonal \\";
            case "diagonal_up" -> "diagonal /";
            case "cross" -> "cross X";
            default -> name.replace('_', ' ');
        };
    }

    /** The input grid, for tests. */
    public PixelGrid inputGrid() {
        return input;
    }
}
