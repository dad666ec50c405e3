package org.convlab.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.convlab.nn.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The X/O lesson's numbers through the trace of {@code preset:xo} on the lesson's canonical X,
 * against the slides' golden file: the two example windows (all-match 9/9 = 1.00 at the top-left
 * diagonal, 5/9 = 0.55 at the centre, printed cut to 2 decimals as the slides print them), every
 * step of the three 7x7 maps, the pooled 4x4 maps and the vote ledger against the engine.
 */
class XoTraceTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theSlidesTwoExampleWindows(boolean reference) {
        NetworkTracer tracer = new NetworkTracer(TraceData.xoNetwork(reference));
        ActivationSnapshot s = tracer.snapshot(TraceData.lessonX());
        ConvTrace diagonal = tracer.conv(s, 0, 0);
        int[][] sums = golden("feature_map_sums", "diagonal_down");

        ConvStep full = diagonal.stepAt(1, 1);
        assertEquals(sums[1][1], (int) full.sum()); // 9
        assertEquals("1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 = 9", SumText.channel(full.channels().get(0), ValueFormat.slides()));
        assertEquals("9 / 9 = 1.00", SumText.finish(full, ValueFormat.slides()));
        assertEquals("9/9", full.valueText(ValueFormat.fractions()));

        ConvStep centre = diagonal.stepAt(3, 3);
        assertEquals(sums[3][3], (int) centre.sum()); // 5
        // the written-out sum, term by term
        assertEquals("1 + 1 - 1 + 1 + 1 + 1 - 1 + 1 + 1 = 5", SumText.channel(centre.channels().get(0), ValueFormat.slides()));
        assertEquals("5 / 9 = 0.55", SumText.finish(centre, ValueFormat.slides()));
        assertEquals("0.55", centre.valueText(ValueFormat.slides()));
        assertEquals("0.56", centre.valueText(ValueFormat.decimals())); // rounded, not the slides' way
        assertEquals("5/9", centre.valueText(ValueFormat.fractions()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyStepOfTheThreeMapsIsTheGoldenNumeratorOverNine(boolean reference) {
        NetworkTracer tracer = new NetworkTracer(TraceData.xoNetwork(reference));
        ActivationSnapshot s = tracer.snapshot(TraceData.lessonX());
        float[] engine = s.layer(0).data();
        for (int f = 0; f < 3; f++) {
            int[][] sums = golden("feature_map_sums", TraceData.FEATURES[f]);
            ConvTrace trace = tracer.conv(s, 0, f);
            for (int k = 0; k < 49; k++) {
                ConvStep step = trace.step(k);
                int numerator = sums[k / 7][k % 7];
                assertEquals(numerator, step.sum(), 0f);
                assertEquals(numerator / 9f, step.value(), 0f);
                assertEquals(engine[f * 49 + k], step.value(), 0f);
                assertEquals(numerator + "/9", step.valueText(ValueFormat.fractions()));
            }
        }
        // the slides' printed first row of the diagonal map: cut, not rounded
        JsonNode printed = TraceData.golden().get("slide_printed_first_row_diagonal_down");
        ConvTrace diagonal = tracer.conv(s, 0, 0);
        for (int col = 0; col < 7; col++) {
            assertEquals(String.format("%.2f", printed.get(col).doubleValue()),
                    diagonal.stepAt(0, col).valueText(ValueFormat.slides()));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pooledMapsAreTheGoldenOnesAndTheEngines(boolean reference) {
        NetworkTracer tracer = new NetworkTracer(TraceData.xoNetwork(reference));
        ActivationSnapshot s = tracer.snapshot(TraceData.lessonX());
        int poolLayer = 2; // conv1, relu, pool
        float[] engine = s.layer(poolLayer).data();
        for (int f = 0; f < 3; f++) {
            PoolTrace trace = tracer.pool(s, poolLayer, f);
            int[][] pooled = golden("relu_pooled_sums", TraceData.FEATURES[f]);
            float[] outputs = trace.outputs();
            for (int k = 0; k < 16; k++) {
                PoolStep step = trace.step(k);
                assertEquals(pooled[k / 4][k % 4] / 9f, step.value(), 0f, TraceData.FEATURES[f] + " " + k);
                assertEquals(engine[f * 16 + k], step.value(), 0f);
                assertEquals(engine[f * 16 + k], outputs[k], 0f);
                // the winner holds the value
                float[] in = trace.inputPlane();
                assertEquals(step.value(), in[step.argmaxRow() * 7 + step.argmaxCol()], 0f);
            }
            // ceil mode: the bottom-right window has one real cell and three past the 7x7 map
            PoolStep corner = trace.stepAt(3, 3);
            assertTrue(corner.partial());
            assertEquals(3, corner.cells().stream().filter(c -> c.kind() == PoolCell.Kind.OUTSIDE).count());
            assertEquals(6, corner.argmaxRow());
            assertEquals(6, corner.argmaxCol());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void voteLedgerTotalsEqualTheEngine(boolean reference) {
        Network net = TraceData.xoNetwork(reference);
        NetworkTracer tracer = new NetworkTracer(net);
        ActivationSnapshot s = tracer.snapshot(TraceData.lessonX());
        int dense = 4; // conv1, relu, pool, flatten, dense, softmax
        VoteLedger ledger = tracer.votes(s, dense);
        float[] logits = s.layer(dense).data();
        float[] probs = s.probabilities();
        float[] x = s.inputOf(dense).data();
        float[] w = net.parameter(net.layers().get(dense).name() + ".weight").value();
        float[] b = net.parameter(net.layers().get(dense).name() + ".bias").value();
        assertEquals(List.of("X", "O"), ledger.classes().stream().map(ClassVotes::label).toList());
        for (ClassVotes c : ledger.classes()) {
            assertEquals(48, c.votes().size());
            double independent = b[c.index()];
            for (int i = 0; i < 48; i++) {
                independent += (double) x[i] * w[c.index() * 48 + i];
            }
            float tol = 1e-5f * (1 + Math.abs(logits[c.index()]));
            assertEquals(logits[c.index()], c.logit(), reference ? 0f : tol);
            assertEquals(independent, c.logit(), tol);
            assertEquals(c.logit() - c.bias(), c.votesTotal(), tol); // the running total, in ledger order
            assertEquals(c.votesTotal(), c.votes().get(47).runningTotal(), 0f);
            assertEquals(probs[c.index()], c.probability(), 1e-6f);
            for (int i = 1; i < 48; i++) {
                assertTrue(Math.abs(c.votes().get(i - 1).product()) >= Math.abs(c.votes().get(i).product()));
            }
            // each vote locates its pooled cell: channel, row, col of the 3x4x4 map
            Vote v = c.votes().get(0);
            assertEquals(s.layer(2).value(v.channel(), v.row(), v.col()), v.value(), 0f);
        }
        assertEquals(probs[0] >= probs[1] ? 0 : 1, ledger.winner());
    }

    static int[][] golden(String field, String feature) {
        JsonNode rows = TraceData.golden().get(field).get(feature);
        int[][] a = new int[rows.size()][];
        for (int r = 0; r < a.length; r++) {
            a[r] = new int[rows.get(r).size()];
            for (int c = 0; c < a[r].length; c++) {
                a[r][c] = rows.get(r).get(c).intValue();
            }
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reluMarksExactlyTheNegativeCells(boolean reference) {
        NetworkTracer tracer = new NetworkTracer(TraceData.xoNetwork(reference));
        ActivationSnapshot s = tracer.snapshot(TraceData.lessonX());
        ActivationStep relu = tracer.activation(s, 1);
        float[] before = s.layer(0).data();
        int negatives = 0;
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i] < 0, relu.changed(i), "cell " + i);
            assertEquals(Math.max(before[i], 0f), relu.after(i), 0f);
            negatives += before[i] < 0 ? 1 : 0;
        }
        assertEquals(negatives, relu.changedCount());
        assertArrayEquals(s.layer(1).data(), relu.after());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void deformedXStepsAreTheSlidesNumerators(boolean reference) {
        NetworkTracer tracer = new NetworkTracer(TraceData.xoNetwork(reference));
        float[] deformed = TraceData.floats(TraceData.resource("/org/convlab/xo/lesson.json").get("images").get("x_deformed"));
        ActivationSnapshot s = tracer.snapshot(deformed);
        for (int f = 0; f < 3; f++) {
            int[][] sums = golden("deformed_feature_map_sums", TraceData.FEATURES[f]);
            ConvTrace trace = tracer.conv(s, 0, f);
            for (int k = 0; k < 49; k++) {
                assertEquals(sums[k / 7][k % 7], trace.step(k).sum(), 0f, TraceData.FEATURES[f] + " step " + k);
            }
        }
    }
}
