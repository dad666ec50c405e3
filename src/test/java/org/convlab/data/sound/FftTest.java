package org.convlab.data.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;

/** The FFT against the DFT's definition and transforms known in closed form; the spectrogram's bins. */
class FftTest {
    @Test
    void agreesWithTheNaiveDftOnRandomSignals() {
        Random random = new Random(16);
        for (int n = 1; n <= 512; n *= 2) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = random.nextGaussian();
                im[i] = random.nextGaussian();
            }
            double[] dftRe = new double[n];
            double[] dftIm = new double[n];
            for (int k = 0; k < n; k++) {
                for (int t = 0; t < n; t++) {
                    double a = -2 * Math.PI * k * t / n;
                    dftRe[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                    dftIm[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
                }
            }
            Fft.transform(re, im);
            for (int k = 0; k < n; k++) {
                assertEquals(dftRe[k], re[k], 1e-9 * n, "n " + n + " re[" + k + "]");
                assertEquals(dftIm[k], im[k], 1e-9 * n, "n " + n + " im[" + k + "]");
            }
        }
    }

    @Test
    void anImpulseHasAFlatSpectrumAndAConstantOnlyBinZero() {
        double[] re = new double[8];
        double[] im = new double[8];
        re[0] = 1;
        Fft.transform(re, im);
        for (int k = 0; k < 8; k++) {
            assertEquals(1, re[k], 1e-12);
            assertEquals(0, im[k], 1e-12);
        }
        java.util.Arrays.fill(re, 3);
        java.util.Arrays.fill(im, 0);
        Fft.transform(re, im);
        assertEquals(24, re[0], 1e-12);
        for (int k = 1; k < 8; k++) {
            assertEquals(0, Math.hypot(re[k], im[k]), 1e-12);
        }
    }

    @Test
    void aCosineAtBinKGivesHalfOfNAtKAndNMinusK() {
        int n = 64;
        for (int k = 1; k < n / 2; k++) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int t = 0; t < n; t++) {
                re[t] = Math.cos(2 * Math.PI * k * t / n);
            }
            Fft.transform(re, im);
            for (int j = 0; j < n; j++) {
                double expected = j == k || j == n - k ? n / 2.0 : 0;
                assertEquals(expected, Math.hypot(re[j], im[j]), 1e-9, "k " + k + " bin " + j);
            }
        }
    }

    @Test
    void aPureToneAtBinKPeaksAtBinKInEveryFrame() {
        int window = 256;
        int rate = 8000;
        for (int k : new int[] {3, 10, 47, 100, 127}) {
            double f = (double) k * rate / window; // bin k's frequency
            float[] clip = new float[2000];
            for (int t = 0; t < clip.length; t++) {
                clip[t] = (float) (0.5 * Math.sin(2 * Math.PI * f * t / rate));
            }
            Spectrogram s = Spectrogram.of(clip, window, 128);
            assertEquals(129, s.bins());
            assertEquals(1 + (2000 - 256) / 128, s.frames());
            for (int frame = 0; frame < s.frames(); frame++) {
                int peak = 0;
                for (int b = 1; b < s.bins(); b++) {
                    if (s.at(b, frame) > s.at(peak, frame)) {
                        peak = b;
                    }
                }
                assertEquals(k, peak, "tone at bin " + k + ", frame " + frame);
                // a Hann-windowed sine of amplitude A at a bin centre: |X[k]| = A * window / 4
                assertEquals(Math.log1p(0.5 * window / 4), s.at(k, frame), 1e-4);
            }
            // the top row of the picture is the highest frequency
            assertEquals(s.at(s.bins() - 1, 0), s.values()[0]);
        }
    }

    @Test
    void aClipShorterThanTheWindowIsOneFrame() {
        Spectrogram s = Spectrogram.of(new float[] {1, 0, 0}, 8, 4);
        assertEquals(1, s.frames());
        assertEquals(5, s.bins());
        // one sample of 1 times hann[0] = 0: all silence
        for (int b = 0; b < 5; b++) {
            assertEquals(0, s.at(b, 0));
        }
    }

    @Test
    void refusesWindowsThatAreNotPowersOfTwo() {
        String m = assertThrows(UserInputException.class, () -> Fft.requireSize(100, "--window")).getMessage();
        assertEquals("--window: 100 is not a power of two from 2 to 65,536 (the FFT halves the window again and again):"
                + " use e.g. 128, 256 or 512", m);
        assertThrows(UserInputException.class, () -> new SoundOptions(true, 300, 128));
    }
}
