package org.convlab.ui.stepper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.convlab.data.xo.XoLesson;
import org.convlab.nn.layers.DenseLayer;
import org.convlab.trace.PrintedLedger;
import org.convlab.trace.ValueFormat;
import org.convlab.trace.VoteLedger;
import org.junit.jupiter.api.Test;

/**
 * The vote ledger adds up as printed: parse every printed line (the strings VoteView draws) and
 * check that each running total is the sum of the votes printed above it, digit for digit, and
 * that each printed vote is the printed value times the printed weight to 3 significant digits.
 */
class PrintedLedgerTest {
    private static final XoLesson LESSON = XoLesson.load();

    private static void assertAddsUp(StepperSession session, String what) {
        int dense = session.tracer().find(DenseLayer.class, 0);
        VoteLedger ledger = session.tracer().votes(session.snapshot(), dense);
        for (int k = 0; k < 2; k++) {
            PrintedLedger p = PrintedLedger.of(ledger.forClass(k), 12, session.format(), session.fractionDivisor());
            assertEquals(12, p.rows().size());
            BigDecimal sum = BigDecimal.ZERO;
            for (PrintedLedger.Row r : p.rows()) {
                String[] parts = r.product().split(" x | = ");
                assertEquals(3, parts.length, r.product());
                BigDecimal value = parse(parts[0]);
                BigDecimal weight = new BigDecimal(parts[1]);
                BigDecimal vote = new BigDecimal(parts[2]);
                assertEquals(3, weight.precision(), "weight to 3 significant digits: " + r.product());
                assertEquals(3, vote.precision(), "vote to 3 significant digits: " + r.product());
                // the printed value x printed weight agrees with the printed vote within the rounding of the three
                double redo = value.doubleValue() * weight.doubleValue();
                assertTrue(Math.abs(redo - vote.doubleValue()) <= 0.006 * Math.abs(vote.doubleValue()),
                        what + ": " + r.product() + " (redone: " + redo + ")");
                sum = sum.add(vote);
                assertEquals(0, sum.compareTo(new BigDecimal(r.running())), what + ": running total " + r.running()
                        + " is not the sum of the printed votes " + sum);
            }
            BigDecimal total = sum.add(new BigDecimal(p.hiddenSum()));
            assertEquals(0, total.compareTo(new BigDecimal(p.total())), what + ": total");
            assertEquals(0, total.add(new BigDecimal(p.bias())).compareTo(new BigDecimal(p.totalWithBias())), what + ": + bias");
            // the printed total and the engine's logit differ by at most the rounding of 48 votes
            assertTrue(Math.abs(total.doubleValue() - ledger.forClass(k).logit()) < 48 * 0.0005, what + ": logit");
        }
    }

    private static BigDecimal parse(String value) {
        if (value.contains("/")) {
            String[] f = value.split("/");
            return new BigDecimal(f[0]).divide(new BigDecimal(f[1]), java.math.MathContext.DECIMAL64);
        }
        return new BigDecimal(value);
    }

    @Test
    void theLedgersOfTheXTheOAndTheDeformedXAddUpAsPrinted() {
        StepperSession session = LessonNetwork.session(LESSON);
        for (boolean fractions : new boolean[] {false, true}) {
            session.setFractions(fractions);
            session.setInput(LessonNetwork.input(LESSON.x()));
            assertAddsUp(session, "X, fractions " + fractions);
            session.setInput(LessonNetwork.input(LESSON.o()));
            assertAddsUp(session, "O, fractions " + fractions);
            session.setInput(LessonNetwork.input(LESSON.xDeformed()));
            assertAddsUp(session, "deformed X, fractions " + fractions);
        }
    }

    @Test
    void theXsLargestVoteIsAFullMatchTimesTheLargestWeight() {
        // 9/9 x 9*322/10072 = 0.28773: the centre diagonals' pooled values are full matches on the X
        StepperSession session = LessonNetwork.session(LESSON);
        VoteLedger ledger = session.tracer().votes(session.snapshot(), 4);
        assertEquals("1.00 x 0.288 = 0.288", PrintedLedger.of(ledger.forClass(0), 12, session.format(), 9).rows().get(0).product());
        assertEquals("0.288", PrintedLedger.of(ledger.forClass(0), 12, session.format(), 9).rows().get(0).running());
        assertEquals("9/9 x -0.288 = -0.288",
                PrintedLedger.of(ledger.forClass(1), 12, ValueFormat.fractions(), 9).rows().get(0).product());
    }

    @Test
    void significantDigits() {
        assertEquals("0.0310", ValueFormat.plain(ValueFormat.significant(0.030995f, 3)));
        assertEquals("0.111", ValueFormat.plain(ValueFormat.significant(1 / 9f, 3)));
        assertEquals("1.00", ValueFormat.plain(ValueFormat.significant(1f, 3)));
        assertEquals("-12.3", ValueFormat.plain(ValueFormat.significant(-12.34f, 3)));
        assertEquals("1230", ValueFormat.plain(ValueFormat.significant(1234f, 3)));
        assertEquals("0", ValueFormat.plain(ValueFormat.significant(-0f, 3)));
    }
}
