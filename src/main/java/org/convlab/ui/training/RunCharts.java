package org.convlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.convlab.train.EpochStats;

/**
 * The two live charts: loss (training, smoothed, per batch; validation per epoch) and accuracy
 * (training and validation per epoch, in percent). Animation is off: points arrive many times a
 * second and an animated chart would keep the FX thread busy.
 */
final class RunCharts {
    final LineChart<Number, Number> loss;
    final LineChart<Number, Number> accuracy;
    final XYChart.Series<Number, Number> trainLoss = series("training (smoothed)");
    final XYChart.Series<Number, Number> validationLoss = series("validation");
    final XYChart.Series<Number, Number> trainAccuracy = series("training");
    final XYChart.Series<Number, Number> validationAccuracy = series("validation");
    /** Above this many points a series is thinned to every other point: a chart's layout costs time per point. */
    static final int MAX_POINTS = 500;
    private final List<TrainingSnapshot.LossPoint> allLoss = new ArrayList<>();
    private List<EpochStats> allHistory = List.of();
    private int epochsShown;
    private int lossEvery = 1;
    private long lossSeen;
    private int epochEvery = 1;

    RunCharts() {
        loss = chart("Loss", "loss", new NumberAxis());
        loss.setId("lossChart");
        loss.getData().add(trainLoss);
        loss.getData().add(validationLoss);
        NumberAxis percent = new NumberAxis(0, 100, 20);
        accuracy = chart("Accuracy", "%", percent);
        accuracy.setId("accuracyChart");
        accuracy.getData().add(trainAccuracy);
        accuracy.getData().add(validationAccuracy);
    }

    private static LineChart<Number, Number> chart(String title, String yLabel, NumberAxis y) {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        x.setForceZeroInRange(true);
        x.setAutoRanging(true);
        y.setLabel(yLabel);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setMinSize(200, 150);
        c.setPrefSize(400, 240);
        return c;
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /**
     * Fixes both x axes to [0, epochs] for the run. An auto-ranging axis changes its range with
     * every new loss point, and each new range makes new tick labels: nodes that need CSS and
     * layout, several times a second. Profiled, that churn was the largest share of the FX thread's
     * and the JIT's work during training.
     */
    void setEpochs(int epochs) {
        for (LineChart<Number, Number> c : List.of(loss, accuracy)) {
            NumberAxis x = (NumberAxis) c.getXAxis();
            x.setAutoRanging(false);
            x.setLowerBound(0);
            x.setUpperBound(Math.max(epochs, 1));
            x.setTickUnit(tickUnit(epochs));
        }
    }

    /** 1, 2 or 5 times a power of ten, so that there are at most ten ticks. */
    static double tickUnit(int epochs) {
        double raw = Math.max(epochs, 1) / 10.0;
        for (double base = 0.1; ; base *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (base * m >= raw - 1e-9) {
                    return base * m;
                }
            }
        }
    }

    void clear() {
        allLoss.clear();
        allHistory = List.of();
        clearSeries();
    }

    /** The charts as they were at the end of {@code epoch} (the epoch timeline). */
    void showUpTo(int epoch) {
        List<TrainingSnapshot.LossPoint> loss = allLoss.stream().filter(p -> p.epochs() <= epoch + 1e-9).toList();
        List<EpochStats> history = allHistory.stream().filter(e -> e.epoch() <= epoch).toList();
        List<TrainingSnapshot.LossPoint> kept = new ArrayList<>(allLoss);
        List<EpochStats> all = allHistory;
        clearSeries();
        addLoss(loss);
        showHistory(history);
        allLoss.clear();
        allLoss.addAll(kept);
        allHistory = all;
    }

    private void clearSeries() {
        for (var s : List.of(trainLoss, validationLoss, trainAccuracy, validationAccuracy)) {
            s.getData().clear();
        }
        epochsShown = 0;
        lossEvery = 1;
        lossSeen = 0;
        epochEvery = 1;
    }

    /** Keeps every other point of a series (the first one included). */
    private static void thin(XYChart.Series<Number, Number> s) {
        List<XYChart.Data<Number, Number>> kept = new ArrayList<>();
        List<XYChart.Data<Number, Number>> all = s.getData();
        for (int i = 0; i < all.size(); i += 2) {
            kept.add(new XYChart.Data<>(all.get(i).getXValue(), all.get(i).getYValue()));
        }
        s.getData().setAll(kept);
    }

    /** Appends the new batch points in one go (one layout pass for all of them). */
    void addLoss(List<TrainingSnapshot.LossPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        allLoss.addAll(points);
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (TrainingSnapshot.LossPoint p : points) {
            if (lossSeen++ % lossEvery == 0 && Double.isFinite(p.smoothedLoss())) {
                data.add(new XYChart.Data<>(p.epochs(), p.smoothedLoss()));
            }
        }
        trainLoss.getData().addAll(data);
        if (trainLoss.getData().size() > MAX_POINTS) {
            thin(trainLoss);
            lossEvery *= 2;
        }
    }

    /** Adds the epochs not yet shown. */
    void showHistory(List<EpochStats> history) {
        allHistory = history;
        for (int i = epochsShown; i < history.size(); i++) {
            EpochStats e = history.get(i);
            if (i % epochEvery != 0) {
                continue;
            }
            trainAccuracy.getData().add(new XYChart.Data<>(e.epoch(), 100 * e.trainAccuracy()));
            if (e.hasValidation()) {
                validationLoss.getData().add(new XYChart.Data<>(e.epoch(), e.validationLoss()));
                validationAccuracy.getData().add(new XYChart.Data<>(e.epoch(), 100 * e.validationAccuracy()));
            }
        }
        epochsShown = history.size();
        if (trainAccuracy.getData().size() > MAX_POINTS) {
            for (var s : List.of(validationLoss, trainAccuracy, validationAccuracy)) {
                thin(s);
            }
            epochEvery *= 2;
        }
        // a single epoch still draws as a line: symbols on when there are few points
        boolean symbols = history.size() < 30;
        if (accuracy.getCreateSymbols() != symbols) {
            accuracy.setCreateSymbols(symbols);
        }
    }
}
