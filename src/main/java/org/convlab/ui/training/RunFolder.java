package org.convlab.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.convlab.train.Checkpoint;

/**
 * Where a dashboard run keeps its per-epoch checkpoints: a new folder under
 * {@code <system temp>/convlab-runs/} per run (temporary on purpose: a run the user wants to keep
 * is saved with Save model). The epoch timeline lists the checkpoints found there.
 */
final class RunFolder {
    private static final Pattern EPOCH = Pattern.compile(".*?(\\d+)\\.json");

    private RunFolder() {}

    /** The parent of all run folders. */
    static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"), "convlab-runs");
    }

    /** A new empty folder for one run, named by time and model ("2026-11-22_12-30-05_lenet5"). */
    static Path create(String modelName) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT));
        String model = modelName.replaceFirst("^preset:", "").replaceAll("[^A-Za-z0-9._-]", "_");
        model = model.substring(Math.max(0, model.length() - 40));
        Files.createDirectories(root());
        Path dir = root().resolve(stamp + "_" + model);
        for (int i = 2; Files.exists(dir); i++) {
            dir = root().resolve(stamp + "_" + model + "-" + i);
        }
        return Files.createDirectories(dir);
    }

    /** The epochs with a checkpoint in {@code dir}, ascending. */
    static List<Integer> epochs(Path dir) {
        List<Integer> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = EPOCH.matcher(f.getFileName().toString());
                if (m.matches() && f.equals(Checkpoint.file(dir, Integer.parseInt(m.group(1))))) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    static Checkpoint read(Path dir, int epoch) {
        return Checkpoint.read(Checkpoint.file(dir, epoch));
    }
}
