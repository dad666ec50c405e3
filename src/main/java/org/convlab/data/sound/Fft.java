package org.convlab.data.sound;

import org.convlab.UserInputException;

/**
 * The fast Fourier transform, radix 2, in place, written for reading: bit-reversal
 * reordering, then log2(n) passes of butterflies that join transforms of length len / 2 into
 * transforms of length len. X[k] = sum over t of x[t] e^(-2 pi i k t / n), no scaling.
 */
public final class Fft {
    private Fft() {}

    /** Whether {@code n} is a power of two (1, 2, 4, ...). */
    public static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** Refuses, in one line naming {@code option}, a window that is not a power of two from 2 to 65,536. */
    public static void requireSize(long n, String option) {
        if (!isPowerOfTwo(n) || n < 2 || n > 65536) {
            throw new UserInputException(option + ": " + n + " is not a power of two from 2 to 65,536"
                    + " (the FFT halves the window again and again): use e.g. 128, 256 or 512");
        }
    }

    /** Transforms {@code re + i im} in place; both arrays have the same power-of-two length. */
    public static void transform(double[] re, double[] im) {
        int n = re.length;
        if (n != im.length || !isPowerOfTwo(n)) {
            throw new IllegalArgumentException("FFT of " + n + " and " + im.length + " values");
        }
        // reorder by bit-reversed index, so each pass combines neighbours
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j |= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < len / 2; k++) {
                    // twiddle e^(-2 pi i k / len), computed directly (no drift from repeated products)
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = start + k;
                    int b = a + len / 2;
                    double br = re[b] * wr - im[b] * wi;
                    double bi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - br;
                    im[b] = im[a] - bi;
                    re[a] += br;
                    im[a] += bi;
                }
            }
        }
    }
}
