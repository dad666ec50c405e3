package org.convlab.train;

import java.util.Locale;
import org.convlab.UserInputException;

/**
 * Learning-rate schedules, set once at the start of every epoch (as PyTorch's schedulers stepped
 * once per epoch do): constant; step, dividing the rate by 10 every {@code every} epochs (StepLR
 * with gamma 0.1, as AlexNet did when validation accuracy stopped improving); cosine, from the
 * base rate down towards 0 over the run (CosineAnnealingLR with T_max = epochs, eta_min = 0).
 */
public record Schedule(Kind kind, int every) {
    public enum Kind { CONSTANT, STEP, COSINE }

    public static final Schedule CONSTANT = new Schedule(Kind.CONSTANT, 0);
    public static final Schedule COSINE = new Schedule(Kind.COSINE, 0);

    public Schedule {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind == Kind.STEP && every <= 0) {
            throw new UserInputException("--schedule step:N needs N >= 1 epochs, got " + every);
        }
    }

    public static Schedule step(int every) {
        return new Schedule(Kind.STEP, every);
    }

    /** The rate for 0-based {@code epoch} of {@code epochs}. */
    public double rate(double base, int epoch, int epochs) {
        return switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(0.1, epoch / every);
            case COSINE -> base * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs))) / 2;
        };
    }

    /** Parses {@code constant}, {@code step:N} or {@code cosine} (the CLI's {@code --schedule}). */
    public static Schedule parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("constant")) {
            return CONSTANT;
        }
        if (t.equals("cosine")) {
            return COSINE;
        }
        if (t.startsWith("step:")) {
            try {
                return step(Integer.parseInt(t.substring(5).trim()));
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new UserInputException("--schedule: unknown schedule '" + text
                + "': use constant, step:N (divide the rate by 10 every N epochs) or cosine");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case STEP -> "step:" + every;
            case COSINE -> "cosine";
        };
    }
}
