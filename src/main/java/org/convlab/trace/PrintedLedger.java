package org.convlab.trace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A class's vote ledger as printed, so that it adds up as printed: every value, weight and vote
 * (product) is written to {@value #DIGITS} significant digits, and every running total is the
 * exact sum of the votes printed above it (decimal arithmetic on the printed numbers, so it needs
 * no rounding of its own and a student can redo every line). The votes not listed are summed the
 * same way on one line, and the printed total is the sum of all the printed votes. The logit
 * below it is the engine's unrounded sum plus bias: it can differ from the printed total in the
 * last digit or two, and the ledger says which is which. In fractions mode a value that is a
 * whole number of ninths (a normalized conv's output) shows as {@code 5/9}; its vote is still
 * printed from the exact product.
 */
public final class PrintedLedger {
    /** Significant digits of values, weights and votes. */
    public static final int DIGITS = 3;

    /** One printed line: {@code value x weight = vote}, and the running total. */
    public record Row(String value, String weight, String vote, String running, boolean against) {
        public String product() {
            return value + " x " + weight + " = " + vote;
        }
    }

    private final List<Row> rows;
    private final int hidden;
    private final String hiddenSum;
    private final String total;
    private final String bias;
    private final String totalWithBias;
    private final String logit;

    private PrintedLedger(List<Row> rows, int hidden, String hiddenSum, String total, String bias, String totalWithBias,
                          String logit) {
        this.rows = List.copyOf(rows);
        this.hidden = hidden;
        this.hiddenSum = hiddenSum;
        this.total = total;
        this.bias = bias;
        this.totalWithBias = totalWithBias;
        this.logit = logit;
    }

    /**
     * The ledger of {@code c} listing its {@code shown} largest votes. {@code divisor}: values that
     * are whole multiples of 1/divisor print as fractions when {@code f} shows fractions.
     */
    public static PrintedLedger of(ClassVotes c, int shown, ValueFormat f, int divisor) {
        List<Row> rows = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal rest = BigDecimal.ZERO;
        int n = Math.min(shown, c.votes().size());
        for (int i = 0; i < c.votes().size(); i++) {
            Vote v = c.votes().get(i);
            BigDecimal vote = ValueFormat.significant(v.product(), DIGITS);
            if (i < n) {
                running = running.add(vote);
                rows.add(new Row(value(v.value(), f, divisor), ValueFormat.plain(ValueFormat.significant(v.weight(), DIGITS)),
                        ValueFormat.plain(vote), ValueFormat.plain(running), v.product() < 0));
            } else {
                rest = rest.add(vote);
            }
        }
        BigDecimal total = running.add(rest);
        BigDecimal bias = c.hasBias() ? ValueFormat.significant(c.bias(), DIGITS) : null;
        return new PrintedLedger(rows, c.votes().size() - n, ValueFormat.plain(rest), ValueFormat.plain(total),
                bias == null ? null : ValueFormat.plain(bias), ValueFormat.plain(bias == null ? total : total.add(bias)),
                ValueFormat.plain(ValueFormat.significant(c.logit(), DIGITS)));
    }

    private static String value(float v, ValueFormat f, int divisor) {
        float numerator = v * divisor;
        if (f.showsFractions() && divisor > 1 && Math.abs(numerator - Math.rint(numerator)) < 1e-4f) {
            return ValueFormat.plain(BigDecimal.valueOf(Math.rint(numerator)).stripTrailingZeros()) + "/" + divisor;
        }
        return ValueFormat.plain(ValueFormat.significant(v, DIGITS));
    }

    public List<Row> rows() {
        return rows;
    }

    /** How many votes are not listed (summed on one line). */
    public int hidden() {
        return hidden;
    }

    /** The sum of the printed votes not listed. */
    public String hiddenSum() {
        return hiddenSum;
    }

    /** The sum of every printed vote, listed or not. */
    public String total() {
        return total;
    }

    /** The bias to 3 significant digits, or null when the layer has none. */
    public String bias() {
        return bias;
    }

    /** The printed total plus the printed bias (the total when there is no bias). */
    public String totalWithBias() {
        return totalWithBias;
    }

    /** The engine's logit (unrounded votes plus bias) to 3 significant digits. */
    public String logit() {
        return logit;
    }
}
