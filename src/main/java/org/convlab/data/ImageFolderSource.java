package org.convlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.engine.Parallel;
import org.convlab.engine.Shape;

/**
 * A folder with one sub-folder per class (torchvision's ImageFolder layout, what Teachable
 * Machine exports). Class names are the sub-folder names, sorted; images may sit deeper inside a
 * class folder. Files are decoded in parallel, each into its own slot of one big array, then
 * the usable ones are moved together in file order, so the result does not depend on the
 * thread count and needs no second copy.
 */
final class ImageFolderSource {
    private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");
    /** Files decoded per parallel task. */
    private static final int FILES_PER_TASK = 64;

    private ImageFolderSource() {}

    /** A loaded folder: samples in file order, and the files left out. */
    record Result(ArrayDataset data, List<SkippedFile> skipped) {}

    /** Loads a training folder; classes come from its sub-folders. */
    static Result load(Path root, Shape shape, ResizeMode mode) {
        return load(root, shape, mode, null);
    }

    /**
     * Loads a folder. With {@code knownClasses} (a test folder) sub-folders are matched to those
     * names and others are skipped; without, every non-empty sub-folder is a class.
     */
    static Result load(Path root, Shape shape, ResizeMode mode, List<String> knownClasses) {
        if (!Files.isDirectory(root)) {
            throw new UserInputException("data folder " + root + (Files.exists(root)
                    ? " is a file, not a folder (give a folder with one sub-folder per class, idx:DIR or csv:FILE)"
                    : " does not exist"));
        }
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new UserInputException("the model's input has " + shape.channels()
                    + " channels, but images give 1 (grey) or 3 (RGB): use a model with 1 or 3 input channels");
        }
        List<SkippedFile> skipped = new ArrayList<>();
        List<Path> classDirs = new ArrayList<>();
        for (Path entry : list(root)) {
            if (hidden(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                classDirs.add(entry);
            } else if (looksLikeImage(entry)) {
                skipped.add(new SkippedFile(entry.toString(), "not inside a class folder (put each image in a sub-folder named after its class)"));
            }
        }
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> fileClass = new ArrayList<>();
        for (Path dir : classDirs) {
            String name = dir.getFileName().toString();
            int label;
            if (knownClasses != null) {
                label = knownClasses.indexOf(name);
                if (label < 0) {
                    skipped.add(new SkippedFile(dir.toString(), "class '" + name + "' is not one of the training classes " + knownClasses));
                    continue;
                }
            } else {
                label = classes.size();
            }
            List<Path> inside = imagesUnder(dir);
            if (inside.isEmpty()) {
                skipped.add(new SkippedFile(dir.toString(), "class folder is empty: class '" + name + "' left out"));
                continue;
            }
            if (knownClasses == null) {
                classes.add(name);
            }
            for (Path f : inside) {
                files.add(f);
                fileClass.add(label);
            }
        }
        List<String> names = knownClasses != null ? knownClasses : classes;
        if (files.isEmpty()) {
            throw new UserInputException(nothingToRead(root, classDirs));
        }
        int n = files.size();
        int sampleSize = shape.size();
        float[] values = Memory.allocate((long) n * sampleSize, root + " (" + n + " images of " + shape + ")");
        String[] reasons = new String[n];
        int tasks = (n + FILES_PER_TASK - 1) / FILES_PER_TASK;
        Parallel.shared().forEach(tasks, t -> {
            ImageDecoder decoder = new ImageDecoder(shape, mode);
            try {
                for (int i = t * FILES_PER_TASK; i < Math.min(n, (t + 1) * FILES_PER_TASK); i++) {
                    reasons[i] = decoder.decode(files.get(i), values, i * sampleSize);
                }
            } finally {
                decoder.close();
            }
        });
        return keepReadable(root, shape, files, fileClass, reasons, values, names, knownClasses, skipped, "image");
    }

