package org.convlab.ui.stepper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.convlab.engine.Shape;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.nn.layers.PoolLayer;
import org.convlab.trace.ActivationSnapshot;
import org.convlab.trace.LayerOutput;
import org.convlab.trace.ValueFormat;

/**
 * The numbers the lesson's sentences quote, read from the session's current snapshot, and the
 * sentences themselves: nothing in the lesson's text is typed in, so a flipped pixel, another
 * input or a typed weight changes the words with the grids (step 3's "9 / 9 = 1.00" becomes
 * "7 / 9" after a flip). The network is preset:xo: conv (layer 0), ReLU, pooling, the votes.
 */
final class LessonNumbers {
    private final StepperSession session;
    private final ActivationSnapshot s;
    private final ValueFormat f;
    /** Totals and their gap are sums of floats, not ninths: rounded, never cut (0.99999994 is 1.00, not 0.99). */
    private final ValueFormat totals = ValueFormat.decimals();

    LessonNumbers(StepperSession session) {
        this.session = session;
        this.s = session.snapshot();
        this.f = session.format().withFractions(false);
    }

    /** The sum of products (the numerator over 9) of feature {@code feature} at output (row, col). */
    long numerator(int feature, int row, int col) {
        return Math.round(s.layer(0).value(feature, row, col) * 9);
    }

    /**
     * One window's arithmetic in words, to follow "Here " or "At the centre, ": how many of the
     * nine pixels match, how many disagree, the sum and the value. With typed weights (not +1/-1)
     * only the sum and the value.
     */
    String windowSentence(int feature, int row, int col) {
        float v = s.layer(0).value(feature, row, col);
        long n = numerator(feature, row, col);
        String value = f.decimal(v);
        if (session.editedProperty().get()) {
            return "the products add up to " + f.term(v * 9) + ", and " + f.term(v * 9) + " / 9 = " + value + ".";
        }
        long match = (9 + n) / 2;
        long disagree = 9 - match;
        String cut = cutNote(n);
        if (disagree == 0) {
            return "every pixel matches: 9 / 9 = " + value + ".";
        }
        return String.format(Locale.ROOT, "%d of the nine pixels match and %d disagree: %d - %d = %d, and %d / 9 = %s%s.",
                match, disagree, match, disagree, n, n, value, cut);
    }

    /** " (the slides cut to 2 decimals; 5/9 = 0.5555...)" when cutting changes the last digit. */
    private String cutNote(long n) {
        if (!f.cuts()) {
            return "";
        }
        BigDecimal exact = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(9), 3, RoundingMode.DOWN);
        BigDecimal rounded = exact.setScale(2, RoundingMode.HALF_UP);
        BigDecimal cut = exact.setScale(2, RoundingMode.DOWN);
        if (rounded.compareTo(cut) == 0) {
            return "";
        }
        return " (the slides cut to 2 decimals; " + n + "/9 = " + exact.toPlainString() + "...)";
    }

    Shape convShape() {
        return s.layer(0).shape();
    }

    /** How many outputs of feature {@code feature}'s map are negative (ReLU sets them to 0). */
    int negatives(int feature) {
        int n = 0;
        for (float v : s.layer(0).plane(feature)) {
            n += v < 0 ? 1 : 0;
        }
        return n;
    }

    Shape pooledShape() {
        int pool = session.tracer().find(PoolLayer.class, 0);
        return s.layer(pool).shape();
    }

    /** The vote totals (the logits), one per class. */
    float[] totals() {
        return s.layer(session.tracer().find(DenseLayer.class, 0)).data();
    }

    float[] probabilities() {
        return s.probabilities();
    }

    int winnerIndex() {
        float[] p = probabilities();
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        return best;
    }

    String winner() {
        return session.classes().get(winnerIndex());
    }

    /** "X: 1.00    O: -1.00", the totals the way the slides write them. */
    String totalsLine() {
        float[] t = totals();
        List<String> names = session.classes();
        StringBuilder b = new StringBuilder("votes      ");
        for (int k = 0; k < t.length; k++) {
            b.append(String.format(Locale.ROOT, "%-12s", names.get(k) + ": " + totals.decimal(t[k])));
        }
        return b.toString().stripTrailing();
    }

    /** "softmax    X: 88.1%    O: 11.9%". */
    String softmaxLine() {
        float[] p = probabilities();
        List<String> names = session.classes();
        StringBuilder b = new StringBuilder("softmax    ");
        for (int k = 0; k < p.length; k++) {
            b.append(String.format(Locale.ROOT, "%-12s", names.get(k) + String.format(Locale.ROOT, ": %.1f%%", 100.0 * p[k])));
        }
        return b.toString().stripTrailing();
    }

    /** What softmax does, with the gap between the two totals. */
    String softmaxSentence() {
        float[] t = totals();
        float[] p = probabilities();
        int w = winnerIndex();
        int other = 1 - w;
        return String.format(Locale.ROOT, "Softmax turns the totals into probabilities that add up to 100%%: each class "
                + "gets e to the power of its total, divided by the sum of those over the classes, so only the gap "
                + "counts. Here %s leads by %s, which gives %.1f%% against %.1f%%.", session.classes().get(w),
                printedGap(totals.decimal(t[w]), totals.decimal(t[other])),
                100.0 * p[w], 100.0 * p[other]);
    }

    /**
     * The gap between two totals as printed, worked out from the printed numbers, so a student who
     * subtracts the totals on the screen gets the same answer (0.31 - (-0.31) = 0.62, where the
     * unrounded gap 0.6104 would print as 0.61).
     */
    static String printedGap(String winner, String other) {
        try {
            return new java.math.BigDecimal(winner.replace('\u2212', '-'))
                    .subtract(new java.math.BigDecimal(other.replace('\u2212', '-'))).toPlainString();
        } catch (NumberFormatException fraction) {
            return winner + " - (" + other + ")"; // exact fractions: the subtraction written out
        }
    }

    /** The votes step: why these weights, and the totals now. */
    String voteSentence() {
        float[] t = totals();
        return "Every pooled value votes: value x weight, added up. Its weight for X is how much more it lights up on "
                + "the clean X than on the O, less the average difference (so lighting up everywhere alike gets no vote), "
                + "scaled so the clean X totals 1; its weight for O is the opposite. Here the X total is "
                + totals.decimal(t[0]) + " and the O total " + totals.decimal(t[1]) + ".";
    }

    /** The answer step's sentence. */
    String answerSentence() {
        float[] t = totals();
        int w = winnerIndex();
        return "The class with the most votes wins: " + session.classes().get(w) + ", " + totals.decimal(t[w]) + " against "
                + totals.decimal(t[1 - w]) + ". Flip pixels in any picture of the input to see the answer change.";
    }

    LayerOutput conv() {
        return s.layer(0);
    }
}
