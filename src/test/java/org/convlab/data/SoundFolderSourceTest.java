package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.UserInputException;
import org.convlab.data.sound.SoundOptions;
import org.convlab.data.sound.WavWriter;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of WAV clips as a data source: classes, exact samples per resize mode, skipping, refusals. */
class SoundFolderSourceTest {
    private static final Shape WAVE4 = Shape.of(1, 1, 4);

    /** up/a.wav = 0.5, 0.25, -0.25, -0.5, 0, 0.125 (6 samples); down/b.wav = stereo, mixes to 0.25, 0.5. */
    private static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("up"));
        Files.createDirectories(dir.resolve("down"));
        Files.write(dir.resolve("up/a.wav"), WavWriter.mono16(new double[] {0.5, 0.25, -0.25, -0.5, 0, 0.125}, 8000));
        Files.write(dir.resolve("down/b.wav"), WavWriter.bytes(new double[] {0.5, 0, 0.75, 0.25}, 2, 8000, 16, false, false));
        return dir;
    }

    private static float[] sample(Dataset d, int i) {
        float[] x = new float[d.shape().size()];
        d.copySample(i, x, 0);
        return x;
    }

    private static LoadedData open(Path dir, Shape shape, ResizeMode mode, SoundOptions sound) {
        return DataSources.open(dir.toString(), shape, DataOptions.defaults().withValidationSplit(0).withResize(mode)
                .withSound(sound));
    }

    @Test
    void cropAndFitKeepTheTimeScaleStretchResamples(@TempDir Path dir) throws IOException {
        folder(dir);
        assertTrue(DataSources.isSound(dir.toString()));
        LoadedData crop = open(dir, WAVE4, ResizeMode.CENTER_CROP, SoundOptions.WAVEFORM);
        assertEquals(List.of("down", "up"), crop.train().classes());
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0}, sample(crop.train(), 0)); // padded, mixed down
        assertArrayEquals(new float[] {0.25f, -0.25f, -0.5f, 0}, sample(crop.train(), 1)); // centre crop of 6
        LoadedData stretch = open(dir, WAVE4, ResizeMode.STRETCH, SoundOptions.WAVEFORM);
        // 2 -> 4 samples at positions 0, 1/3, 2/3, 1; 6 -> 4 at positions 0, 5/3, 10/3, 5
        assertArrayEquals(new float[] {0.25f, 0.25f + 0.25f / 3, 0.25f + 0.5f / 3, 0.5f}, sample(stretch.train(), 0), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.25f - 0.5f * 2 / 3, -0.5f + 0.5f / 3, 0.125f}, sample(stretch.train(), 1), 1e-6f);
        LoadedData fit = open(dir, WAVE4, ResizeMode.FIT_PAD, SoundOptions.WAVEFORM);
        assertArrayEquals(sample(crop.train(), 0), sample(fit.train(), 0));
        assertArrayEquals(sample(stretch.train(), 1), sample(fit.train(), 1));
    }

    @Test
    void aBadFileIsSkippedWithItsReasonAsAnImageIs(@TempDir Path dir) throws IOException {
        folder(dir);
        byte[] mulaw = WavWriter.mono16(new double[] {0.5, 0.5}, 8000);
        mulaw[20] = 7;
        Files.write(dir.resolve("up/c.wav"), mulaw);
        Files.write(dir.resolve("up/d.wav"), new byte[0]);
        LoadedData d = open(dir, WAVE4, ResizeMode.CENTER_CROP, SoundOptions.WAVEFORM);
        assertEquals(2, d.train().size());
        assertEquals(List.of(new SkippedFile(dir.resolve("up/c.wav").toString(), "is \u00b5-law, not PCM or float: convert it to 16-bit PCM"),
                new SkippedFile(dir.resolve("up/d.wav").toString(), "not a WAV file (it does not start with RIFF....WAVE)")), d.skipped());
    }

    @Test
    void aSpectrogramFillsATwoDimensionalInput(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("low"));
        Files.createDirectories(dir.resolve("high"));
        double[] low = new double[1024];
        double[] high = new double[1024];
        for (int t = 0; t < 1024; t++) {
            low[t] = 0.5 * Math.sin(2 * Math.PI * 4 * t / 64); // bin 4 of 64
            high[t] = 0.5 * Math.sin(2 * Math.PI * 28 * t / 64); // bin 28 of 64
        }
        Files.write(dir.resolve("low/1.wav"), WavWriter.mono16(low, 8000));
        Files.write(dir.resolve("high/1.wav"), WavWriter.mono16(high, 8000));
        // 33 bins x 31 frames, stretched to 33 x 31: the picture as it is
        LoadedData d = open(dir, Shape.of(1, 33, 31), ResizeMode.STRETCH, new SoundOptions(true, 64, 32));
        float[] highPicture = sample(d.train(), 0);
        float[] lowPicture = sample(d.train(), 1);
        assertEquals(brightestRow(lowPicture, 33, 31), 32 - 4); // the top row is the highest bin (32)
        assertEquals(brightestRow(highPicture, 33, 31), 32 - 28);
    }

    @Test
    void refusesInputsAClipCannotBecome(@TempDir Path dir) throws IOException {
        folder(dir);
        assertEquals("a sound clip is 1D, but the model's input " + Shape.of(1, 28, 28) + " is 2D: add --spectrogram"
                + " to turn each clip into a picture, or use a model with input 1 x 1 x N",
                assertThrows(UserInputException.class, () -> open(dir, Shape.of(1, 28, 28), ResizeMode.FIT_PAD,
                        SoundOptions.WAVEFORM)).getMessage());
        assertTrue(assertThrows(UserInputException.class, () -> open(dir, Shape.of(3, 1, 4), ResizeMode.FIT_PAD,
                SoundOptions.WAVEFORM)).getMessage().startsWith("the model's input has 3 channels, but a sound clip gives 1"));
        assertTrue(assertThrows(UserInputException.class, () -> open(dir, WAVE4, ResizeMode.FIT_PAD,
                new SoundOptions(true, 64, 32))).getMessage().startsWith("--spectrogram makes a 2D picture of each clip"));
    }

    @Test
    void aFolderOfImagesIsNotSound(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.write(dir.resolve("a/x.png"), new byte[] {1});
        assertFalse(DataSources.isSound(dir.toString()));
        assertFalse(DataSources.isSound("csv:" + dir));
        assertFalse(DataSources.isSound(dir.resolve("missing").toString()));
    }

    private static int brightestRow(float[] picture, int rows, int cols) {
        int best = 0;
        double bestSum = -1;
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += picture[r * cols + c];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = r;
            }
        }
        return best;
    }
}
