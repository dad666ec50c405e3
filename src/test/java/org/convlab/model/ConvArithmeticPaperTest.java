package org.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;

/**
 * Shape inference against the numbered relationships of Dumoulin and Visin, "A guide to
 * convolution arithmetic for deep learning" (arXiv:1603.07285, 2016), over a grid of input sizes
 * i, kernels k, strides s, paddings p and dilations d. The expected sizes are the paper's formulas
 * written out here; the output size of ConvLab's own inference is never used as an expectation.
 * (The transposed relationships 8-14 need the transposed convolution layer, issue 16 item 3.)
 *
 * <p>ConvLab refuses a convolution whose windows do not tile the input exactly unless the layer
 * says {@code floor} (the size formula shows the remainder), so the paper's floor is checked with
 * {@code floor} on, and without it the refusal is checked exactly where the floor would drop input
 * rows (a remainder of padding zeros only drops nothing, and is accepted).
 */
class ConvArithmeticPaperTest {
    private static final int MAX_I = 12;

    private static long conv(int i, int k, int s, Padding p, int d, boolean floor) {
        ConvSpec c = new ConvSpec("c", 1, k, k, s, p, d, false, false, null, null, floor);
        LayerInfo info = ShapeInference.infer(new NetworkSpec(new Shape(1, i, i), List.of(), List.of(c))).get(0);
        assertEquals(info.outputDims().height(), info.outputDims().width(), "square in, square out");
        return info.outputDims().height();
    }

    private static long pool(int i, int k, int s) {
        PoolSpec p = new PoolSpec("p", PoolSpec.Kind.MAX, k, k, s, Padding.VALID, false);
        return ShapeInference.infer(new NetworkSpec(new Shape(1, i, i), List.of(), List.of(p))).get(0).outputDims().height();
    }

    /** Relationship 1: no zero padding, unit strides: o = (i - k) + 1. */
    @Test
    void relationship1NoPaddingUnitStrides() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= i; k++) {
                assertEquals((i - k) + 1, conv(i, k, 1, Padding.VALID, 1, false), "i=" + i + " k=" + k);
            }
        }
    }

    /** Relationship 2: zero padding, unit strides: o = (i - k) + 2p + 1. */
    @Test
    void relationship2PaddingUnitStrides() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                for (int p = 0; p <= 3; p++) {
                    if (i + 2 * p >= k) {
                        assertEquals((i - k) + 2 * p + 1, conv(i, k, 1, Padding.of(p), 1, false), "i=" + i + " k=" + k + " p=" + p);
                    }
                }
            }
        }
    }

    /** Relationship 3: half (same) padding, k = 2n + 1, s = 1, p = floor(k/2): o = i. */
    @Test
    void relationship3HalfPadding() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k += 2) {
                assertEquals(i, conv(i, k, 1, Padding.of(k / 2), 1, false), "i=" + i + " k=" + k);
                assertEquals(i, conv(i, k, 1, Padding.SAME, 1, false), "same, i=" + i + " k=" + k);
            }
        }
    }

    /** Relationship 4: full padding, p = k - 1, s = 1: o = i + (k - 1). */
    @Test
    void relationship4FullPadding() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                assertEquals(i + (k - 1), conv(i, k, 1, Padding.of(k - 1), 1, false), "i=" + i + " k=" + k);
            }
        }
    }

    /** Relationship 5: no zero padding, non-unit strides: o = floor((i - k)/s) + 1. */
    @Test
    void relationship5NoPaddingStrides() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= i; k++) {
                for (int s = 2; s <= 4; s++) {
                    String where = "i=" + i + " k=" + k + " s=" + s;
                    assertEquals(Math.floorDiv(i - k, s) + 1, conv(i, k, s, Padding.VALID, 1, true), where);
                    exactOrRefused(i, k, s, 0, 1, where);
                }
            }
        }
    }

    /** Relationship 6: zero padding, non-unit strides: o = floor((i + 2p - k)/s) + 1. */
    @Test
    void relationship6PaddingStrides() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                for (int s = 2; s <= 4; s++) {
                    for (int p = 1; p <= 3; p++) {
                        if (i + 2 * p >= k && p < k) { // a pad as wide as the kernel makes windows of zeros only
                            String where = "i=" + i + " k=" + k + " s=" + s + " p=" + p;
                            assertEquals(Math.floorDiv(i + 2 * p - k, s) + 1, conv(i, k, s, Padding.of(p), 1, true), where);
                            exactOrRefused(i, k, s, p, 1, where);
                        }
                    }
                }
            }
        }
    }

    /** Relationship 7: pooling: o = floor((i - k)/s) + 1 (ConvLab's pools floor unless they say ceil). */
    @Test
    void relationship7Pooling() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= Math.min(i, 4); k++) {
                for (int s = 1; s <= 4; s++) {
                    assertEquals(Math.floorDiv(i - k, s) + 1, pool(i, k, s), "i=" + i + " k=" + k + " s=" + s);
                }
            }
        }
    }

    /**
     * Relationship 15: dilated convolution, effective kernel k' = k + (k - 1)(d - 1):
     * o = floor((i + 2p - k - (k - 1)(d - 1))/s) + 1.
     */
    @Test
    void relationship15Dilation() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 4; k++) {
                for (int d = 1; d <= 3; d++) {
                    for (int s = 1; s <= 3; s++) {
                        for (int p = 0; p <= 2; p++) {
                            int span = i + 2 * p - k - (k - 1) * (d - 1);
                            int effective = k + (k - 1) * (d - 1);
                            if (span < 0 || (p > 0 && p >= effective)) {
                                continue;
                            }
                            String where = "i=" + i + " k=" + k + " d=" + d + " s=" + s + " p=" + p;
                            assertEquals(Math.floorDiv(span, s) + 1, conv(i, k, s, Padding.of(p), d, true), where);
                            exactOrRefused(i, k, s, p, d, where);
                        }
                    }
                }
            }
        }
    }

    /** Without floor: the same size where no input row is left over, else a refusal that shows the arithmetic. */
    private static void exactOrRefused(int i, int k, int s, int p, int d, String where) {
        int span = i + 2 * p - k - (k - 1) * (d - 1);
        if (span % s <= p) { // what the last window misses is padding only: no input row is dropped
            assertEquals(span / s + 1, conv(i, k, s, Padding.of(p), d, false), where);
        } else {
            UserInputException e = assertThrows(UserInputException.class, () -> conv(i, k, s, Padding.of(p), d, false), where);
            assertTrue(e.getMessage().contains("/" + s), where + ": " + e.getMessage());
        }
    }
}
