package org.convlab.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convlab.trace.filtering.ImageKernel;
import org.junit.jupiter.api.Test;

/**
 * Matching a 5x5 filter to the classics by cosine similarity, worked out by hand: a padded Sobel is
 * Sobel (cosine 1), a scaled negative emboss is emboss negated, and a filter between two classics
 * gets the cosine computed here.
 */
class FilterMatchTest {
    @Test
    void aPaddedSobelIsSobelAndANegatedEmbossIsEmbossNegated() {
        FilterMatch.Pair sobel = FilterMatch.match(FilterMatch.toFive(ImageKernel.named("Sobel x")));
        assertEquals("Sobel x", sobel.classic().name());
        assertFalse(sobel.negated());
        assertEquals(1, sobel.cosine(), 1e-6);

        float[] emboss = FilterMatch.toFive(ImageKernel.named("emboss"));
        for (int i = 0; i < emboss.length; i++) {
            emboss[i] *= -0.3f;
        }
        FilterMatch.Pair neg = FilterMatch.match(emboss);
        assertEquals("emboss", neg.classic().name());
        assertTrue(neg.negated());
        assertEquals(1, neg.cosine(), 1e-6);
    }

    @Test
    void theCosineIsTheNormalisedDotProduct() {
        // identity (centre 1) against a filter with centre 3 and a 4 beside it: 3 / sqrt(9 + 16) = 0.6
        float[] f = new float[25];
        f[12] = 3;
        f[13] = 4;
        assertEquals(0.6, FilterMatch.cosine(f, FilterMatch.toFive(ImageKernel.named("identity"))), 1e-9);
        // the 3x3 Gaussian sits in the middle of the 5x5, its corners zero
        float[] g = FilterMatch.toFive(ImageKernel.named("Gaussian blur 3x3"));
        assertEquals(0, g[0]);
        assertEquals(4f / 16, g[12]);
    }

    @Test
    void theBriefTrainingLearnsTheFourOrientationsAndMatchesEveryConv1Filter() {
        FilterMatch.Outcome o = FilterMatch.trainAndMatch();
        // 200 fresh bars it never saw: chance is 25 %
        assertTrue(o.accuracy() > 0.9, "accuracy " + o.accuracy());
        assertEquals(6, o.pairs().size()); // LeNet-5's conv1 has 6 filters
        for (FilterMatch.Pair p : o.pairs()) {
            assertEquals(25, p.learned().length);
            // the reported cosine is the one computed here against the (negated) padded classic
            float[] c = FilterMatch.toFive(p.classic());
            double cos = FilterMatch.cosine(p.learned(), c);
            assertEquals(p.negated() ? -cos : cos, p.cosine(), 1e-9);
        }
    }
}
