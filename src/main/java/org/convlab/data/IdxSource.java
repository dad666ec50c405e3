package org.convlab.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * MNIST-style IDX files (LeCun's format, also Fashion-MNIST), gzipped or not (told apart by
 * their first bytes, not their names). A folder holds {@code train-images*}, {@code train-labels*}
 * and optionally {@code t10k-images*}, {@code t10k-labels*}. Headers are checked (magic number,
 * unsigned-byte data, dimensions, matching counts) and a broken file is named in the message.
 * Pixels are decoded straight into the dataset's one float[]; no byte copy of the file is kept.
 */
final class IdxSource {
    static final int IMAGES_MAGIC = 0x0000_0803;
    static final int LABELS_MAGIC = 0x0000_0801;

    private IdxSource() {}

    /** The image and label files of one split. */
    record Pair(Path images, Path labels) {}

    /** Finds {@code prefix-*images*} and {@code prefix-*labels*} in {@code dir}; null when the images file is absent. */
    static Pair find(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("IDX folder " + dir + (Files.exists(dir) ? " is a file, not a folder" : " does not exist"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            // not only regular files: a pipe or device named train-images is refused by name below, not passed over
            files = s.filter(f -> !Files.isDirectory(f)).sorted().toList();
        } catch (IOException e) {
            throw UserFiles.problem(dir, "IDX folder", e);
        } catch (UncheckedIOException e) {
            throw UserFiles.problem(dir, "IDX folder", e.getCause());
        }
        Path images = null;
        Path labels = null;
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.startsWith(prefix)) {
                continue;
            }
            if (images == null && (name.contains("images") || name.contains("idx3"))) {
                images = f;
            } else if (labels == null && (name.contains("labels") || name.contains("idx1"))) {
                labels = f;
            }
        }
        if (images == null && labels == null) {
            return null;
        }
        if (images == null || labels == null) {
            throw new UserInputException("IDX folder " + dir + " has " + (images == null ? labels : images).getFileName()
                    + " but no matching " + prefix + (images == null ? "-images" : "-labels") + " file");
        }
        UserFiles.requireReadableFile(images, "file of IDX images");
        UserFiles.requireReadableFile(labels, "file of IDX labels");
        return new Pair(images, labels);
    }

    /**
     * Reads one split. {@code classes} null: classes are "0".."K-1" with K = largest label + 1;
     * otherwise samples whose label is not below classes.size() are skipped (counted in one entry).
     */
    static ImageFolderSource.Result load(Pair pair, Shape shape, ResizeMode mode, List<String> classes) {
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new UserInputException("IDX images are grey, but the model's input has " + shape.channels()
                    + " channels: use a model with 1 (or 3) input channels");
        }
        int[] labels = readLabels(pair.labels());
        String imagesName = pair.images().toString();
        try (DataInputStream in = IdxFiles.open(pair.images())) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new UserInputException(imagesName + " is not an IDX image file of unsigned bytes (magic number "
                        + hex(magic) + ", expected " + hex(IMAGES_MAGIC) + ")");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows < 1 || cols < 1 || (long) rows * cols > ImageDecoder.MAX_PIXELS) {
                throw new UserInputException(imagesName + " has an impossible header: " + count + " images of "
                        + rows + "x" + cols + " pixels (at most " + MemoryGuard.count(ImageDecoder.MAX_PIXELS)
                        + " pixels an image)");
            }
            if (count != labels.length) {
                throw new UserInputException(imagesName + " holds " + MemoryGuard.count(count) + " images but " + pair.labels()
                        + " holds " + MemoryGuard.count(labels.length) + " labels: the two files do not belong together");
            }
            if (count == 0) {
                throw new UserInputException(imagesName + " holds no images");
            }
            IdxFiles.requireItems(pair.images(), 16, count, (long) rows * cols, "images");
            List<String> names = classes != null ? classes : digitNames(labels);
            int sampleSize = shape.size();
            float[] values = Memory.allocate((long) count * sampleSize, imagesName + " (" + count + " images of " + shape + ")");
            byte[] pixels = MemoryGuard.bytes((long) rows * cols, "one image of " + imagesName, null);
            float[] planes = MemoryGuard.floats((long) rows * cols, "one image of " + imagesName, null);
            boolean direct = shape.height() == rows && shape.width() == cols;
            int kept = 0;
            int outside = 0;
            for (int i = 0; i < count; i++) {
                try {
                    in.readFully(pixels);
                } catch (EOFException e) {
                    throw new UserInputException(imagesName + " ends after " + i + " of its " + count
                            + " images: the file is truncated (download it again)");
                }
                if (labels[i] >= names.size()) {
                    outside++;
                    continue;
                }
                int offset = kept * sampleSize;
                for (int c = 0; c < shape.channels(); c++) {
                    int out = offset + c * shape.plane();
                    if (direct) {
                        for (int p = 0; p < pixels.length; p++) {
                            values[out + p] = (pixels[p] & 0xff) / 255f;
                        }
                    } else {
                        for (int p = 0; p < pixels.length; p++) {
                            planes[p] = (pixels[p] & 0xff) / 255f;
                        }
                        float fill = Augmenter.borderMean(planes, 0, rows, cols);
                        Resampler.resize(values, out, shape.height(), shape.width(), planes, 0, rows, cols, mode, fill);
                    }
                }
                labels[kept++] = labels[i];
            }
            List<SkippedFile> skipped = new ArrayList<>();
            if (outside > 0) {
                skipped.add(new SkippedFile(pair.labels().toString(), outside + " samples have a label that is not one of the "
                        + names.size() + " training classes"));
            }
            if (kept == 0) {
                throw new UserInputException("no usable samples in " + imagesName);
            }
            return new ImageFolderSource.Result(new ArrayDataset(shape, names, values, labels, kept), skipped);
        } catch (EOFException e) {
            throw IdxFiles.headerCutShort(pair.images(), e);
        } catch (IOException e) {
            throw IdxFiles.unreadable(pair.images(), e);
        }
    }

    static int[] readLabels(Path file) {
        String name = file.toString();
        try (DataInputStream in = IdxFiles.open(file)) {
            int magic;
            int count = 0;
            try {
                magic = in.readInt();
                if (magic == LABELS_MAGIC) {
                    count = in.readInt();
                }
            } catch (EOFException e) {
                throw IdxFiles.headerCutShort(file, e);
            }
            if (magic != LABELS_MAGIC) {
                throw new UserInputException(name + " is not an IDX label file of unsigned bytes (magic number "
                        + hex(magic) + ", expected " + hex(LABELS_MAGIC) + ")");
            }
            if (count < 0) {
                throw new UserInputException(name + " has an impossible header: " + count + " labels");
            }
            IdxFiles.requireItems(file, 8, count, 1, "labels");
            int[] labels = Memory.ints(count, name + " (" + MemoryGuard.count(count) + " labels)");
            byte[] chunk = new byte[(int) Math.min(count, 1 << 16)];
            for (int done = 0; done < count; ) {
                int n = Math.min(chunk.length, count - done);
                try {
                    in.readFully(chunk, 0, n);
                } catch (EOFException e) {
                    throw new UserInputException(name + " ends after fewer than " + (done + n) + " of its " + count
                            + " labels: the file is truncated (download it again)");
                }
                for (int i = 0; i < n; i++) {
                    labels[done + i] = chunk[i] & 0xff;
                }
                done += n;
            }
            return labels;
        } catch (IOException e) {
            throw IdxFiles.unreadable(file, e);
        }
    }

    private static List<String> digitNames(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= max; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }

}
