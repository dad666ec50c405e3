package org.convlab.ui.app;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
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
    public MainWindow(XoLesson lesson) {
        getStyleClass().add("main-window");

        PropertySheet properties = LayerProperties.create();
        Label propertiesTitle = new Label("Properties");
        propertiesTitle.getStyleClass().add("panel-title");
        VBox right = new VBox(6, propertiesTitle, properties);
        right.getStyleClass().add("properties-panel");
        VBox.setVgrow(properties, javafx.scene.layout.Priority.ALWAYS);

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
}
