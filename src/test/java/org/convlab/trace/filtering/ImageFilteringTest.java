package org.convlab.trace.filtering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convlab.UserInputException;
import org.convlab.trace.filtering.ImageFiltering.Channels;
import org.convlab.trace.filtering.ImageFiltering.Result;
import org.junit.jupiter.api.Test;

/**
 * Hand-made kernels on images, checked by exact arithmetic worked out here: a ramp's slope through
 * Sobel, a constant through the blurs, the identity, and the flip that turns cross-correlation
 * into convolution.
 */
class ImageFilteringTest {
    /** A one-channel h x w image whose pixel (r, c) is c: a left-to-right ramp. */
    private static float[] ramp(int h, int w) {
        float[] x = new float[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                x[r * w + c] = c;
            }
        }
        return x;
    }

    @Test
    void sobelXOnARampIsPlus8AndFlippedItIsMinus8() {
        // cross-correlation: (1 + 2 + 1)(c + 1) - (1 + 2 + 1)(c - 1) = 8 everywhere inside
        ImageKernel sobel = ImageKernel.named("Sobel x");
        Result r = ImageFiltering.apply(ramp(6, 7), 1, 6, 7, sobel, false, 1, 0, Channels.EACH);
        assertEquals(4, r.height());
        assertEquals(5, r.width());
        for (float v : r.values()) {
            assertEquals(8f, v, 0f);
        }
        Result flipped = ImageFiltering.apply(ramp(6, 7), 1, 6, 7, sobel, true, 1, 0, Channels.EACH);
        for (float v : flipped.values()) {
            assertEquals(-8f, v, 0f); // true convolution turns the kernel: the edge reads the other way
        }
        assertTrue(sobel.asymmetric());
        assertTrue(ImageKernel.named("emboss").asymmetric());
        for (String symmetric : List.of("identity", "box blur", "Gaussian blur 3x3", "Gaussian blur 5x5", "sharpen",
                "Laplacian")) {
            assertFalse(ImageKernel.named(symmetric).asymmetric(), symmetric);
        }
    }

    @Test
    void theIdentityGivesTheImageBackAndPaddingKeepsItsSize() {
        float[] x = new float[3 * 5 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 37 % 101) / 101f;
        }
        Result r = ImageFiltering.apply(x, 3, 5, 4, ImageKernel.named("identity"), false, 1, 1, Channels.EACH);
        assertEquals(3, r.channels());
        assertEquals(5, r.height());
        assertEquals(4, r.width());
        assertArrayEquals(x, r.values(), 0f);
        assertEquals("rows (5 - 3 + 2*1)/1 + 1 = 5, columns (4 - 3 + 2*1)/1 + 1 = 4", r.formula());
    }

    @Test
    void blursKeepAConstantAndSummedChannelsAddUp() {
        float[] grey = new float[9 * 9];
        java.util.Arrays.fill(grey, 0.75f);
        // the Gaussians' weights are k/16 and k/256, exact in binary, and add up to exactly 1
        for (String blur : List.of("Gaussian blur 3x3", "Gaussian blur 5x5")) {
            for (float v : ImageFiltering.apply(grey, 1, 9, 9, ImageKernel.named(blur), false, 1, 0, Channels.EACH).values()) {
                assertEquals(0.75f, v, 0f, blur);
            }
        }
        for (float v : ImageFiltering.apply(grey, 1, 9, 9, ImageKernel.named("box blur"), false, 1, 0, Channels.EACH).values()) {
            assertEquals(0.75f, v, 1e-6f); // 1/9 is not exact in binary
        }
        // R = 1, G = 2, B = 3 everywhere: the identity on the summed channels gives 1 + 2 + 3
        float[] rgb = new float[3 * 4 * 4];
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(rgb, c * 16, (c + 1) * 16, c + 1);
        }
        Result summed = ImageFiltering.apply(rgb, 3, 4, 4, ImageKernel.named("identity"), false, 1, 0, Channels.SUMMED);
        assertEquals(1, summed.channels());
        for (float v : summed.values()) {
            assertEquals(6f, v, 0f);
        }
        // and the Laplacian of any constant is 0 inside
        for (float v : ImageFiltering.apply(grey, 1, 9, 9, ImageKernel.named("Laplacian"), false, 1, 0, Channels.EACH).values()) {
            assertEquals(0f, v, 0f);
        }
    }

    @Test
    void strideAndPaddingGiveTheLayersSizesAndTheFloorIsSaid() {
        Result r = ImageFiltering.apply(ramp(7, 7), 1, 7, 7, ImageKernel.named("Sobel x"), false, 2, 1, Channels.EACH);
        assertEquals(4, r.height()); // (7 - 3 + 2)/2 + 1
        assertEquals("(7 - 3 + 2*1)/2 + 1 = 4", r.formula());
        Result floor = ImageFiltering.apply(ramp(8, 8), 1, 8, 8, ImageKernel.named("identity"), false, 2, 0, Channels.EACH);
        assertEquals(3, floor.height()); // (8 - 3)/2 + 1 = 3.5, rounded down
        assertTrue(floor.formula().startsWith("floor(8 - 3 + 2*0)/2 + 1 = 3"), floor.formula());
        UserInputException e = assertThrows(UserInputException.class,
                () -> ImageFiltering.apply(ramp(2, 2), 1, 2, 2, ImageKernel.named("Gaussian blur 5x5"), false, 1, 0, Channels.EACH));
        assertTrue(e.getMessage().contains("5x5 kernel is larger than the 2x2 image"), e.getMessage());
    }

    @Test
    void aResultPixelsWindowIsTheEnginesSumTermByTerm() {
        float[] x = ramp(6, 7);
        Result r = ImageFiltering.apply(x, 1, 6, 7, ImageKernel.named("Sobel x"), false, 1, 1, Channels.EACH);
        // at the top-left corner only the 2 x 2 pixels inside the image count (the padding adds 0)
        List<ImageFiltering.Term> corner = ImageFiltering.window(x, r, 0, 0, 0);
        assertEquals(4, corner.size());
        // weights 0, 2 (row 1) and 0, 1 (row 2) over pixels 0, 1, 0, 1: 2 + 1 = 3
        assertEquals(3f, corner.get(corner.size() - 1).sum(), 0f);
        assertEquals(r.values()[0], corner.get(corner.size() - 1).sum(), 0f);
        List<ImageFiltering.Term> inside = ImageFiltering.window(x, r, 0, 2, 3);
        assertEquals(9, inside.size());
        assertEquals(8f, inside.get(8).sum(), 0f);
        assertEquals(r.values()[2 * 7 + 3], inside.get(8).sum(), 0f);
    }

    @Test
    void typedKernelsParseFractionsAndADivisorAndRefuseWhatIsNotAKernel() {
        ImageKernel k = ImageKernel.parse("mine", "1 2 1; 2 4 2; 1 2 1 / 16");
        assertArrayEquals(new float[] {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f},
                k.weights(), 0f);
        assertArrayEquals(new float[] {1 / 9f, -0.5f, 3f}, ImageKernel.parse("row", "1/9, -0.5, 3").weights(), 0f);
        assertEquals(1, ImageKernel.parse("row", "1/9, -0.5, 3").rows());
        assertEquals(5, ImageKernel.parse("tall", "1\n2\n3\n4\n5").rows());
        for (String[] bad : new String[][] {
            {"1 2; 3 4", "2 x 2 has no centre pixel"},
            {"1 2 1; 2 4; 1 2 1", "row 2 has 2 weights, the first row has 3"},
            {"1 x 1; 1 1 1; 1 1 1", "row 1, weight 2 is 'x', not a number"},
            {"1 1 1 / 0", "divided by 0"},
            {"1/0 1 1", "a fraction over 0"},
            {"", "no weights"},
            {"1e9", "between -1000000 and 1000000"}}) {
            UserInputException e = assertThrows(UserInputException.class, () -> ImageKernel.parse("typed", bad[0]), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + " -> " + e.getMessage());
        }
        UserInputException e = assertThrows(UserInputException.class, () -> ImageKernel.named("blurry"));
        assertTrue(e.getMessage().contains("Sobel x"), e.getMessage());
    }
}
