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
 * Relationships 8-14 are the transposed ones: the paper describes the transpose of a convolution
 * (k, s, p) on its output size i' and states o'; ConvLab's {@code convtranspose} layer with the
 * same k, s, p (and output padding a, PyTorch's name for the paper's a) on an i' x i' input must
 * give that o', and is refused with the arithmetic where the padding would leave no output.
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

    private static long convT(int i, int k, int s, int p, int a, int d) {
        ConvTransposeSpec t = new ConvTransposeSpec("t", 1, k, k, s, Padding.of(p), a, a, d, false, null, null);
        LayerInfo info = ShapeInference.infer(new NetworkSpec(new Shape(1, i, i), List.of(), List.of(t))).get(0);
        assertEquals(info.outputDims().height(), info.outputDims().width(), "square in, square out");
        return info.outputDims().height();
    }

    /**
     * Relationship 8: the transpose of a convolution with no padding and unit strides (k, s = 1,
     * p = 0) has k' = k, s' = s, p' = k - 1 in the zero-inserted picture, and o' = i' + (k - 1).
     */
    @Test
    void relationship8TransposedNoPaddingUnitStrides() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                assertEquals(i + (k - 1), convT(i, k, 1, 0, 0, 1), "i'=" + i + " k=" + k);
            }
        }
    }

    /** Relationship 9: the transpose of a padded unit-stride convolution: o' = i' + (k - 1) - 2p. */
    @Test
    void relationship9TransposedPaddingUnitStrides() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                for (int p = 0; p <= 3; p++) {
                    int expected = i + (k - 1) - 2 * p;
                    String where = "i'=" + i + " k=" + k + " p=" + p;
                    checkT(expected, i, k, 1, p, 0, 1, where);
                }
            }
        }
    }

    /** Relationship 10: half padding, k = 2n + 1, s = 1, p = n: the transpose keeps the size, o' = i'. */
    @Test
    void relationship10TransposedHalfPadding() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k += 2) {
                assertEquals(i, convT(i, k, 1, k / 2, 0, 1), "i'=" + i + " k=" + k);
            }
        }
    }

    /** Relationship 11: full padding, p = k - 1, s = 1: o' = i' - (k - 1). */
    @Test
    void relationship11TransposedFullPadding() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                String where = "i'=" + i + " k=" + k;
                checkT(i - (k - 1), i, k, 1, k - 1, 0, 1, where);
            }
        }
    }

    /** Relationship 12: no padding, non-unit strides (s - 1 zeros inserted between input units): o' = s(i' - 1) + k. */
    @Test
    void relationship12TransposedNoPaddingStrides() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                for (int s = 2; s <= 4; s++) {
                    assertEquals(s * (i - 1) + k, convT(i, k, s, 0, 0, 1), "i'=" + i + " k=" + k + " s=" + s);
                }
            }
        }
    }

    /** Relationship 13: padding and non-unit strides, (i + 2p - k) a multiple of s: o' = s(i' - 1) + k - 2p. */
    @Test
    void relationship13TransposedPaddingStrides() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                for (int s = 2; s <= 4; s++) {
                    for (int p = 0; p <= 3; p++) {
                        int expected = s * (i - 1) + k - 2 * p;
                        String where = "i'=" + i + " k=" + k + " s=" + s + " p=" + p;
                        checkT(expected, i, k, s, p, 0, 1, where);
                    }
                }
            }
        }
    }

    /**
     * Relationship 14: padding, non-unit strides, any (i + 2p - k) mod s = a: o' = s(i' - 1) + a + k - 2p.
     * The output padding a picks which of the s input sizes that all convolve to i' the transpose
     * restores: checked both ways, the transpose of a convolution of i (as ConvLab infers it,
     * with floor) gives back exactly i.
     */
    @Test
    void relationship14TransposedAnyStride() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 7; k++) {
                for (int s = 2; s <= 4; s++) {
                    for (int p = 0; p <= 3; p++) {
                        for (int a = 0; a < s; a++) {
                            int expected = s * (i - 1) + a + k - 2 * p;
                            String where = "i'=" + i + " k=" + k + " s=" + s + " p=" + p + " a=" + a;
                            checkT(expected, i, k, s, p, a, 1, where);
                        }
                        int in = i; // a convolution's input size, its output i' and back
                        if (in + 2 * p >= k && p < k) {
                            int out = (int) conv(in, k, s, Padding.of(p), 1, true);
                            int a = (in + 2 * p - k) % s;
                            assertEquals(in, convT(out, k, s, p, a, 1), "back to i=" + in + " k=" + k + " s=" + s + " p=" + p);
                        }
                    }
                }
            }
        }
    }

    /** The dilated transposed form: o' = s(i' - 1) + a + d(k - 1) + 1 - 2p. */
    @Test
    void dilatedTransposedConvolution() {
        for (int i = 1; i <= MAX_I; i++) {
            for (int k = 1; k <= 4; k++) {
                for (int d = 1; d <= 3; d++) {
                    for (int s = 1; s <= 3; s++) {
                        for (int p = 0; p <= 2; p++) {
                            for (int a = 0; a < Math.max(s, d); a++) {
                                int expected = s * (i - 1) + a + d * (k - 1) + 1 - 2 * p;
                                String where = "i'=" + i + " k=" + k + " d=" + d + " s=" + s + " p=" + p + " a=" + a;
                                checkT(expected, i, k, s, p, a, d, where);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The expected size, or, when the padding cuts away the whole output, a refusal with the arithmetic. */
    private static void checkT(int expected, int i, int k, int s, int p, int a, int d, String where) {
        if (expected >= 1) {
            assertEquals(expected, convT(i, k, s, p, a, d), where);
            return;
        }
        UserInputException x = assertThrows(UserInputException.class, () -> convT(i, k, s, p, a, d), where);
        assertTrue(x.getMessage().contains("- 2*") && x.getMessage().contains("less padding"), where + ": " + x.getMessage());
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
