package org.convlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.convlab.UserInputException;
import org.convlab.data.sound.SoundOptions;
import org.convlab.data.sound.WavFile;
import org.convlab.engine.Parallel;
import org.convlab.engine.Shape;

/**
 * A folder of WAV files with one sub-folder per class, the sound twin of
 * {@link ImageFolderSource} (same layout, same order, same skipping). The model's input shape
 * decides what a clip becomes ({@link SoundClips}). A file that is not a usable WAV is skipped
 * with its reason.
 */
final class SoundFolderSource {
    private static final int FILES_PER_TASK = 32;

    private SoundFolderSource() {}

    /**
     * Whether {@code root} is a folder of sound: in most of its class folders the first file that
     * is a clip or an image is a WAV file. Only the first such file of each class folder is
     * looked at, so a folder of 60,000 images costs one short walk per class, not a second full one.
     */
    static boolean holdsSound(Path root) {
        if (!Files.isDirectory(root)) {
            return false;
        }
        int wav = 0;
        int images = 0;
        try {
            for (Path entry : ImageFolderSource.list(root)) {
                if (ImageFolderSource.hidden(entry) || !Files.isDirectory(entry)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(entry, FileVisitOption.FOLLOW_LINKS)) {
                    Path first = walk.filter(p -> !ImageFolderSource.hidden(p)
                            && (isWav(p) || ImageFolderSource.looksLikeImage(p))).findFirst().orElse(null);
                    if (first != null && isWav(first)) {
                        wav++;
                    } else if (first != null) {
                        images++;
                    }
                }
            }
        } catch (IOException | UncheckedIOException | UserInputException e) {
            return false; // the image folder reader names the problem
        }
        return wav > 0 && wav >= images;
    }

    static boolean isWav(Path p) {
        return SoundClips.isWav(p);
    }

    static ImageFolderSource.Result load(Path root, Shape shape, ResizeMode mode, SoundOptions sound,
                                         List<String> knownClasses) {
        SoundClips.requireShape(shape, sound);
        List<SkippedFile> skipped = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> fileClass = new ArrayList<>();
        for (Path entry : ImageFolderSource.list(root)) {
            if (ImageFolderSource.hidden(entry)) {
                continue;
            }
            if (!Files.isDirectory(entry)) {
                if (isWav(entry)) {
                    skipped.add(new SkippedFile(entry.toString(), "not inside a class folder (put each clip in a sub-folder named after its class)"));
                }
                continue;
            }
            String name = entry.getFileName().toString();
            int label = knownClasses != null ? knownClasses.indexOf(name) : classes.size();
            if (label < 0) {
                skipped.add(new SkippedFile(entry.toString(), "class '" + name + "' is not one of the training classes " + knownClasses));
                continue;
            }
            List<Path> inside = ImageFolderSource.imagesUnder(entry).stream().filter(SoundFolderSource::isWav).toList();
            if (inside.isEmpty()) {
                skipped.add(new SkippedFile(entry.toString(), "class folder holds no .wav file: class '" + name + "' left out"));
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
            throw new UserInputException(root + " holds no .wav files in class folders: put the clips of each class in a"
                    + " sub-folder named after the class (" + root.resolve("tone") + "/1.wav, ...)");
        }
        int n = files.size();
        int size = shape.size();
        float[] values = Memory.allocate((long) n * size, root + " (" + n + " clips of " + shape + ")");
        String[] reasons = new String[n];
        int tasks = (n + FILES_PER_TASK - 1) / FILES_PER_TASK;
        Parallel.shared().forEach(tasks, t -> {
            for (int i = t * FILES_PER_TASK; i < Math.min(n, (t + 1) * FILES_PER_TASK); i++) {
                reasons[i] = decode(files.get(i), shape, mode, sound, values, i * size);
            }
        });
        return ImageFolderSource.keepReadable(root, shape, files, fileClass, reasons, values, names, knownClasses,
                skipped, "clip");
    }

    /** Decodes one file into {@code out[offset ..]}; returns why it is skipped, or null. */
    private static String decode(Path file, Shape shape, ResizeMode mode, SoundOptions sound, float[] out, int offset) {
        try {
            SoundClips.prepare(WavFile.read(file).samples(), shape, mode, sound, out, offset);
            return null;
        } catch (UserInputException e) {
            String m = e.getMessage();
            String prefix = file + ": ";
            return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        }
    }
}
