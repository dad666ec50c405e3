package org.convlab.ui.app;

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

/**
 * The main window's regions, as in DESIGN.md's UI map: layer stack on the left
 * ({@code #layerStack}), the current view in the middle ({@code #mainView}), the selected
 * layer's properties on the right ({@code #properties}) and a status bar ({@code #statusBar}).
 */
public final class MainWindow extends BorderPane {
    private final VBox right;
    private final PropertySheet properties;

    public MainWindow(XoLesson lesson) {
        getStyleClass().add("main-window");

        properties = LayerProperties.create();
        VBox.setVgrow(properties, Priority.ALWAYS);
        Label propertiesTitle = new Label("Properties");
        propertiesTitle.getStyleClass().add("panel-title");
        right = new VBox(6, propertiesTitle);
        right.getStyleClass().add("properties-panel");

        LayerStackView stack = new LayerStackView(XoLessonLayers.layers(),
                layer -> LayerProperties.show(properties, layer));

        XoLessonView lessonView = new XoLessonView(lesson);
        ScrollPane main = new ScrollPane(lessonView);
        main.setId("mainView");
        main.getStyleClass().add("main-view");
        main.setFitToWidth(true);

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.setText("X/O lesson loaded  |  kernels: " + Simd.describe()
                + "  |  " + Runtime.getRuntime().availableProcessors() + " CPU threads");

        setLeft(stack);
        setCenter(main);
        setRight(right);
        setBottom(status);
        stack.select(1); // the convolution: the layer the lesson is about
    }

    /**
     * Puts the property sheet into its panel. The app calls this right after the first frame:
     * ControlsFX's sheet costs about 0.7 s of CPU to style and lay out the first time, and the
     * window should not wait for it. Calling it again does nothing.
     */
    public void showDeferredPanels() {
        if (properties.getParent() == null) {
            right.getChildren().add(properties);
        }
    }
}
