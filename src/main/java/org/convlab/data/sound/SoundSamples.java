package org.convlab.data.sound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The sample sound set of {@code sample-images/sounds/}: five classes of short clips, 8 kHz
 * 16-bit mono, 0.25 to 0.5 s long, each with a random pitch, length, loudness and background
 * hiss, deterministic for a seed (StrictMath and java.util.Random give the same bytes on every
 * JVM):
 * <ul>
 *   <li>{@code rising-chirp}: a sweep up from 200-700 Hz by a factor of 2 to 4;</li>
 *   <li>{@code falling-chirp}: the same sweep downwards;</li>
 *   <li>{@code tone}: one steady pitch, 200-2,500 Hz;</li>
 *   <li>{@code two-tones}: two steady pitches at once, 1.25 to 2 times apart;</li>
 *   <li>{@code noise-burst}: white noise that starts at once and dies away.</li>
 * </ul>
 * Run: {@code java -cp target/convlab.jar org.convlab.data.sound.SoundSamples [DIR [PER_CLASS [SEED]]]}
 * (defaults: sample-images/sounds, 60, 16).
 */
public final class SoundSamples {
    public static final int RATE = 8000;
    public static final List<String> CLASSES = List.of("rising-chirp", "falling-chirp", "tone", "two-tones", "noise-burst");

    private SoundSamples() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-images/sounds");
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 16;
        write(dir, perClass, seed);
        System.out.println("wrote " + perClass * CLASSES.size() + " clips to " + dir);
    }

    /** Writes {@code dir/<class>/NNN.wav}, {@code perClass} clips of each class. */
    public static void write(Path dir, int perClass, long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < CLASSES.size(); c++) {
                Path folder = dir.resolve(CLASSES.get(c));
                Files.createDirectories(folder);
                double[] clip = clip(c, random);
                Files.write(folder.resolve(String.format(java.util.Locale.ROOT, "%03d.wav", i)), WavWriter.mono16(clip, RATE));
            }
        }
    }

    /** One clip of class {@code c} (an index into {@link #CLASSES}) in [-1, 1]. */
    static double[] clip(int c, Random random) {
        int n = (int) Math.round(RATE * (0.25 + 0.25 * random.nextDouble()));
        double loudness = 0.2 + 0.7 * random.nextDouble();
        double hiss = 0.03 * random.nextDouble();
        double[] x = new double[n];
        double seconds = (double) n / RATE;
        switch (c) {
            case 0, 1 -> {
                double low = 200 + 500 * random.nextDouble();
                double high = low * (2 + 2 * random.nextDouble());
                // an exponential sweep: the pitch rises (or falls) by the same ratio each moment
                double from = c == 0 ? low : high;
                double to = c == 0 ? high : low;
                double k = StrictMath.log(to / from) / seconds;
                for (int t = 0; t < n; t++) {
                    double time = (double) t / RATE;
                    x[t] = StrictMath.sin(2 * StrictMath.PI * from * (StrictMath.exp(k * time) - 1) / k);
                }
            }
            case 2 -> tone(x, 200 + 2300 * random.nextDouble(), random.nextDouble(), 1);
            case 3 -> {
                double f = 200 + 1000 * random.nextDouble();
                tone(x, f, random.nextDouble(), 0.5);
                tone(x, f * (1.25 + 0.75 * random.nextDouble()), random.nextDouble(), 0.5);
            }
            default -> {
                double decay = 4 + 8 * random.nextDouble(); // dies away to e^-decay by the end
                for (int t = 0; t < n; t++) {
                    x[t] = 0.5 * random.nextGaussian() * StrictMath.exp(-decay * t / n);
                }
            }
        }
        int fade = RATE / 100; // 10 ms in and out, so no clip starts with a click
        for (int t = 0; t < n; t++) {
            double edge = Math.min(1, Math.min(t, n - 1 - t) / (double) fade);
            x[t] = Math.max(-1, Math.min(1, loudness * edge * x[t] + hiss * random.nextGaussian()));
        }
        return x;
    }

    /** Adds a sine of {@code f} Hz starting at phase {@code phase} (in turns), scaled by {@code amplitude}. */
    private static void tone(double[] x, double f, double phase, double amplitude) {
        for (int t = 0; t < x.length; t++) {
            x[t] += amplitude * StrictMath.sin(2 * StrictMath.PI * (f * t / RATE + phase));
        }
    }
}
