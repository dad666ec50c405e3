package org.convlab.ui.training;

import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Where the dashboard's parts stand: one scrolling column (timeline, charts, filters beside the
 * chosen image, confusion matrix beside a cell's images, misclassified images) that reads at
 * 800 px; rows go two-up only when wide enough. The setup (model, data, settings) has a column of
 * its own from {@link #WIDE} px, else it is a collapsible pane at the top that folds away when a
 * run starts.
 */
final class DashboardLayout {
    /** From this width the setup has a column of its own. */
    static final double WIDE = 1250;
    private final BorderPane owner;
    private final VBox setup;
    private final TitledPane setupPane = new TitledPane();
    private final ScrollPane setupScroll = new ScrollPane();
    private final VBox content = new VBox(6);
    final ScrollPane main = new ScrollPane(content);

    DashboardLayout(BorderPane owner, VBox setup, RunCharts charts, VBox filterBox, RunInspector inspector) {
        this.owner = owner;
        this.setup = setup;
        setupPane.setText("Setup: model, data and settings");
        setupPane.setId("setupPane");
        setupPane.setAnimated(false);
        setupScroll.setFitToWidth(true);
        setupScroll.setPrefWidth(380);
        setupScroll.setMinWidth(300);
        AdaptiveColumns chartRow = new AdaptiveColumns(640, charts.loss, charts.accuracy);
        AdaptiveColumns modelRow = new AdaptiveColumns(760, filterBox, inspector.chosen);
        ScrollPane confusionScroll = new ScrollPane(inspector.confusion);
        confusionScroll.setFitToHeight(true);
        confusionScroll.setMinHeight(120);
        AdaptiveColumns resultRow = new AdaptiveColumns(900, confusionScroll, inspector.cell);
        inspector.cell.setPrefHeight(300);
        inspector.misses.setPrefHeight(190);
        VBox.setVgrow(inspector.misses, Priority.NEVER);
        content.getChildren().addAll(inspector.timeline, chartRow, modelRow, resultRow, inspector.misses);
        content.setPadding(new Insets(4, 8, 8, 8));
        main.setId("dashboardScroll");
        main.setFitToWidth(true);
        owner.setCenter(main);
        owner.widthProperty().addListener((o, a, w) -> place(w.doubleValue() >= WIDE, true));
        place(false, true);
    }

    /** The setup in a column of its own (wide) or folded in at the top of the scrolling body (narrow). */
    private void place(boolean wide, boolean expanded) {
        if (wide && owner.getLeft() == null) {
            setupPane.setContent(null);
            content.getChildren().remove(setupPane);
            setupScroll.setContent(setup);
            owner.setLeft(setupScroll);
        } else if (!wide && !content.getChildren().contains(setupPane)) {
            owner.setLeft(null);
            setupScroll.setContent(null);
            setupPane.setContent(setup);
            setupPane.setExpanded(expanded);
            content.getChildren().add(0, setupPane);
        }
    }

    /** Folds the setup away (a run started: the charts matter now). */
    void collapseSetup() {
        setupPane.setExpanded(false);
    }
}
