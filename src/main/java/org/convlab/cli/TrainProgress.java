package org.convlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.convlab.train.EpochStats;
import org.convlab.train.TrainingListener;

/** Prints one progress line per epoch for the {@code train} command. */
final class TrainProgress implements TrainingListener {
    private final PrintWriter out;

    TrainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(Start s) {
        out.printf(Locale.ROOT, "training%s: epochs %d to %d, %d samples in %d batches per epoch%n",
                s.firstEpoch() > 1 ? " (resumed)" : "", s.firstEpoch(), s.epochs(), s.trainSamples(),
                s.batchesPerEpoch());
        out.flush();
    }

    @Override
    public void epochEnd(EpochStats e) {
        String width = Integer.toString(Integer.toString(e.epochs()).length());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "epoch %" + width + "d/%d  loss %.4f  acc %6.2f%%", e.epoch(), e.epochs(), e.trainLoss(),
                100 * e.trainAccuracy()));
        if (e.hasValidation()) {
            line.append(String.format(Locale.ROOT, "  val loss %.4f  val acc %6.2f%%", e.validationLoss(),
                    100 * e.validationAccuracy()));
        }
        // the first epoch of a tiny set can finish within the clock's resolution: no "Infinity img/s"
        String speed = Double.isFinite(e.imagesPerSecond()) ? String.format(Locale.ROOT, "%7.0f", e.imagesPerSecond()) : "      -";
        line.append(String.format(Locale.ROOT, "  %s img/s  lr %.3g  elapsed %s  ETA %s", speed,
                e.learningRate(), clock(e.elapsedSeconds()), clock(e.etaSeconds())));
        out.println(line);
        out.flush();
    }

    /** A number for a JSON result, or null for NaN and the infinities (which JSON cannot hold). */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** m:ss, or h:mm:ss from an hour on; "-" when there is no such time (NaN, infinite, negative). */
    static String clock(double seconds) {
        if (!(seconds >= 0) || seconds > 1e12) {
            return "-";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
