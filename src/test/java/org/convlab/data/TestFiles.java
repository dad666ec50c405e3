package org.convlab.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Builders of small image, IDX and CSV files for the data tests. */
final class TestFiles {
    private TestFiles() {}

    /** A grey PNG of the given rows (values 0..255). */
    static Path greyPng(Path file, int[][] rows) throws IOException {
        int h = rows.length;
        int w = rows[0].length;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, rows[y][x]);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, formatOf(file), file.toFile());
        return file;
    }

    /** An image of one ARGB colour everywhere, in the format the file name says. */
    static Path colourImage(Path file, int w, int h, int argb) throws IOException {
        boolean alpha = (argb >>> 24) != 0xff;
        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, argb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, formatOf(file), file.toFile());
        return file;
    }

    /** A uniform grey square of side n. */
    static Path uniformPng(Path file, int n, int value) throws IOException {
        int[][] rows = new int[n][n];
        for (int[] r : rows) {
            java.util.Arrays.fill(r, value);
        }
        return greyPng(file, rows);
    }

    private static String formatOf(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
        return ext.equals("jpg") ? "jpeg" : ext;
    }

    /**
     * A real, valid 1-bit grey PNG of w x h black pixels, written by hand (streamed through a
     * deflater), so a 20,000 x 20,000 image costs a few KB on disk and no big buffer here.
     */
    static Path hugeBlackPng(Path file, int w, int h) throws IOException {
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[1 + (w + 7) / 8]; // filter byte 0, then zero bits
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        }
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream d = new DataOutputStream(out)) {
            d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream hd = new DataOutputStream(ihdr);
            hd.writeInt(w);
            hd.writeInt(h);
            hd.writeByte(1); // bit depth
            hd.writeByte(0); // grey
            hd.writeByte(0);
            hd.writeByte(0);
            hd.writeByte(0);
            chunk(d, "IHDR", ihdr.toByteArray());
            chunk(d, "IDAT", idat.toByteArray());
            chunk(d, "IEND", new byte[0]);
        }
        return file;
    }

    /**
     * A PNG whose header claims w x h grey pixels but whose data is one small IDAT block: the
     * size a reader learns before decoding, in a file of a few dozen bytes.
     */
    static Path pngHeaderOnly(Path file, int w, int h) throws IOException {
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            z.write(new byte[16]);
        }
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream d = new DataOutputStream(out)) {
            d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream hd = new DataOutputStream(ihdr);
            hd.writeInt(w);
            hd.writeInt(h);
            hd.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey
            chunk(d, "IHDR", ihdr.toByteArray());
            chunk(d, "IDAT", idat.toByteArray());
            chunk(d, "IEND", new byte[0]);
        }
        return file;
    }

    /** A 300 x 200 picture of noise (so its compressed data is large) in the format the file name says. */
    static Path noisyImage(Path file) throws IOException {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(13);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, formatOf(file), file.toFile());
        return file;
    }

    /** Cuts {@code file} to {@code keep} bytes. */
    static Path cut(Path file, long keep) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(keep);
        }
        return file;
    }

    /** A named pipe made with mkfifo; the test is skipped where there is none (Windows). */
    static Path fifo(Path file) throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase().contains("win"),
                "no named pipes on Windows");
        Files.createDirectories(file.getParent());
        Process p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(file), "mkfifo is not available");
        return file;
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** IDX image file: magic, count, rows, cols, then the bytes. */
    static Path idxImages(Path file, int magic, int count, int rows, int cols, byte[] pixels, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(magic);
        d.writeInt(count);
        d.writeInt(rows);
        d.writeInt(cols);
        d.write(pixels);
        return write(file, bytes.toByteArray(), gzip);
    }

    /** IDX label file: magic, count, then one byte per label. */
    static Path idxLabels(Path file, int magic, int[] labels, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(magic);
        d.writeInt(labels.length);
        for (int l : labels) {
            d.writeByte(l);
        }
        return write(file, bytes.toByteArray(), gzip);
    }

    private static Path write(Path file, byte[] data, boolean gzip) throws IOException {
        Files.createDirectories(file.getParent());
        if (!gzip) {
            return Files.write(file, data);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(data);
        }
        return file;
    }
}
