package org.convlab.ui.training;

import java.util.Locale;
import org.convlab.train.EpochStats;

/** The dashboard's one-line progress: epoch, batch, images/s, ETA and the last epoch's accuracy; before a run, what comes next. */
final class StatusText {
    private StatusText() {}

    static String of(TrainingSnapshot s) {
        return switch (s.state()) {
            case PREPARING -> "loading data…";
            case FAILED -> "failed" + (s.epoch() > 0 ? " in epoch " + s.epoch() : "");
            default -> {
                String state = switch (s.state()) {
                    case PAUSED -> "paused, ";
                    case STOPPED -> "stopped, ";
                    case FINISHED -> "finished, ";
                    default -> "";
                };
                StringBuilder b = new StringBuilder(state);
                b.append(String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d", Math.max(s.epoch(), 1), s.epochs(),
                        s.batch(), s.batches()));
                if (!Double.isNaN(s.imagesPerSecond())) {
                    b.append(String.format(Locale.ROOT, ", %.0f images/s", s.imagesPerSecond()));
                }
                if (s.isActive() && !Double.isNaN(s.etaSeconds())) {
                    b.append(", ETA ").append(clock(s.etaSeconds()));
                }
                EpochStats last = s.history().isEmpty() ? null : s.history().get(s.history().size() - 1);
                if (last != null) {
                    b.append(String.format(Locale.ROOT, "; accuracy %.1f%%", 100 * last.trainAccuracy()));
                    if (last.hasValidation()) {
                        b.append(String.format(Locale.ROOT, " (validation %.1f%%)", 100 * last.validationAccuracy()));
                    }
                }
                yield b.toString();
            }
        };
    }

    /** The line before a run (and after new data): what the data is doing and what Start will do. */
    static String idle(DataPanel.Phase phase, PreparedData d, String model) {
        return switch (phase) {
            case NONE -> RunBar.NO_DATA;
            case LOADING -> "Loading the data…";
            case FAILED -> "The data could not be loaded (see Data). Choose other data, then Start.";
            case LOADED -> String.format(Locale.ROOT, "Data loaded: %d training images in %d classes. Start trains %s.",
                    d.train().size(), d.train().classes().size(), model);
        };
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

}
