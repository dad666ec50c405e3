package org.convlab.trace.backward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.convlab.model.Presets;
import org.convlab.nn.Network;
import org.convlab.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * The X/O net ({@code preset:xo}: conv1 normalize /9, relu, 2x2 max pool with ceil, fc1 votes,
 * softmax) on the lesson's canonical X with label X. Every conv1 weight's gradient has 49 terms
 * (the 7x7 positions of its feature map) and equals a value worked out here by hand from the
 * golden slide maps (xo-seed.json) and the votes, step by step:
 * <ol>
 * <li>the votes add up to exactly +1 for X and -1 for O on the clean X (the lesson's fractions), so
 *     p_O = 1 / (1 + e^2) and dL/dlogit = p - y = (-p_O, +p_O);</li>
 * <li>each pooled value's gradient is w_X,i (-p_O) + w_O,i p_O = -2 p_O w_X,i (w_O = -w_X);</li>
 * <li>max pooling sends it to the window's first largest cell in row-major order (the engine's tie
 *     rule); ReLU passes it only where the match numerator was > 0;</li>
 * <li>dL/dw[f][0][i][j] = (sum over the 7x7 positions of upstream x pixel under w[i][j]) / 9.</li>
 * </ol>
 */
class XoBackwardTest {
    private static final String[] FEATURES = {"diagonal_down", "cross", "diagonal_up"};

