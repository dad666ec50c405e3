package org.convlab.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.engine.Shape;
import org.convlab.model.DenseSpec;
import org.convlab.model.FlattenSpec;
import org.convlab.model.GlobalAvgPoolSpec;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ParamData;
import org.convlab.model.SoftmaxSpec;

/**
 * The unmutated files, which must succeed (if they did not, every mutated case would be refused
 * for the wrong reason and the suite would prove nothing), a model past Jackson's default string
 * limit that ConvLab wrote and must read back, and a 2 GB .npy (a sparse file: no disk used).
 */
final class ValidCases {
    private final Fixtures fx;
    private final Path root;

    ValidCases(Fixtures fx, Path root) {
        this.fx = fx;
        this.root = root;
    }

    List<FuzzCase> all() throws IOException {
        String k = "valid";
        Path dir = Files.createDirectories(root.resolve("valid"));
        Path idxDir = Files.createDirectories(dir.resolve("idx"));
        Files.write(idxDir.resolve("train-images-idx3-ubyte"), fx.idxImages);
        Files.write(idxDir.resolve("train-labels-idx1-ubyte"), fx.idxLabels);
        Path gzDir = Files.createDirectories(dir.resolve("idx-gz"));
        Files.write(gzDir.resolve("train-images-idx3-ubyte.gz"), Fixtures.gzip(fx.idxImages));
        Files.write(gzDir.resolve("train-labels-idx1-ubyte.gz"), Fixtures.gzip(fx.idxLabels));

        // 2048 x 2048 weights: 4.2M floats, a 22 MB base64 string (the limit is about 3.75M floats)
        int n = 2048;
        float[] w = new float[n * n];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 977) / 977f - 0.5f;
        }
        NetworkSpec bigNet = new NetworkSpec(Shape.of(1, 1, n), null, List.of(new FlattenSpec("flatten"),
                new DenseSpec("fc", n, true, new ParamData(new int[] {n, n}, w), new ParamData(new int[] {n}, new float[n]))));
        Path big = dir.resolve("big-model.json");
        ModelFiles.write(big, bigNet);
        Path bigInput = dir.resolve("big-input.npy");
        Files.write(bigInput, Fixtures.npy(1, "<f4", "(1, 1, " + n + ")", new float[n]));

        // an input of 1 x 23170 x 23170 floats: 2,147,395,600 bytes of data, just past 2^31
        int side = 23170;
        NetworkSpec wide = new NetworkSpec(Shape.of(1, side, side), List.of("a", "b"), List.of(new GlobalAvgPoolSpec("gap"),
                new FlattenSpec("flatten"), new DenseSpec("fc", 2, true, null, null), new SoftmaxSpec("softmax")));
        Path wideModel = dir.resolve("wide-model.json");
        ModelFiles.write(wideModel, wide);
        Path hugeNpy = dir.resolve("huge.npy");
        byte[] header = Fixtures.npy(1, "<f4", "(1, " + side + ", " + side + ")", new float[0]);
        try (RandomAccessFile f = new RandomAccessFile(hugeNpy.toFile(), "rw")) {
            f.write(header);
            f.setLength(header.length + 4L * side * side);
        }

        String csv = "csv:" + fx.csv;
        List<List<String>> good = List.of(
                List.of("summary", fx.modelBase64.toString()),
                List.of("forward", fx.modelBase64.toString(), "--input", fx.jsonTensor.toString()),
                List.of("forward", fx.modelReadable.toString(), "--input", fx.npyV1.toString()),
                List.of("eval", fx.modelBase64.toString(), "--data", csv, "--threads", "1"),
                List.of("train", "preset:mnist1d", "--data", csv, "--resume", fx.checkpoint.toString(), "--epochs", "2",
                        "--out", dir.resolve("resumed.json").toString()),
                List.of("forward", "preset:xo", "--input", fx.png.toString()),
                List.of("forward", "preset:xo", "--input", fx.jpeg.toString()),
                List.of("eval", "preset:xo", "--data", "idx:" + idxDir, "--threads", "1"),
                List.of("eval", "preset:xo", "--data", "idx:" + gzDir, "--threads", "1"),
                List.of("forward", "preset:mnist1d", "--input", fx.npyV2.toString()),
                List.of("summary", big.toString()),
                List.of("forward", big.toString(), "--input", bigInput.toString()));
        java.util.ArrayList<FuzzCase> out = new java.util.ArrayList<>();
        long seed = 0;
        for (List<String> args : good) {
            out.add(new FuzzCase(k, seed++, "unmutated: " + args.get(0) + " " + Path.of(args.get(1)).getFileName(), args,
                    List.of(), false, true));
        }
        out.add(new FuzzCase(k, seed, "a 2 GB .npy for a model whose input is that large", List.of("forward",
                wideModel.toString(), "--input", hugeNpy.toString()), List.of("huge.npy", "wide-model.json"), false, false));
        return out;
    }
}
