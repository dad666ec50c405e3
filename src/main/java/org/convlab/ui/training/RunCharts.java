package org.convlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.convlab.train.EpochStats;

/**
 * The two live charts: loss (training, smoothed, per batch; validation per epoch) and accuracy
 * (training and validation per epoch, in percent), as {@link LiveChart}s whose x axis is fixed to
 * the run's epochs (an axis that moves with every point would redraw everything each time).
 * Keeps every point, so the epoch timeline can show the charts as they were at an epoch's end.
 */
final class RunCharts {
    /** Training in the theme's blue, validation in its orange-yellow: a pair that colour-blind eyes tell apart. */
    private static final Color BLUE = org.convlab.ui.Theme.WINDOW;
    private static final Color ORANGE = org.convlab.ui.Theme.HIGHLIGHT;
    /** Above this many points a series is thinned to every other point: each point is drawn at every refresh. */
    static final int MAX_POINTS = 500;
    final LiveChart loss = new LiveChart("Loss", "loss");
    final LiveChart accuracy = new LiveChart("Accuracy", "%");
    final LiveChart.Series trainLoss = loss.add("training (smoothed)", BLUE, false);
    final LiveChart.Series validationLoss = loss.add("validation", ORANGE, true);
    final LiveChart.Series trainAccuracy = accuracy.add("training", BLUE, true);
    final LiveChart.Series validationAccuracy = accuracy.add("validation", ORANGE, true);
    private final List<TrainingSnapshot.LossPoint> allLoss = new ArrayList<>();
    private List<EpochStats> allHistory = List.of();
    private int epochsShown;
    private int lossEvery = 1;
    private long lossSeen;
    private int epochEvery = 1;

    RunCharts() {
        loss.setId("lossChart");
        accuracy.setId("accuracyChart");
        accuracy.setYRange(100, 20);
    }

    /** Fixes both x axes to [0, epochs] for the run. */
    void setEpochs(int epochs) {
        for (LiveChart c : List.of(loss, accuracy)) {
            c.setXRange(Math.max(epochs, 1), tickUnit(epochs));
        }
    }

    /** 1, 2 or 5 times a power of ten, so that there are at most ten ticks. */
    static double tickUnit(int epochs) {
        return niceUnit(Math.max(epochs, 1) / 10.0);
    }

    /** The smallest of 0.01, 0.02, 0.05, 0.1, ... that is at least {@code raw}. */
    static double niceUnit(double raw) {
        for (double base = 0.01; ; base *= 10) {
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
        redraw();
    }

    /** The charts as they were at the end of {@code epoch} (the epoch timeline). */
    void showUpTo(int epoch) {
        List<TrainingSnapshot.LossPoint> kept = new ArrayList<>(allLoss);
        List<EpochStats> all = allHistory;
        clearSeries();
        addLoss(kept.stream().filter(p -> p.epochs() <= epoch + 1e-9).toList());
        showHistory(all.stream().filter(e -> e.epoch() <= epoch).toList());
        allLoss.clear();
        allLoss.addAll(kept);
        allHistory = all;
    }

    private void clearSeries() {
        for (var s : List.of(trainLoss, validationLoss, trainAccuracy, validationAccuracy)) {
            s.points.clear();
        }
        epochsShown = 0;
        lossEvery = 1;
        lossSeen = 0;
        epochEvery = 1;
    }

    /** Keeps every other point of a series (the first one included). */
    private static void thin(LiveChart.Series s) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < s.points.size(); i += 2) {
            kept.add(s.points.get(i));
        }
        s.points.clear();
        s.points.addAll(kept);
    }

    /** Appends the new batch points in one go (one redraw for all of them). */
    void addLoss(List<TrainingSnapshot.LossPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        allLoss.addAll(points);
        for (TrainingSnapshot.LossPoint p : points) {
            if (lossSeen++ % lossEvery == 0 && Double.isFinite(p.smoothedLoss())) {
                trainLoss.points.add(new double[] {p.epochs(), p.smoothedLoss()});
            }
        }
        if (trainLoss.points.size() > MAX_POINTS) {
            thin(trainLoss);
            lossEvery *= 2;
        }
        loss.redraw();
    }

    /** Adds the epochs not yet shown. */
    void showHistory(List<EpochStats> history) {
        allHistory = history;
        if (history.size() == epochsShown) {
            return;
        }
        for (int i = epochsShown; i < history.size(); i++) {
            EpochStats e = history.get(i);
            if (i % epochEvery != 0) {
                continue;
            }
            trainAccuracy.points.add(new double[] {e.epoch(), 100 * e.trainAccuracy()});
            if (e.hasValidation()) {
                validationLoss.points.add(new double[] {e.epoch(), e.validationLoss()});
                validationAccuracy.points.add(new double[] {e.epoch(), 100 * e.validationAccuracy()});
            }
        }
        epochsShown = history.size();
        if (trainAccuracy.points.size() > MAX_POINTS) {
            for (var s : List.of(validationLoss, trainAccuracy, validationAccuracy)) {
                thin(s);
            }
            epochEvery *= 2;
        }
        redraw();
    }

    private void redraw() {
        loss.redraw();
        accuracy.redraw();
    }
}
