package org.convlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.trace.filtering.ImageFiltering;
import org.convlab.trace.filtering.ImageFiltering.Channels;
import org.convlab.trace.filtering.ImageFiltering.Result;
import org.convlab.trace.filtering.ImageKernel;
import org.junit.jupiter.api.Test;

/**
 * A hovered pixel's arithmetic as text, on a tiny RGB image worked out by hand: each channel's
 * partial sum, their total (the conv's value), and one window's products row by row.
 */
class WindowTextTest {
    @Test
    void summedChannelsListEachPartialSumAndTheTotal() {
        // 3 channels of 3x3: R all 1, G all 2, B all 0.5; box of ones (weights 1): partial sums 9, 18, 4.5
        float[] x = new float[27];
        for (int i = 0; i < 9; i++) {
            x[i] = 1;
            x[9 + i] = 2;
            x[18 + i] = 0.5f;
        }
        ImageKernel ones = ImageKernel.parse("ones", "1 1 1; 1 1 1; 1 1 1");
        Result r = ImageFiltering.apply(x, 3, 3, 3, ones, false, 1, 0, Channels.SUMMED);
        assertEquals(31.5f, r.values()[0], 0f);
        String text = WindowText.of(ImageFiltering.window(x, r, 0, 0, 0), 3, 3, true, 0, 0, 0);
        assertTrue(text.startsWith("result (row 0, col 0) = 31.5\n"), text);
        assertTrue(text.contains("R: 9 products, sum 9\n"), text);
        assertTrue(text.contains("G: 9 products, sum 18\n"), text);
        assertTrue(text.contains("B: 9 products, sum 4.50\n"), text);
        assertTrue(text.contains("R + G + B = 31.5"), text);
        assertTrue(text.endsWith("  1×1 + 1×1 + 1×1\n  1×1 + 1×1 + 1×1\n  1×1 + 1×1 + 1×1"), text);
    }

    @Test
    void paddingZerosAreLeftOutOfTheProducts() {
        float[] x = {1, 2, 3, 4};
        Result r = ImageFiltering.apply(x, 1, 2, 2, ImageKernel.named("identity"), false, 1, 2, Channels.EACH);
        // output (0,0)'s window is input rows/cols -2..0: only input (0,0) = 1 is inside, under weight 0
        String text = WindowText.of(ImageFiltering.window(x, r, 0, 0, 0), 1, 3, false, 0, 0, 0);
        assertEquals("result (row 0, col 0) = 0\n  pixel × weight:\n  1×0", text);
    }
}
