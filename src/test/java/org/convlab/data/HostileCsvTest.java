package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV files that would have cost memory or lost rows without a word (issue 13): a line of
 * 20 MB, labels a confusion matrix cannot hold or that are no class number, values that are
 * not finite, empty files, pipes. Each is refused in one line naming the file and the line.
 */
class HostileCsvTest {
    private static final Shape SIGNAL = Shape.of(1, 1, 3);

    @TempDir
    Path dir;

    private UserInputException refusal(Path file) {
        return assertThrows(UserInputException.class,
                () -> DataSources.open("csv:" + file, SIGNAL, DataOptions.defaults().withValidationSplit(0)));
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("s.csv"), text);
    }

    @Test
    void aTwentyMegabyteLineIsRefusedByItsNumberBeforeItIsGathered() throws IOException {
        Path file = dir.resolve("huge.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("0,1,2,3\n");
            w.write("1");
            String chunk = ",0.5".repeat(1024);
            for (int i = 0; i < 5 * 1024; i++) { // 5,120 x 4 KB = 20 MB on line 2
                w.write(chunk);
            }
            w.write("\n1,4,5,6\n");
        }
        UserInputException e = refusal(file);
        // the limit for 1 + 3 values is the 64 KB floor (64 characters a value would be 256)
        assertEquals(file + " line 2 is longer than 65,536 characters: a row holds a label and the 3 values of the model's"
                + " input [1, 1, 3] (is this the right file?)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999", "1000", "2147483648", "NaN", "nan", "1.5", "-1", "x", "Infinity", "1e400"})
    void aLabelThatIsNotAClassNumberFrom0To999IsRefusedWithItsLine(String label) throws IOException {
        Path file = csv("label,a,b,c\n0,1,2,3\n" + label + ",4,5,6\n1,7,8,9\n");
        String shown = Character.isLetter(label.charAt(0)) ? "'" + label + "'" : label;
        assertEquals(file + " line 3: the label " + shown + " is not a whole number from 0 to 999 (the first column is"
                + " the class: at most 1000 classes, as many as ImageNet has)", refusal(file).getMessage());
    }

    @Test
    void labelsUpTo999AreClasses() throws IOException {
        Path file = csv("0,1,2,3\n999,4,5,6\n");
        LoadedData data = DataSources.open("csv:" + file, SIGNAL, DataOptions.defaults().withValidationSplit(0));
        assertEquals(1000, data.train().classes().size());
        assertEquals(999, data.train().label(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-inf", "-Infinity", "1e39"})
    void aValueThatIsNotAFiniteFloatIsRefusedWithItsLine(String value) throws IOException {
        Path file = csv("0,1,2,3\n1,4," + value + ",6\n");
        String shown = Character.isLetter(value.charAt(0)) ? "'" + value + "'" : value;
        assertEquals(file + " line 2: value 2 is " + shown + ", not a finite number (signals must hold finite float32 values)",
                refusal(file).getMessage());
    }

    @Test
    void aValueThatIsNotANumberIsRefusedWithItsLine() throws IOException {
        Path file = csv("0,1,2,3\n1,4,five,6\n");
        assertEquals(file + " line 2: value 2 'five' is not a number", refusal(file).getMessage());
    }

    @Test
    void anEmptyFileABlankFileAndAHeaderAloneAreSaidToBeSo() throws IOException {
        Path empty = csv("");
        assertTrue(refusal(empty).getMessage().startsWith(empty + " is empty: a CSV of 1D signals holds one row per sample"));
        Path blank = csv("\n\n  \n");
        assertTrue(refusal(blank).getMessage().startsWith(blank + " is empty"));
        Path header = csv("label,a,b,c\n");
        assertEquals(header + " holds only a header line and no rows of data", refusal(header).getMessage());
    }

    @Test
    void aByteOrderMarkDoesNotTurnTheFirstRowIntoAHeader() throws IOException {
        Path file = csv("\uFEFF0,1,2,3\r\n1,4,5,6\r\n");
        LoadedData data = DataSources.open("csv:" + file, SIGNAL, DataOptions.defaults().withValidationSplit(0));
        assertEquals(2, data.train().size());
        assertEquals(0, data.train().label(0));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNearTheirLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "0,1,2,3\n1,4,5,6 \u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(file + " is not a text (CSV) file: it holds bytes that are not UTF-8 text (line 2)",
                refusal(file).getMessage());
    }

    @Test
    void aNamedPipeIsRefusedNotWaitedOn() throws IOException, InterruptedException {
        Path pipe = TestFiles.fifo(dir.resolve("pipe.csv"));
        assertEquals(pipe + ": is not a regular file (a named pipe, socket or device), expected a CSV file",
                refusal(pipe).getMessage());
    }

    @Test
    void aDeviceThatNeverEndsIsRefused() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertTrue(refusal(zero).getMessage().contains("is not a regular file"));
    }

    @Test
    void aFileWithoutReadPermissionIsSaidToBeSo() throws IOException {
        Path file = csv("0,1,2,3\n1,4,5,6\n");
        Assumptions.assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "no POSIX permissions");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        Assumptions.assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        assertTrue(refusal(file).getMessage().contains("permission denied"));
    }

    @Test
    void aLoopOfSymbolicLinksIsSaidInPlainWords() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        try {
            Files.createSymbolicLink(a, b);
            Files.createSymbolicLink(b, a);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
        }
        assertEquals(a + ": a loop of symbolic links (CSV file)", refusal(a).getMessage());
    }

    @Test
    void aHeldOutRowOfAClassTheTrainingSetLacksIsSkippedAndListed() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "0,1,2,3\n1,4,5,6\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "0,1,2,3\n7,4,5,6\n1,1,1,1\n");
        LoadedData data = DataSources.open("csv:" + train, SIGNAL,
                DataOptions.defaults().withValidationSplit(0).withTestSource("csv:" + test));
        assertEquals(2, data.test().size());
        assertEquals(1, data.skipped().size());
        assertEquals(test + " line 2: label 7 is not one of the 2 training classes", data.skipped().get(0).toString());
    }
}
