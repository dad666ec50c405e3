package org.convlab.data.sound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample set is what the generator writes, and each class sounds as its name
 * says, judged by the spectrogram (not by a model).
 */
class SoundSamplesTest {
    private static final Path COMMITTED = Path.of("sample-images/sounds");

    @Test
    void theCommittedClipsAreWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        // clips are drawn index by index across the classes, so the first two of each come first
        SoundSamples.write(dir, 2, 16);
        for (String c : SoundSamples.CLASSES) {
            for (String f : new String[] {"000.wav", "001.wav"}) {
                assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(c).resolve(f)), Files.readAllBytes(dir.resolve(c).resolve(f)),
                        c + "/" + f);
            }
            try (var files = Files.list(COMMITTED.resolve(c))) {
                assertEquals(60, files.count(), c);
            }
        }
    }

    @Test
    void everyCommittedClipIsAnEightKilohertzMonoClipOfAQuarterToHalfASecond() throws IOException {
        for (String c : SoundSamples.CLASSES) {
            try (var files = Files.list(COMMITTED.resolve(c))) {
                for (Path f : files.toList()) {
                    WavFile.Clip clip = WavFile.read(f);
                    assertEquals(8000, clip.sampleRate());
                    assertEquals(1, clip.channels());
                    assertEquals(16, clip.bitsPerSample());
                    assertTrue(clip.seconds() >= 0.25 && clip.seconds() <= 0.5, f + " lasts " + clip.seconds());
                }
            }
        }
    }

    @Test
    void eachClassSoundsAsItsNameSays() {
        Random random = new Random(5);
        for (int i = 0; i < 10; i++) {
            Spectrogram rising = spectrogram(0, random);
            assertTrue(peak(rising, 1) < peak(rising, rising.frames() - 2), "a rising chirp rises");
            Spectrogram falling = spectrogram(1, random);
            assertTrue(peak(falling, 1) > peak(falling, falling.frames() - 2), "a falling chirp falls");
            Spectrogram tone = spectrogram(2, random);
            assertTrue(Math.abs(peak(tone, 1) - peak(tone, tone.frames() - 2)) <= 1, "a tone stays");
            Spectrogram two = spectrogram(3, random);
            assertEquals(2, strongPeaks(two, two.frames() / 2), "two tones at once");
            Spectrogram noise = spectrogram(4, random);
            assertTrue(energy(noise, 1) > 2 * energy(noise, noise.frames() - 2), "a noise burst dies away");
            assertTrue(strongPeaks(noise, 1) > 5, "noise covers many frequencies");
        }
    }

    private static Spectrogram spectrogram(int c, Random random) {
        double[] x = SoundSamples.clip(c, random);
        float[] f = new float[x.length];
        for (int t = 0; t < x.length; t++) {
            f[t] = (float) x[t];
        }
        return Spectrogram.of(f, 256, 128);
    }

    private static int peak(Spectrogram s, int frame) {
        int best = 0;
        for (int b = 1; b < s.bins(); b++) {
            if (s.at(b, frame) > s.at(best, frame)) {
                best = b;
            }
        }
        return best;
    }

    /** Local maxima above half the frame's highest value. */
    private static int strongPeaks(Spectrogram s, int frame) {
        float top = s.at(peak(s, frame), frame);
        int n = 0;
        for (int b = 1; b + 1 < s.bins(); b++) {
            float v = s.at(b, frame);
            if (v > top / 2 && v > s.at(b - 1, frame) && v >= s.at(b + 1, frame)) {
                n++;
            }
        }
        return n;
    }

    private static double energy(Spectrogram s, int frame) {
        double sum = 0;
        for (int b = 0; b < s.bins(); b++) {
            sum += Math.expm1(s.at(b, frame));
        }
        return sum;
    }
}
