package org.convlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Test;

/** Folders are decoded in parallel; the result must not depend on the thread count. */
class ImageFolderDeterminismTest {
    private static final Path SHAPES = Path.of("sample-images/shapes");

    @Test
    void oneAndTwoDecodingThreadsGiveBitIdenticalSamples() {
        int threads = org.convlab.engine.Parallel.shared().threads();
        try {
            org.convlab.engine.Parallel.setThreads(1);
            LoadedData one = DataSources.open(SHAPES.toString(), Shape.of(3, 20, 20), DataOptions.defaults().withValidationSplit(0));
            org.convlab.engine.Parallel.setThreads(2);
            LoadedData two = DataSources.open(SHAPES.toString(), Shape.of(3, 20, 20), DataOptions.defaults().withValidationSplit(0));
            float[] a = new float[1200];
            float[] b = new float[1200];
            for (int i = 0; i < one.train().size(); i++) {
                one.train().copySample(i, a, 0);
                two.train().copySample(i, b, 0);
                org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0f, "sample " + i);
                assertEquals(one.train().label(i), two.train().label(i));
            }
        } finally {
            org.convlab.engine.Parallel.setThreads(threads);
        }
    }
}
