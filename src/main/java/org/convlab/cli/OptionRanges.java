package org.convlab.cli;

import java.util.Locale;
import org.convlab.data.input.PixelScale;
import org.convlab.train.TrainingConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The range of every numeric option, checked as picocli reads the value (before a command runs,
 * defaults included). A value outside, NaN, Infinity or a number too large for its type is one
 * line naming the option and its range ({@link ConvLabCommand} prints it and exits 2). Ranges
 * that depend on the model (a layer index, a label, a shift against the input size) are checked by
 * the command once the model is loaded.
 */
final class OptionRanges {
    private OptionRanges() {}

    /** A value outside an option's range: its message is the whole line the user sees. */
    static final class OutOfRange extends TypeConversionException {
        OutOfRange(String message) {
            super(message);
        }
    }

    /** A whole number in {@code min..max}. */
    abstract static class Whole implements ITypeConverter<Integer> {
        private final String option;
        private final long min;
        private final long max;
        private final String unit;

        Whole(String option, long min, long max, String unit) {
            this.option = option;
            this.min = min;
            this.max = max;
            this.unit = unit;
        }

        @Override
        public Integer convert(String text) {
            long v = wholeNumber(option, text, range());
            if (v < min || v > max) {
                throw new OutOfRange(option + " must be " + range() + ", got " + text.trim());
            }
            return (int) v;
        }

        private String range() {
            String u = unit.isEmpty() ? "" : " " + unit;
            return "between " + count(min) + " and " + count(max) + u;
        }
    }

    /** Any {@code long} (a seed): only its form is checked. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return wholeNumber("--seed", text, "between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
    }

    static final class Epochs extends Whole {
        Epochs() {
            super("--epochs", 1, TrainingConfig.MAX_EPOCHS, "");
        }
    }

    static final class Batch extends Whole {
        Batch() {
            super("--batch", 1, TrainingConfig.MAX_BATCH, "samples");
        }
    }

    /** --window of --spectrogram: samples per FFT frame, a power of two. */
    static final class Window extends Whole {
        Window() {
            super("--window", 2, 65536, "samples (a power of two)");
        }

        @Override
        public Integer convert(String text) {
            int n = super.convert(text);
            if (!org.convlab.data.sound.Fft.isPowerOfTwo(n)) {
                throw new OutOfRange("--window must be a power of two (the FFT halves it again and again),"
                        + " such as 128, 256 or 512, got " + text.trim());
            }
            return n;
        }
    }

    /** --hop of --spectrogram: samples from one frame to the next. */
    static final class Hop extends Whole {
        Hop() {
            super("--hop", 1, 1 << 20, "samples");
        }
    }

    static final class Threads extends Whole {
        Threads() {
            super("--threads", 1, TrainingConfig.MAX_THREADS, "");
        }
    }

    /** Indices of render: 0 or more here, their end checked against the model once it is loaded. */
    /** render --view image-filter: the kernel's stride. */
    static final class KernelStride extends Whole {
        KernelStride() {
            super("--stride", 1, 64, "");
        }
    }

    /** render --view image-filter: zeros around the photo. */
    static final class KernelPadding extends Whole {
        KernelPadding() {
            super("--padding", 0, 64, "pixels");
        }
    }

    static final class Layer extends Whole {
        Layer() {
            super("--layer", 0, Integer.MAX_VALUE, "");
        }
    }

    static final class Channel extends Whole {
        Channel() {
            super("--channel", 0, Integer.MAX_VALUE, "");
        }
    }

    static final class Filter extends Whole {
        Filter() {
            super("--filter", 0, Integer.MAX_VALUE, "");
        }
    }

    static final class Step extends Whole {
        Step() {
            super("--step", 0, Integer.MAX_VALUE, "");
        }
    }

    /** render --view learning-step: steps taken before drawing (each one a backward pass and a redraw). */
    static final class LearningSteps extends Whole {
        LearningSteps() {
            super("--steps", 0, 100, "");
        }
    }

