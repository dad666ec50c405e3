package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.convlab.UserInputException;
import org.convlab.data.input.InputFile;
import org.convlab.data.input.PixelScale;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples that used to end in an OutOfMemoryError, read in a separate JVM with a
 * 64 MB heap: on a big test heap an 8 GB label array might simply succeed, so only a small heap
 * proves that nothing is allocated from a header's claim. Each case must end in a
 * {@link UserInputException}; the child prints one line per case.
 */
class SmallHeapReadersTest {
    @TempDir
    Path dir;

    @Test
    void lyingHeadersAndHugeLinesAreRefusedInA64MbHeap() throws IOException, InterruptedException {
        writeCases(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SmallHeapReadersTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("case ")).toList();
        assertEquals(6, lines.size(), out);
        for (String line : lines) {
            assertTrue(line.contains(": refused: "), line);
        }
        assertTrue(lines.get(0).contains("ends after 2 of its 2,147,483,647 labels"), lines.get(0));
        assertTrue(lines.get(1).contains("ends after 2 of its 2,147,483,647 labels"), lines.get(1));
        assertTrue(lines.get(2).contains("line 2 is longer than"), lines.get(2));
        assertTrue(lines.get(3).contains("its header claims 2,147,483,643 bytes"), lines.get(3));
        assertTrue(lines.get(4).contains("needs 784 values but 'data' has 3000001"), lines.get(4));
        // 4000 x 4000 pixels decode to 16 million ints and floats: the guard refuses before decoding
        assertTrue(lines.get(5).contains("big.png: decoding this 4000x4000 image needs"), lines.get(5));
    }

    /** Writes the hostile files: IDX plain and gzipped, a 20 MB CSV line, an .npy v2 header, a long JSON array. */
    static void writeCases(Path dir) throws IOException {
        for (String kind : List.of("plain", "gz")) {
            Path d = Files.createDirectories(dir.resolve(kind));
            TestFiles.idxImages(d.resolve("train-images-idx3-ubyte"), IdxSource.IMAGES_MAGIC, 2, 2, 3, new byte[12], false);
            try (OutputStream raw = Files.newOutputStream(d.resolve("train-labels-idx1-ubyte"));
                 OutputStream o = kind.equals("gz") ? new GZIPOutputStream(raw) : raw;
                 DataOutputStream out = new DataOutputStream(o)) {
                out.writeInt(IdxSource.LABELS_MAGIC);
                out.writeInt(Integer.MAX_VALUE);
                out.write(new byte[] {0, 1});
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("huge.csv"))) {
            w.write("0,1,2,3\n1");
            String chunk = ",0.5".repeat(1024);
            for (int i = 0; i < 5 * 1024; i++) {
                w.write(chunk);
            }
            w.write("\n");
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("v2.npy"))) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xfb, (byte) 0xff, (byte) 0xff, 0x7f});
            out.write("{'descr': '<f4',".getBytes(StandardCharsets.ISO_8859_1));
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("long.json"))) {
            w.write("{\"shape\": [1, 28, 28], \"data\": [0");
            for (int i = 0; i < 3_000_000; i++) {
                w.write(",1");
            }
            w.write("]}");
        }
        TestFiles.hugeBlackPng(dir.resolve("big.png"), 4000, 4000);
    }

    /** The child: reads each case and prints how it ended. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        DataOptions options = DataOptions.defaults().withValidationSplit(0);
        attempt("idx plain", () -> DataSources.open("idx:" + dir.resolve("plain"), Shape.of(1, 2, 3), options));
        attempt("idx gz", () -> DataSources.open("idx:" + dir.resolve("gz"), Shape.of(1, 2, 3), options));
        attempt("csv line", () -> DataSources.open("csv:" + dir.resolve("huge.csv"), Shape.of(1, 1, 3), options));
        attempt("npy v2", () -> InputFile.read(dir.resolve("v2.npy"), Shape.of(1, 28, 28), PixelScale.UNIT, n -> { }));
        attempt("json", () -> InputFile.read(dir.resolve("long.json"), Shape.of(1, 28, 28), PixelScale.UNIT, n -> { }));
        attempt("image", () -> ImageFiles.read(dir.resolve("big.png"), Shape.of(1, 1000, 1000), ResizeMode.FIT_PAD));
    }

    private static void attempt(String name, Runnable read) {
        try {
            read.run();
            System.out.println("case " + name + ": accepted");
        } catch (UserInputException e) {
            System.out.println("case " + name + ": refused: " + e.getMessage());
        } catch (Throwable t) {
            System.out.println("case " + name + ": " + t);
        }
    }
}
