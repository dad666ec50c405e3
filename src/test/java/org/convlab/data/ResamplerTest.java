package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Resize modes on small cases worked out by hand. */
class ResamplerTest {
    private static final float FILL = -7f;

    private static float[] resize(float[] src, int h, int w, int oh, int ow, ResizeMode mode) {
        float[] out = new float[oh * ow];
        Resampler.resize(out, 0, oh, ow, src, 0, h, w, mode, FILL);
        return out;
    }

    @Test
    void fitAndPadCentresA2x4ImageIn4x4WithPaddedRowsAboveAndBelow() {
        float[] src = {1, 2, 3, 4,
                       5, 6, 7, 8};
        float[] expected = {FILL, FILL, FILL, FILL,
                            1, 2, 3, 4,
                            5, 6, 7, 8,
                            FILL, FILL, FILL, FILL};
        assertArrayEquals(expected, resize(src, 2, 4, 4, 4, ResizeMode.FIT_PAD));
    }

    @Test
    void fitAndPadShrinksA4x8ImageByAreaAveragingThenPadsColumnsEqually() {
        // scale min(4/4, 4/8) = 0.5: a 2x4 image, one padded row above and one below
        float[] src = new float[32];
        for (int i = 0; i < 32; i++) {
            src[i] = i;
        }
        float[] out = resize(src, 4, 8, 4, 4, ResizeMode.FIT_PAD);
        // output (0,x) of the 2x4 block = mean of source rows 0-1, columns 2x..2x+1
        float[] expected = {FILL, FILL, FILL, FILL,
                            (0 + 1 + 8 + 9) / 4f, (2 + 3 + 10 + 11) / 4f, (4 + 5 + 12 + 13) / 4f, (6 + 7 + 14 + 15) / 4f,
                            (16 + 17 + 24 + 25) / 4f, (18 + 19 + 26 + 27) / 4f, (20 + 21 + 28 + 29) / 4f, (22 + 23 + 30 + 31) / 4f,
                            FILL, FILL, FILL, FILL};
        assertArrayEquals(expected, out, 1e-5f);
    }

    @Test
    void stretchShrinkAveragesTheCoveredPixelsWeightedByOverlap() {
        // 1x3 -> 1x2: output 0 covers [0, 1.5): (a + 0.5 b) / 1.5; output 1 covers [1.5, 3): (0.5 b + c) / 1.5
        float[] src = {3, 6, 9};
        float[] out = resize(src, 1, 3, 1, 2, ResizeMode.STRETCH);
        assertArrayEquals(new float[] {(3 + 3) / 1.5f, (3 + 9) / 1.5f}, out, 1e-5f);
    }

    @Test
    void stretchShrinkOf4x4To2x2IsTheMeanOfEach2x2Block() {
        float[] src = {1, 2, 3, 4,
                       5, 6, 7, 8,
                       9, 10, 11, 12,
                       13, 14, 15, 16};
        assertArrayEquals(new float[] {3.5f, 5.5f, 11.5f, 13.5f}, resize(src, 4, 4, 2, 2, ResizeMode.STRETCH), 1e-5f);
    }

    @Test
    void stretchEnlargeIsBilinearWithHalfPixelCentresLikePyTorch() {
        // torch.nn.functional.interpolate([[a, b]], size=4, mode='linear', align_corners=False)
        // samples at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        float a = 10;
        float b = 20;
        assertArrayEquals(new float[] {10, 12.5f, 17.5f, 20}, resize(new float[] {a, b}, 1, 2, 1, 4, ResizeMode.STRETCH), 1e-5f);
    }

    @Test
    void centreCropKeepsTheMiddleColumnsOfAWideImage() {
        float[] src = new float[32];
        for (int i = 0; i < 32; i++) {
            src[i] = i;
        }
        float[] out = resize(src, 4, 8, 4, 4, ResizeMode.CENTER_CROP);
        float[] expected = {2, 3, 4, 5, 10, 11, 12, 13, 18, 19, 20, 21, 26, 27, 28, 29};
        assertArrayEquals(expected, out, 0f);
    }

    @Test
    void centreCropOfA4x8ImageInto2x2ScalesToCoverThenCuts() {
        // scale max(2/4, 2/8) = 0.5: source window 4 x 4 starting at column 2, each output averages a 2x2 block
        float[] src = new float[32];
        for (int i = 0; i < 32; i++) {
            src[i] = i;
        }
        float[] out = resize(src, 4, 8, 2, 2, ResizeMode.CENTER_CROP);
        float[] expected = {(2 + 3 + 10 + 11) / 4f, (4 + 5 + 12 + 13) / 4f, (18 + 19 + 26 + 27) / 4f, (20 + 21 + 28 + 29) / 4f};
        assertArrayEquals(expected, out, 1e-5f);
    }

    @Test
    void sameSizeIsAnExactCopyInEveryMode() {
        float[] src = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        for (ResizeMode mode : ResizeMode.values()) {
            assertArrayEquals(src, resize(src, 2, 3, 2, 3, mode), 0f, mode.name());
        }
    }

    @Test
    void areaAveragingKeepsTheMeanBrightnessWhenShrinkingByANonIntegerFactor() {
        // a 1-pixel line in a 10x10 image shrunk to 3x3: the total ink is preserved (up to the area scale)
        float[] src = new float[100];
        for (int x = 0; x < 10; x++) {
            src[4 * 10 + x] = 1;
        }
        float[] out = resize(src, 10, 10, 3, 3, ResizeMode.STRETCH);
        double sum = 0;
        for (float v : out) {
            sum += v;
        }
        assertEquals(10.0 / 100 * 9, sum, 1e-5);
    }
}
