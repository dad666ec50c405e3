package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1D signals from CSV, on the real MNIST-1D files and on small bad files. */
class CsvTest {
    private static final Path MNIST1D = Path.of("/work/shared/datasets/mnist1d");
    private static final Shape SIGNAL = Shape.of(1, 1, 40);

    @TempDir
    Path dir;

    @Test
    void mnist1dLoadsAs4000TrainAnd1000TestSignalsOf1x1x40() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(MNIST1D.resolve("train.csv")), "MNIST-1D not on this machine");
        LoadedData data = DataSources.open("csv:" + MNIST1D.resolve("train.csv"), SIGNAL,
                DataOptions.defaults().withValidationSplit(0).withTestSource("csv:" + MNIST1D.resolve("test.csv")));
        assertEquals(SIGNAL, data.train().shape());
        assertEquals(4000, data.train().size()); // the README: 4,000 training and 1,000 test examples
        assertEquals(1000, data.test().size());
        assertEquals(10, data.train().classes().size());
        assertTrue(data.skipped().isEmpty());
        // the file's first line starts "2,-0.332006,-0.47191,..." and ends "...,-0.890166": values as stored
        String first = Files.readAllLines(MNIST1D.resolve("train.csv")).get(0);
        String[] fields = first.split(",");
        float[] x = new float[40];
        data.train().copySample(0, x, 0);
        assertEquals(Integer.parseInt(fields[0]), data.train().label(0));
        for (int t = 0; t < 40; t++) {
            assertEquals(Float.parseFloat(fields[t + 1]), x[t], 0f);
        }
    }

    @Test
    void headersAndBlankLinesArePassedOverAndValuesKeptAsWritten() throws IOException {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, String.join("\n",
                "label,a,b,c",
                "0,1,2,3",
                "",
                "1,4,5,6\r",
                "1,7,8,9"));
        LoadedData data = DataSources.open("csv:" + file, Shape.of(1, 1, 3), DataOptions.defaults().withValidationSplit(0));
        assertEquals(3, data.train().size());
        assertTrue(data.skipped().isEmpty(), data.skipped().toString());
        float[] x = new float[3];
        data.train().copySample(1, x, 0);
        assertEquals(6f, x[2]); // the \r of a Windows line end is not part of the last value
        data.train().copySample(2, x, 0);
        assertEquals(7f, x[0]);
        assertEquals(9f, x[2]);
    }

    @Test
    void aMalformedRowRefusesTheFileNamingItsLine() throws IOException {
        // was: such rows were skipped, and a file of them ended as "has only one class (0)" (issue 13)
        Path file = dir.resolve("s.csv");
        Files.writeString(file, "label,a,b,c\n0,1,2,3\n1,4,5,6\n1,4,5\n");
        UserInputException e = assertThrows(UserInputException.class,
                () -> DataSources.open("csv:" + file, Shape.of(1, 1, 3), DataOptions.defaults()));
        assertEquals(file + " line 4: has 2 values after the label, but the rows above and the model's input [1, 1, 3] have 3",
                e.getMessage());
    }

    @Test
    void rowsOfTheWrongLengthForTheModelAreRefusedSayingBothLengths() throws IOException {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, "0,1,2,3\n1,4,5,6\n");
        UserInputException e = assertThrows(UserInputException.class,
                () -> DataSources.open("csv:" + file, SIGNAL, DataOptions.defaults()));
        assertTrue(e.getMessage().contains("rows have 3 values") && e.getMessage().contains("needs 40"), e.getMessage());
    }

    @Test
    void twoChannelSignalsTakeChannelAfterChannel() throws IOException {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, "0,1,2,3,4\n1,5,6,7,8\n");
        LoadedData data = DataSources.open("csv:" + file, Shape.of(2, 1, 2), DataOptions.defaults().withValidationSplit(0));
        float[] x = new float[4];
        data.train().copySample(1, x, 0);
        assertEquals(5f, x[0]);
        assertEquals(7f, x[2]); // channel 1 starts after T = 2 values
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> DataSources.open("csv:" + dir.resolve("none.csv"), SIGNAL, DataOptions.defaults()));
        assertTrue(e.getMessage().contains("none.csv"), e.getMessage());
    }

    @Test
    void aBinaryFileIsRefusedAsNotText() throws IOException {
        Path file = dir.resolve("data.csv");
        Files.write(file, new byte[] {'0', ',', (byte) 0xff, (byte) 0xfe, 0, 1, '\n'});
        UserInputException e = assertThrows(UserInputException.class,
                () -> DataSources.open("csv:" + file, SIGNAL, DataOptions.defaults()));
        assertTrue(e.getMessage().contains("is not a text (CSV) file"), e.getMessage());
    }
}
