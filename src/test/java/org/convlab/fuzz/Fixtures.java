package org.convlab.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.convlab.cli.ConvLabCommand;
import org.convlab.model.ModelFiles;
import org.convlab.model.ModelWriter;

/**
 * The valid files the fuzz cases start from, made fresh in the work folder: a trained MNIST-1D
 * model (base64 and readable tensors) and its checkpoint, written by ConvLab itself; a CSV of
 * signals; a JSON tensor and .npy v1/v2 arrays of one signal; a PNG and a JPEG; IDX files.
 */
final class Fixtures {
    final Path dir;
    final Path csv;
    final Path modelBase64;
    final Path modelReadable;
    final Path checkpoint;
    final Path jsonTensor;
    final Path npyV1;
    final Path npyV2;
    final Path png;
    final Path jpeg;
    final byte[] idxImages;
    final byte[] idxLabels;

    Fixtures(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        csv = signals(dir.resolve("signals.csv"), 40, 7);
        modelBase64 = dir.resolve("model.json");
        Path ckptDir = dir.resolve("ckpt");
        quietly("train", "preset:mnist1d", "--data", "csv:" + csv, "--epochs", "1", "--batch", "8", "--threads", "1",
                "--seed", "3", "--out", modelBase64.toString(), "--checkpoint-dir", ckptDir.toString());
        Path written;
        try (var files = Files.list(ckptDir)) {
            written = files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("train --checkpoint-dir wrote no checkpoint into " + ckptDir));
        }
        // the checkpoint records timings; zero them so that a seed gives the same bytes on every run
        com.fasterxml.jackson.databind.JsonNode tree = JsonMutator.parse(Files.readAllBytes(written));
        for (String timing : List.of("elapsed", "eta", "images_per_second")) {
            tree.findParents(timing).forEach(o -> ((com.fasterxml.jackson.databind.node.ObjectNode) o).put(timing, 0));
        }
        checkpoint = dir.resolve(written.getFileName());
        Files.writeString(checkpoint, JsonMutator.write(tree), StandardCharsets.UTF_8);
        modelReadable = dir.resolve("model-readable.json");
        Files.writeString(modelReadable, ModelWriter.write(ModelFiles.read(modelBase64), true), StandardCharsets.UTF_8);

        float[] signal = new float[40];
        for (int i = 0; i < 40; i++) {
            signal[i] = i >= 5 && i < 12 ? 1f : 0.1f * (i % 3);
        }
        StringBuilder data = new StringBuilder();
        for (float v : signal) {
            data.append(data.length() == 0 ? "" : ", ").append(v);
        }
        jsonTensor = dir.resolve("signal.json");
        Files.writeString(jsonTensor, "{\"shape\": [1, 1, 40], \"data\": [" + data + "]}");
        npyV1 = dir.resolve("signal.npy");
        Files.write(npyV1, npy(1, "<f4", "(1, 1, 40)", signal));
        npyV2 = dir.resolve("signal-v2.npy");
        Files.write(npyV2, npy(2, "<f4", "(40,)", signal));

        png = dir.resolve("x.png");
        ImageIO.write(image(9, 9, 5), "png", png.toFile());
        jpeg = dir.resolve("o.jpg");
        ImageIO.write(image(32, 32, 6), "jpeg", jpeg.toFile());

        int count = 20;
        byte[] pixels = new byte[count * 81];
        new SplittableRandom(9).nextBytes(pixels);
        idxImages = idx(new int[] {0x00000803, count, 9, 9}, pixels);
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 2);
        }
        idxLabels = idx(new int[] {0x00000801, count}, labels);
    }

    /** Rows of "label, 40 values" in ten classes, the MNIST-1D preset's input. */
    static Path signals(Path file, int rows, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            int label = r % 10;
            text.append(label);
            for (int t = 0; t < 40; t++) {
                double bump = t >= 3 * label && t < 3 * label + 6 ? 1 : 0;
                text.append(String.format(Locale.ROOT, ",%.4f", bump + 0.2 * rng.nextDouble()));
            }
            text.append('\n');
        }
        Files.writeString(file, text);
        return file;
    }

    /** A .npy file as numpy.save writes it: version 1 (2-byte header length) or 2 (4-byte). */
    static byte[] npy(int version, String descr, String shape, float[] values) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int prefix = version == 1 ? 10 : 12;
        int pad = (64 - (prefix + dict.length() + 1) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(prefix + header.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) header.length);
        } else {
            b.putInt(header.length);
        }
        b.put(header);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] idx(int[] header, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(4 * header.length + body.length);
        for (int h : header) {
            b.putInt(h);
        }
        return b.put(body).array();
    }

    static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(in);
        }
        return out.toByteArray();
    }

    private static BufferedImage image(int w, int h, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x == y || x == w - 1 - y) ? 0 : 200 + rng.nextInt(56);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /** Runs the CLI in this JVM for a fixture; it must succeed. */
    private static void quietly(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int code;
        try {
            PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
            System.setOut(p);
            System.setErr(p);
            code = ConvLabCommand.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        if (code != 0) {
            throw new IllegalStateException("fixture command failed (exit " + code + "): " + String.join(" ", args)
                    + "\n" + sink.toString(StandardCharsets.UTF_8));
        }
    }
}