    /** render --view learning-step: the rate of w <- w - lr * dL/dw, one of those the view offers. */
    static final class StepRate implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            java.util.List<Double> rates = org.convlab.ui.stepper.ViewRenderer.LEARNING_RATES;
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < rates.size(); i++) {
                double r = rates.get(i);
                names.append(i == 0 ? "" : i == rates.size() - 1 ? " or " : ", ")
                        .append(r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r));
            }
            String range = "one of the view's rates " + names;
            double v = number("--lr", text, range);
            if (!rates.contains(v)) {
                throw new OutOfRange("--lr must be " + range + ", got " + text.trim());
            }
            return v;
        }
    }

    /** render --weight F,C,R,K: four whole numbers from 0 (their ends checked against the conv layer). */
    static final class WeightIndex implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            String t = text == null ? "" : text.trim();
            String[] parts = t.split(",", -1);
            String form = "--weight must be four whole numbers F,C,R,K (filter, channel, row, col), each from 0";
            if (parts.length != 4) {
                throw new OutOfRange(form + ", got '" + t + "'");
            }
            for (String p : parts) {
                long v = wholeNumber("--weight", p, "F,C,R,K, each between 0 and " + count(Integer.MAX_VALUE));
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new OutOfRange(form + " to " + count(Integer.MAX_VALUE) + ", got '" + t + "'");
                }
            }
            return t;
        }
    }

    static final class Width extends Whole {
        Width() {
            super("--width", 200, 8000, "pixels");
        }
    }

    static final class Runs extends Whole {
        Runs() {
            super("--runs", 1, 1000, "");
        }
    }

    /** Learning rate: above 0, and still above 0 and finite as the 32-bit float the optimizer uses. */
    static final class LearningRate implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v = number("--lr", text, TrainingConfig.LEARNING_RATE_RANGE);
            if (!TrainingConfig.validLearningRate(v)) {
                throw new OutOfRange("--lr must be " + TrainingConfig.LEARNING_RATE_RANGE + ", got " + text.trim()
                        + ((float) v == 0f && v > 0 ? " (0 as a 32-bit float)" : ""));
            }
            return v;
        }
    }

    static final class Momentum implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v = number("--momentum", text, TrainingConfig.MOMENTUM_RANGE);
            if (!TrainingConfig.validMomentum(v)) {
                throw new OutOfRange("--momentum must be " + TrainingConfig.MOMENTUM_RANGE + ", got " + text.trim()
                        + ((float) v == 1f && v < 1 ? " (1 as a 32-bit float)" : ""));
            }
            return v;
        }
    }

    static final class WeightDecay implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v = number("--weight-decay", text, TrainingConfig.WEIGHT_DECAY_RANGE);
            if (!TrainingConfig.validWeightDecay(v)) {
                throw new OutOfRange("--weight-decay must be " + TrainingConfig.WEIGHT_DECAY_RANGE + ", got " + text.trim());
            }
            return v;
        }
    }

    static final class ValidationSplit implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v = number("--val-split", text, TrainingConfig.VALIDATION_SPLIT_RANGE);
            if (!TrainingConfig.validValidationSplit(v)) {
                throw new OutOfRange("--val-split must be " + TrainingConfig.VALIDATION_SPLIT_RANGE + ", got " + text.trim());
            }
            return v;
        }
    }

    /** bench's hidden work scale: tests use a tiny one; a huge one would run for days. */
    static final class BenchScale implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            String range = "above 0 and at most 100";
            double v = number("--scale", text, range);
            if (!(v > 0 && v <= 100)) {
                throw new OutOfRange("--scale must be " + range + ", got " + text.trim());
            }
            return v;
        }
    }

    /** --pixels: one of the pixel scales, or auto (the choices are its range). */
    static final class Pixels implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            String t = text == null ? "" : text.trim();
            if (!t.equalsIgnoreCase("auto")) {
                try {
                    PixelScale.parse(t);
                } catch (RuntimeException e) {
                    throw new OutOfRange("--pixels must be auto, unit, signed or ink, got '" + t + "'");
                }
            }
            return t;
        }
    }

    /** A whole number in the form Java reads, else one line with the range. */
    static long wholeNumber(String option, String text, String range) {
        String t = text == null ? "" : text.trim();
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            boolean digits = t.matches("[+-]?\\d+");
            throw new OutOfRange(option + " must be a whole number " + range + ", got '" + t + "'"
                    + (digits ? " (too large)" : ""));
        }
    }

    /** A finite number (NaN and Infinity are refused), else one line with the range. */
    static double number(String option, String text, String range) {
        String t = text == null ? "" : text.trim();
        double v;
        try {
            // Java also reads "1f", "0x1p3" and "NaN": only plain decimal numbers are offered
            if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new OutOfRange(option + " must be a number " + range + ", got '" + t + "'");
        }
        if (!Double.isFinite(v)) {
            throw new OutOfRange(option + " must be a number " + range + ", got " + t + " (too large)");
        }
        return v;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