    @Test
    void everyConv1WeightGradientIsTheHandSumOf49TermsOver9() {
        JsonNode golden = resource("/golden/xo-seed.json");
        JsonNode lesson = resource("/org/convlab/xo/lesson.json");
        int[][] image = grid(lesson.get("images").get("x"));
        Network net = Network.build(Presets.get("xo").network(), 1);
        BackwardTracer t = BackwardTracer.run(net, floats(image), 0);

        // the votes: row 0 votes X, row 1 votes O, opposite, no bias
        float[] votes = net.parameter("fc1.weight").value();
        double[] wX = new double[48];
        for (int i = 0; i < 48; i++) {
            assertEquals(-votes[i], votes[48 + i], 0f, "w_O = -w_X");
            wX[i] = votes[i];
        }
        // forward by hand from the golden numerators (over 9): relu, 2x2 max pool keeping the edge windows
        int[][][] sums = new int[3][][];
        int[] winner = new int[48]; // flat 7x7 cell that wins each pooled window
        double logitX = 0;
        for (int f = 0; f < 3; f++) {
            sums[f] = grid(golden.get("feature_map_sums").get(FEATURES[f]));
            int[][] pooledGolden = grid(golden.get("relu_pooled_sums").get(FEATURES[f]));
            for (int pr = 0; pr < 4; pr++) {
                for (int pc = 0; pc < 4; pc++) {
                    int best = -1, bestValue = Integer.MIN_VALUE;
                    for (int r = 2 * pr; r < Math.min(2 * pr + 2, 7); r++) {
                        for (int c = 2 * pc; c < Math.min(2 * pc + 2, 7); c++) {
                            int relu = Math.max(0, sums[f][r][c]);
                            if (relu > bestValue) { // strictly greater: ties stay with the first cell
                                bestValue = relu;
                                best = r * 7 + c;
                            }
                        }
                    }
                    assertEquals(pooledGolden[pr][pc], bestValue, "pooled numerator");
                    int i = (f * 4 + pr) * 4 + pc;
                    winner[i] = best;
                    logitX += wX[i] * bestValue / 9.0;
                }
            }
        }
        assertEquals(1.0, logitX, 1e-6, "the votes total exactly 1 for X on the clean X");
        double pO = 1 / (1 + Math.exp(2)); // logits +1 and -1
        LossGradient loss = t.loss();
        assertEquals(-pO, loss.logitGradient()[0], 1e-7);
        assertEquals(pO, loss.logitGradient()[1], 1e-7);
        assertEquals(Math.log(1 + Math.exp(-2)), loss.loss(), 1e-6);

        // the upstream gradient of every conv1 output: routed by the max, gated by the ReLU
        double[][] upstream = new double[3][49];
        for (int i = 0; i < 48; i++) {
            int f = i / 16;
            int cell = winner[i];
            if (sums[f][cell / 7][cell % 7] > 0) {
                upstream[f][cell] = -2 * pO * wX[i];
            }
        }
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertWeightByHand(t, image, upstream[f], f, i, j);
                }
            }
        }
    }

    /** One weight w[f][0][i][j]: its 49 terms against the hand-routed upstream, and the value against the hand sum / 9. */
    private static void assertWeightByHand(BackwardTracer t, int[][] image, double[] upstream, int f, int i, int j) {
        float[] engineUpstream = t.upstream(0);
        GradientTrace g = t.convWeight(0, f, 0, i, j);
        List<GradTerm> terms = g.terms();
        assertEquals(49, terms.size(), "7x7 positions");
        assertEquals(9, g.divisor());
        double sum = 0;
        for (int k = 0; k < 49; k++) {
            int oh = k / 7, ow = k % 7;
            GradTerm term = terms.get(k);
            assertArrayEquals(new int[] {f, oh, ow}, term.output());
            assertArrayEquals(new int[] {0, oh + i, ow + j}, term.factorAt());
            assertEquals(image[oh + i][ow + j], term.forward(), 0f, "the pixel under the weight");
            double up = upstream[k];
            if (up == 0) {
                assertEquals(0f, term.upstream(), 0f, "blocked by the max or the ReLU at " + oh + "," + ow);
            } else {
                assertEquals(up, term.upstream(), 1e-6 * Math.abs(up), "routed at " + oh + "," + ow);
            }
            assertEquals(engineUpstream[f * 49 + k], term.upstream(), 0f);
            sum += up * image[oh + i][ow + j];
        }
        double byHand = sum / 9;
        assertEquals(byHand, g.value(), 1e-6 * Math.abs(byHand) + 1e-9, g.target());
        BackwardTracerTest.assertBits(t.network().parameter("conv1.weight").grad()[(f * 3 + i) * 3 + j],
                g.value(), g.target());
    }

    /**
     * The same gradients from the lesson's fractions alone, without the float votes: each vote is
     * w_X,i = 9 c_i / N with whole numbers c_i = 48 d_i - sum d (d = pooled X - pooled O numerators)
     * and N = sum x_i c_i (model/XoVotes' rule, recomputed here from the pixels). Then
     * dL/dw[f][0][i][j] = -2 p_O / 9 * sum(routed pixel x 9 c / N) = -2 p_O S / N with S a whole
     * number counted here, and the float votes are those fractions rounded once.
     */
    @Test
    void conv1GradientsFromTheLessonsExactFractions() {
        JsonNode lesson = resource("/org/convlab/xo/lesson.json");
        int[][] x = grid(lesson.get("images").get("x"));
        int[][] o = grid(lesson.get("images").get("o"));
        int[][][] features = new int[3][][];
        for (int f = 0; f < 3; f++) {
            features[f] = grid(lesson.get("features").get(FEATURES[f]));
        }
        int[][][] mapX = new int[3][][];
        int[] pooledX = new int[48], pooledO = new int[48], winner = new int[48];
        for (int f = 0; f < 3; f++) {
            mapX[f] = match(x, features[f]);
            int[][] mapO = match(o, features[f]);
            for (int w = 0; w < 16; w++) {
                int i = f * 16 + w;
                winner[i] = firstMax(mapX[f], w / 4, w % 4);
                pooledX[i] = Math.max(0, mapX[f][winner[i] / 7][winner[i] % 7]);
                int wo = firstMax(mapO, w / 4, w % 4);
                pooledO[i] = Math.max(0, mapO[wo / 7][wo % 7]);
            }
        }
        long total = 0;
        for (int i = 0; i < 48; i++) {
            total += pooledX[i] - pooledO[i];
        }
        long[] c = new long[48];
        long norm = 0;
        for (int i = 0; i < 48; i++) {
            c[i] = 48L * (pooledX[i] - pooledO[i]) - total;
            norm += pooledX[i] * c[i];
        }
        Network net = Network.build(Presets.get("xo").network(), 1);
        float[] votes = net.parameter("fc1.weight").value();
        for (int i = 0; i < 48; i++) {
            assertEquals((float) (9.0 * c[i] / norm), votes[i], 0f, "vote " + i + " = 9 c / N rounded once");
        }
        BackwardTracer t = BackwardTracer.run(net, floats(x), 0);
        double pO = 1 / (1 + Math.exp(2)); // X total sum(9 c_i / N * x_i / 9) = sum(c_i x_i) / N = 1 exactly
        for (int f = 0; f < 3; f++) {
            for (int ki = 0; ki < 3; ki++) {
                for (int kj = 0; kj < 3; kj++) {
                    long s = 0; // whole number: routed pixel x c over the 7x7 positions
                    for (int w = 0; w < 16; w++) {
                        int cell = winner[f * 16 + w];
                        int r = cell / 7, col = cell % 7;
                        if (mapX[f][r][col] > 0) {
                            s += x[r + ki][col + kj] * c[f * 16 + w];
                        }
                    }
                    GradientTrace g = t.convWeight(0, f, 0, ki, kj);
                    double exact = -2 * pO * s / norm;
                    assertEquals(exact, g.value(), 1e-6 * Math.abs(exact) + 1e-9, g.target() + " = -2 p_O " + s + " / " + norm);
                }
            }
        }
    }

    /** 3x3 valid match numerators (over 9) of a +1/-1 image. */
    private static int[][] match(int[][] image, int[][] feature) {
        int[][] m = new int[7][7];
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        m[r][c] += image[r + i][c + j] * feature[i][j];
                    }
                }
            }
        }
        return m;
    }

    /** Flat 7x7 index of the first largest ReLU'd cell of 2x2 window (pr, pc), edge windows kept. */
    private static int firstMax(int[][] map, int pr, int pc) {
        int best = -1, bestValue = Integer.MIN_VALUE;
        for (int r = 2 * pr; r < Math.min(2 * pr + 2, 7); r++) {
            for (int c = 2 * pc; c < Math.min(2 * pc + 2, 7); c++) {
                if (Math.max(0, map[r][c]) > bestValue) {
                    bestValue = Math.max(0, map[r][c]);
                    best = r * 7 + c;
                }
            }
        }
        return best;
    }

    @Test
    void maxPoolRoutingAndReluGateOnTheX() {
        JsonNode lesson = resource("/org/convlab/xo/lesson.json");
        Network net = Network.build(Presets.get("xo").network(), 1);
        BackwardTracer t = BackwardTracer.run(net, floats(grid(lesson.get("images").get("x"))), 0);
        PoolRouting pool = t.pool(2);
        assertEquals(true, pool.max());
        int[] winner = pool.winner();
        float[] up = pool.upstream();
        float[] dX = pool.inputGradient();
        for (int o = 0; o < 48; o++) {
            assertEquals(up[o], dX[winner[o]], 0f, "window " + o + " sends all of it to its winner");
        }
        int nonzero = 0;
        for (float v : dX) {
            nonzero += v != 0 ? 1 : 0;
        }
        assertEquals(48, nonzero, "one winner per window, every other cell 0 (every vote is nonzero)");
        ReluGate gate = t.relu(1);
        float[] in = gate.input(), passed = gate.passed(), upstream = gate.upstream();
        for (int i = 0; i < in.length; i++) {
            assertEquals(in[i] > 0 ? upstream[i] : 0f, passed[i], 0f);
        }
    }

    private static float[] floats(int[][] g) {
        float[] out = new float[g.length * g[0].length];
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[r].length; c++) {
                out[r * g[r].length + c] = g[r][c];
            }
        }
        return out;
    }

    private static int[][] grid(JsonNode rows) {
        int[][] g = new int[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            g[r] = new int[rows.get(r).size()];
            for (int c = 0; c < g[r].length; c++) {
                g[r][c] = rows.get(r).get(c).asInt();
            }
        }
        return g;
    }

    static JsonNode resource(String path) {
        try (InputStream in = XoBackwardTest.class.getResourceAsStream(path)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }
}
