package org.convlab.io.onnx;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convlab.data.ArrayDataset;
import org.convlab.engine.Shape;
import org.convlab.model.NetworkSpec;
import org.convlab.nn.Network;
import org.convlab.nn.SpecExport;
import org.convlab.train.Trainer;
import org.convlab.train.TrainingConfig;
import org.convlab.train.TrainingListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models trained by ConvLab's own Trainer (so the batch-norm running statistics, the momentum
 * steps and the dropout masks are the engine's, not made up) export to ONNX files whose ONNX
 * Runtime outputs equal ConvLab's within 1e-4 of the largest output.
 */
class OnnxExportTrainedTest {
    @TempDir
    Path dir;

    static Stream<Arguments> nets() {
        return Stream.of(
                Arguments.of("batch norm, dropout, ceil pools", OnnxExportModels.batchNormNet()),
                Arguments.of("LRN", OnnxExportModels.lrnNet()),
                Arguments.of("inception", OnnxExportModels.inceptionNet()),
                Arguments.of("residual", OnnxExportModels.residualNet()));
    }

    /** Noise images whose class is the brightest quarter of channel 0: learnable, so the weights move. */
    private static ArrayDataset data(NetworkSpec spec, int n) {
        Shape s = spec.input();
        int k = spec.classes().size();
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[n * s.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
            for (int j = 0; j < s.size(); j++) {
                x[i * s.size() + j] = (float) r.nextDouble(-1, 1);
            }
            int rows = Math.max(1, s.height() / 2);
            int cols = Math.max(1, s.width() / 2);
            int top = (labels[i] % 2) * (s.height() - rows);
            int left = (labels[i] / 2 % 2) * (s.width() - cols);
            for (int y = top; y < top + rows; y++) {
                for (int c = left; c < left + cols; c++) {
                    x[i * s.size() + y * s.width() + c] += 1.5f + 0.5f * labels[i];
                }
            }
        }
        return new ArrayDataset(s, spec.classes(), x, labels, n);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void aTrainedNetRunsTheSameInOnnxRuntime(String what, NetworkSpec spec) throws Exception {
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(8).learningRate(0.05).momentum(0.9).seed(3).build();
        Network net = Network.build(spec, 3);
        new Trainer(net, data(spec, 48), null, null, config).run(TrainingListener.NONE);
        NetworkSpec trained = SpecExport.withWeights(net);
        Path file = dir.resolve("trained.onnx");
        OnnxExport.write(trained, file);
        OnnxExportCheck.compare(trained, file, 1, 3);
    }
}
