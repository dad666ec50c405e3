package org.convlab.data.sound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Resampling, cropping and padding, with values worked out by hand. */
class ClipFitTest {
    private static float[] fit(float[] clip, int n, ClipFit.Mode mode) {
        float[] out = new float[n + 2];
        out[0] = 99;
        out[n + 1] = 99;
        ClipFit.fit(clip, out, 1, n, mode);
        // nothing written outside the slot
        assertArrayEquals(new float[] {99, 99}, new float[] {out[0], out[n + 1]});
        return java.util.Arrays.copyOfRange(out, 1, n + 1);
    }

    @Test
    void stretchInterpolatesLinearlyKeepingBothEnds() {
        // 4 samples to 7: positions 0, 0.5, 1, ..., 3
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 2, 2.5f, 3}, fit(new float[] {0, 1, 2, 3}, 7, ClipFit.Mode.STRETCH));
        // 5 samples to 3: positions 0, 2, 4
        assertArrayEquals(new float[] {0, 20, 40}, fit(new float[] {0, 10, 20, 30, 40}, 3, ClipFit.Mode.STRETCH));
        // 3 samples to 5: positions 0, 0.5, 1, 1.5, 2
        assertArrayEquals(new float[] {4, 2, 0, -2, -4}, fit(new float[] {4, 0, -4}, 5, ClipFit.Mode.STRETCH));
        assertArrayEquals(new float[] {7, 7, 7}, fit(new float[] {7}, 3, ClipFit.Mode.STRETCH));
    }

    @Test
    void cropCutsEqualPartsFromBothEndsTheOddOneAtTheEnd() {
        assertArrayEquals(new float[] {3, 4, 5}, fit(new float[] {1, 2, 3, 4, 5, 6, 7}, 3, ClipFit.Mode.CROP));
        assertArrayEquals(new float[] {2, 3, 4}, fit(new float[] {1, 2, 3, 4, 5, 6}, 3, ClipFit.Mode.CROP));
    }

    @Test
    void shortClipsArePaddedWithSilenceOnBothSides() {
        assertArrayEquals(new float[] {0, 1, 2, 0, 0}, fit(new float[] {1, 2}, 5, ClipFit.Mode.CROP));
        assertArrayEquals(new float[] {0, 1, 2, 0}, fit(new float[] {1, 2}, 4, ClipFit.Mode.FIT));
    }

    @Test
    void fitPadsShortClipsAndResamplesLongOnes() {
        assertArrayEquals(new float[] {0, 5, 6, 7, 0}, fit(new float[] {5, 6, 7}, 5, ClipFit.Mode.FIT));
        assertArrayEquals(new float[] {0, 20, 40}, fit(new float[] {0, 10, 20, 30, 40}, 3, ClipFit.Mode.FIT));
        assertArrayEquals(new float[] {1, 2, 3}, fit(new float[] {1, 2, 3}, 3, ClipFit.Mode.FIT));
    }
}
