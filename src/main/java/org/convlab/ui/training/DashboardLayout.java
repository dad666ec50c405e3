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
 * its own from {@link #WIDE_EMS} body-text sizes (1250 px at the default size), else it is a collapsible pane at the top that folds away when a
 * run starts.
 */
final class DashboardLayout {
    /** From this width, in ems, the setup has a column of its own (1250 px at 15 px text). */
    static final double WIDE_EMS = 1250 / 15.0;
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
        setupScroll.setId("setupScroll");
        setupScroll.setFitToWidth(true);
        // no sideways scrolling: the setup's rows wrap, and a column scrolled sideways cut its labels ("ircle")
        setupScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Runnable width = () -> {
            setupScroll.setPrefWidth(org.convlab.ui.Theme.px(25));
            setupScroll.setMinWidth(org.convlab.ui.Theme.px(20));
        };
        width.run();
        org.convlab.ui.Theme.onChange(owner, width);
        AdaptiveColumns chartRow = new AdaptiveColumns(640, charts.loss, charts.accuracy);
        AdaptiveColumns modelRow = new AdaptiveColumns(760, filterBox, inspector.chosen);
        ScrollPane confusionScroll = new ScrollPane(inspector.confusion);
        confusionScroll.setFitToHeight(true);
        // the title and the legend wrap to the visible width; only a matrix wider than that scrolls
        confusionScroll.setFitToWidth(true);
        confusionScroll.setMinHeight(120);
        AdaptiveColumns resultRow = new AdaptiveColumns(900, confusionScroll, inspector.cell);
        Runnable heights = () -> {
            inspector.cell.setPrefHeight(org.convlab.ui.Theme.px(20));
            inspector.misses.setPrefHeight(org.convlab.ui.Theme.px(12.7));
        };
        heights.run();
        org.convlab.ui.Theme.onChange(owner, heights);
        VBox.setVgrow(inspector.misses, Priority.NEVER);
        content.getChildren().addAll(inspector.timeline, chartRow, modelRow, resultRow, inspector.misses);
        content.setPadding(new Insets(4, 8, 8, 8));
        main.setId("dashboardScroll");
        main.setFitToWidth(true);
        owner.setCenter(main);
        owner.widthProperty().addListener((o, a, w) -> place(wide(), true));
        org.convlab.ui.Theme.onChange(owner, () -> place(wide(), true));
        place(false, true);
    }

    private boolean wide() {
        return owner.getWidth() >= org.convlab.ui.Theme.px(WIDE_EMS);
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
