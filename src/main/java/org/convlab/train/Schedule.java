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
            throw new UserInputException("schedule step:N needs N of 1 or more epochs, got " + every);
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

    /** Parses {@code constant}, {@code step:N} or {@code cosine}; a message names the field "schedule". */
    public static Schedule parse(String text) {
        return parse(text, "schedule");
    }

    /** As {@link #parse(String)}, naming {@code field} (the CLI's {@code --schedule}) in a message. */
    public static Schedule parse(String text, String field) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("constant")) {
            return CONSTANT;
        }
        if (t.equals("cosine")) {
            return COSINE;
        }
        if (t.startsWith("step:")) {
            String n = t.substring(5).trim();
            if (!n.matches("\\+?\\d{1,9}") || Integer.parseInt(n.replace("+", "")) < 1
                    || Integer.parseInt(n.replace("+", "")) > TrainingConfig.MAX_EPOCHS) {
                throw new UserInputException(field + " '" + text.trim() + "': N must be a whole number of epochs between 1 and "
                        + String.format(Locale.ROOT, "%,d", TrainingConfig.MAX_EPOCHS));
            }
            return step(Integer.parseInt(n.replace("+", "")));
        }
        throw new UserInputException(field + ": unknown schedule '" + text
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
