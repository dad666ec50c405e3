package org.convlab.ui.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.control.StatusBar;
import org.convlab.data.xo.XoLesson;
import org.convlab.engine.Simd;
import org.convlab.ui.lesson.XoLessonLayers;
import org.convlab.ui.lesson.XoLessonView;
import org.convlab.ui.stepper.StepperTabs;

/**
 * The main window's regions, as in DESIGN.md's UI map: layer stack on the left
 * ({@code #layerStack}), the current view in the middle ({@code #mainView}), the selected
 * layer's properties on the right ({@code #properties}) and a status bar ({@code #statusBar}).
 */
public final class MainWindow extends BorderPane {
    private final VBox right;
    /** Created after the first frame (see showDeferredPanels); until then only the choice is kept. */
    private PropertySheet properties;
    private XoLessonLayers.Layer selected;

    public MainWindow(XoLesson lesson) {
        getStyleClass().add("main-window");

        Label propertiesTitle = new Label("Properties");
        propertiesTitle.getStyleClass().add("panel-title");
        right = new VBox(6, propertiesTitle);
        right.getStyleClass().add("properties-panel");

        LayerStackView stack = new LayerStackView(XoLessonLayers.layers(), this::select);

        XoLessonView lessonView = new XoLessonView(lesson);
        ScrollPane main = new ScrollPane(lessonView);
        main.setId("mainView");
        main.getStyleClass().add("main-view");
        main.setFitToWidth(true);

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.setText("X/O lesson loaded  |  kernels: " + Simd.describe()
                + "  |  " + Runtime.getRuntime().availableProcessors() + " CPU threads");

        // Side panels give way in a narrow window, so the lesson keeps most of the room.
        stack.prefWidthProperty().bind(share(0.21, 220, 270));
        right.prefWidthProperty().bind(share(0.28, 260, 360));

        setLeft(stack);
        setCenter(StepperTabs.forLesson(main, lesson)); // the lesson picture is the first tab
        setRight(right);
        setBottom(status);
        stack.select(1); // the convolution: the layer the lesson is about
    }

    private DoubleBinding share(double fraction, double min, double max) {
        return Bindings.createDoubleBinding(
                () -> Math.max(min, Math.min(max, getWidth() * fraction)), widthProperty());
    }

    private void select(XoLessonLayers.Layer layer) {
        selected = layer;
        if (properties != null) {
            LayerProperties.show(properties, layer);
        }
    }

    /**
     * Creates the property sheet and puts it into its panel. The app calls this right after the
     * first frame: ControlsFX's sheet costs about 0.7 s of CPU to load, style and lay out the
     * first time, and the window should not wait for it. Calling it again does nothing.
     */
    public void showDeferredPanels() {
        if (properties == null) {
            properties = LayerProperties.create();
            VBox.setVgrow(properties, Priority.ALWAYS);
            if (selected != null) {
                LayerProperties.show(properties, selected);
            }
            right.getChildren().add(properties);
        }
    }
}