    /**
     * The decoded samples in {@code values} (one per file, {@code reasons[i]} non-null where file i
     * could not be read) with the unreadable ones skipped with their reason and the rest moved up; a
     * class left with none is left out like an empty folder (unless the classes are the training
     * run's, {@code knownClasses}). {@code what} names a sample in messages ("image", "clip").
     */
    static Result keepReadable(Path root, Shape shape, List<Path> files, List<Integer> fileClass, String[] reasons,
                               float[] values, List<String> names, List<String> knownClasses, List<SkippedFile> skipped,
                               String what) {
        int n = files.size();
        int sampleSize = shape.size();
        int[] labels = new int[n];
        int[] perClass = new int[names.size()];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (reasons[i] != null) {
                skipped.add(new SkippedFile(files.get(i).toString(), reasons[i]));
                continue;
            }
            if (kept != i) {
                System.arraycopy(values, i * sampleSize, values, kept * sampleSize, sampleSize);
            }
            labels[kept++] = fileClass.get(i);
            perClass[fileClass.get(i)]++;
        }
        if (knownClasses == null) {
            // a class whose every image was unreadable is left out like an empty folder
            List<String> usable = new ArrayList<>();
            int[] remap = new int[names.size()];
            for (int c = 0; c < names.size(); c++) {
                if (perClass[c] > 0) {
                    remap[c] = usable.size();
                    usable.add(names.get(c));
                } else {
                    remap[c] = -1;
                    skipped.add(new SkippedFile(root.resolve(names.get(c)).toString(),
                            "no readable " + what + " in this class folder: class '" + names.get(c) + "' left out"));
                }
            }
            for (int i = 0; i < kept; i++) {
                labels[i] = remap[labels[i]];
            }
            names = usable;
        }
        if (kept == 0) {
            throw new UserInputException("no usable " + what + "s in " + root + summarise(skipped));
        }
        return new Result(new ArrayDataset(shape, names, values, labels, kept), skipped);
    }

    /** ", skipped 3 files, e.g. a.png: reason" for a refusal message. */
    static String summarise(List<SkippedFile> skipped) {
        if (skipped.isEmpty()) {
            return "";
        }
        return " (skipped " + skipped.size() + (skipped.size() == 1 ? " entry" : " entries") + ", e.g. " + skipped.get(0) + ")";
    }

    /** Why a folder gave no file to read: no class folders, or only empty ones. */
    private static String nothingToRead(Path root, List<Path> classDirs) {
        if (classDirs.isEmpty()) {
            return root + " has no class folders: put the images of each class in a sub-folder named after the class"
                    + " (" + root.resolve("cat") + "/1.png, " + root.resolve("dog") + "/2.png, ...)";
        }
        List<String> names = classDirs.stream().map(d -> d.getFileName().toString()).limit(5).toList();
        return root + " holds no images: its class folder" + (classDirs.size() == 1 ? " " : "s ") + String.join(", ", names)
                + (classDirs.size() > 5 ? ", ..." : "") + (classDirs.size() == 1 ? " is" : " are")
                + " empty (or hold only folders and hidden files)";
    }

    /**
     * Every file under {@code dir} that is not a folder, hidden or under a hidden folder. Not only
     * regular files: a named pipe or a link to a device is listed, and then skipped with its
     * reason, instead of vanishing without a word.
     */
    static List<Path> imagesUnder(Path dir) {
        // links are followed (a class folder may be a link to where the images are); a loop is reported
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> !hidden(p) && !Files.isDirectory(p) && !underHidden(dir, p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw walkProblem(dir, e);
        } catch (UncheckedIOException e) {
            throw walkProblem(dir, e.getCause());
        }
    }

    /** A failed walk in plain words; a link that leads back up is named itself, not only its class folder. */
    private static UserInputException walkProblem(Path dir, IOException e) {
        if (e instanceof java.nio.file.FileSystemLoopException loop && loop.getFile() != null) {
            return new UserInputException(dir + ": a loop of symbolic links (" + loop.getFile()
                    + " leads back to a folder above it): remove that link or move it out of the class folder");
        }
        return UserFiles.problem(dir, "class folder", e);
    }

    private static boolean underHidden(Path dir, Path p) {
        for (Path part : dir.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw UserFiles.problem(dir, "data folder", e);
        } catch (UncheckedIOException e) {
            throw UserFiles.problem(dir, "data folder", e.getCause());
        }
    }

    static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    static boolean looksLikeImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
