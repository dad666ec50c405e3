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
    private int epochsShown;

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

    void clear() {
        for (var s : List.of(trainLoss, validationLoss, trainAccuracy, validationAccuracy)) {
            s.getData().clear();
        }
        epochsShown = 0;
    }

    /** Appends the new batch points in one go (one layout pass for all of them). */
    void addLoss(List<TrainingSnapshot.LossPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (TrainingSnapshot.LossPoint p : points) {
            if (Double.isFinite(p.smoothedLoss())) {
                data.add(new XYChart.Data<>(p.epochs(), p.smoothedLoss()));
            }
        }
        trainLoss.getData().addAll(data);
    }

    /** Adds the epochs not yet shown. */
    void showHistory(List<EpochStats> history) {
        for (int i = epochsShown; i < history.size(); i++) {
            EpochStats e = history.get(i);
            trainAccuracy.getData().add(new XYChart.Data<>(e.epoch(), 100 * e.trainAccuracy()));
            if (e.hasValidation()) {
                validationLoss.getData().add(new XYChart.Data<>(e.epoch(), e.validationLoss()));
                validationAccuracy.getData().add(new XYChart.Data<>(e.epoch(), 100 * e.validationAccuracy()));
            }
        }
        epochsShown = history.size();
        // a single epoch still draws as a line: symbols on when there are few points
        accuracy.setCreateSymbols(history.size() < 30);
    }
}
