package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Normalisations, with statistics measured on the training split only and reused for validation and test. */
class NormalizationTest {
    private static final Shape IN = Shape.of(1, 2, 3);

    @TempDir
    Path dir;

    /** Raw byte of pixel p of image i: spreads over 0..255 unevenly so mean and std are not trivial. */
    private static int raw(int i, int p) {
        return (i * 37 + p * p * 11) % 256;
    }

    private void write(String prefix, int n, int first) throws IOException {
        byte[] pixels = new byte[n * 6];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 6; p++) {
                pixels[i * 6 + p] = (byte) raw(first + i, p);
            }
            labels[i] = i % 2;
        }
        TestFiles.idxImages(dir.resolve(prefix + "-images-idx3-ubyte"), IdxSource.IMAGES_MAGIC, n, 2, 3, pixels, false);
        TestFiles.idxLabels(dir.resolve(prefix + "-labels-idx1-ubyte"), IdxSource.LABELS_MAGIC, labels, false);
    }

    @Test
    void standardizeMeasuresMeanAndStdOnTheTrainingSplitAndAppliesThemEverywhere() throws IOException {
        write("train", 20, 0);
        write("t10k", 4, 100);
        LoadedData data = DataSources.open("idx:" + dir, IN,
                DataOptions.defaults().withValidationSplit(0.25).withSeed(3).withNormalization(Normalization.STANDARDIZE));
        SubsetDataset train = (SubsetDataset) data.train();
        SubsetDataset validation = (SubsetDataset) data.validation();
        // two classes of 10: round(10 * 0.25) = round(2.5) = 3 of each held out
        assertEquals(14, train.size());
        assertEquals(6, validation.size());
        // expected statistics, in double, from the raw bytes of the training samples only
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < train.size(); k++) {
            for (int p = 0; p < 6; p++) {
                double v = raw(train.parentIndex(k), p) / 255.0;
                sum += v;
                sumSq += v * v;
            }
        }
        double mean = sum / 84;
        double std = Math.sqrt(sumSq / 84 - mean * mean);
        assertEquals(mean, data.normalization().mean()[0], 1e-6);
        assertEquals(std, data.normalization().std()[0], 1e-6);
        float[] x = new float[6];
        validation.copySample(0, x, 0);
        int source = validation.parentIndex(0);
        for (int p = 0; p < 6; p++) {
            assertEquals((raw(source, p) / 255.0 - mean) / std, x[p], 1e-5);
        }
        data.test().copySample(2, x, 0);
        for (int p = 0; p < 6; p++) {
            assertEquals((raw(102, p) / 255.0 - mean) / std, x[p], 1e-5);
        }
    }

    @Test
    void symmetricMapsBlackToMinusOneAndWhiteToOne() throws IOException {
        TestFiles.uniformPng(dir.resolve("a/black.png"), 4, 0);
        TestFiles.uniformPng(dir.resolve("b/white.png"), 4, 255);
        LoadedData data = DataSources.open(dir.toString(), Shape.of(1, 4, 4),
                DataOptions.defaults().withValidationSplit(0).withNormalization(Normalization.SYMMETRIC));
        float[] x = new float[16];
        data.train().copySample(0, x, 0);
        assertEquals(-1f, x[0], 0f);
        data.train().copySample(1, x, 0);
        assertEquals(1f, x[0], 0f);
    }

    @Test
    void fixedStatisticsFromATrainedModelAreAppliedAsGiven() throws IOException {
        write("train", 4, 0);
        ChannelStats stats = new ChannelStats(new float[] {0.25f}, new float[] {0.5f});
        LoadedData data = DataSources.open("idx:" + dir, IN, DataOptions.defaults().withValidationSplit(0), stats);
        float[] x = new float[6];
        data.train().copySample(1, x, 0);
        assertEquals((raw(1, 4) / 255f - 0.25f) / 0.5f, x[4], 1e-6f);
        assertEquals(stats, data.normalization());
    }

    @Test
    void csvValuesAreKeptAsStoredUnlessStandardized(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s.csv");
        java.nio.file.Files.writeString(file, "0,1,3\n1,5,7\n");
        LoadedData unit = DataSources.open("csv:" + file, Shape.of(1, 1, 2),
                DataOptions.defaults().withValidationSplit(0).withNormalization(Normalization.SYMMETRIC));
        float[] x = new float[2];
        unit.train().copySample(1, x, 0);
        assertEquals(5f, x[0], 0f);
        LoadedData standard = DataSources.open("csv:" + file, Shape.of(1, 1, 2),
                DataOptions.defaults().withValidationSplit(0).withNormalization(Normalization.STANDARDIZE));
        // values 1, 3, 5, 7: mean 4, population std sqrt(5)
        standard.train().copySample(0, x, 0);
        assertEquals((1 - 4) / Math.sqrt(5), x[0], 1e-6);
    }
}
