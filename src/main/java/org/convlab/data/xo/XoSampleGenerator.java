package org.convlab.data.xo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remakes {@code sample-images/xo}: {@code java -cp target/classes:<jackson jars>
 * org.convlab.data.xo.XoSampleGenerator [FOLDER]} (see sample-images/xo/README.md). Old PNGs in
 * the class folders are removed first, so a renamed sample leaves no stale file behind.
 */
public final class XoSampleGenerator {
    private XoSampleGenerator() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "sample-images/xo");
        for (String label : new String[] {"x", "o"}) {
            Path dir = root.resolve(label);
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> pngs = Files.newDirectoryStream(dir, "*.png")) {
                    for (Path p : pngs) {
                        Files.delete(p);
                    }
                }
            }
        }
        int count = 0;
        for (XoSampleSet.Sample s : XoSampleSet.all(XoLesson.load())) {
            XoImages.writeGrid(root.resolve(s.label()).resolve(s.fileName()), s.grid());
            count++;
        }
        System.out.println("wrote " + count + " images under " + root);
    }
}
