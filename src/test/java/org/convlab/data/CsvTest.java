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
    void malformedRowsAreSkippedNamingTheirLine() throws IOException {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, String.join("\n",
                "label,a,b,c",
                "0,1,2,3",
                "1,4,5,6",
                "1,4,5",           // too short
                "x,1,2,3",         // label not a number
                "1.5,1,2,3",       // label not whole
                "0,1,NaN,3",       // not finite
                "0,1,two,3",       // not a number
                "",
                "1,7,8,9"));
        LoadedData data = DataSources.open("csv:" + file, Shape.of(1, 1, 3), DataOptions.defaults().withValidationSplit(0));
        assertEquals(3, data.train().size());
        assertEquals(5, data.skipped().size(), data.skipped().toString());
        assertTrue(data.skipped().get(0).file().endsWith("s.csv line 4"), data.skipped().get(0).file());
        assertTrue(data.skipped().get(0).reason().contains("has 2 values"), data.skipped().get(0).reason());
        assertTrue(data.skipped().get(3).reason().contains("not a finite number"));
        float[] x = new float[3];
        data.train().copySample(2, x, 0);
        assertEquals(7f, x[0]);
        assertEquals(9f, x[2]);
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
