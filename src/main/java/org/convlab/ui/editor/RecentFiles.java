package org.convlab.ui.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last opened or saved model files, newest first, in a small text file
 * ({@code ~/.convlab/recent-files.txt}; the folder can be moved with {@code -Dconvlab.home=DIR},
 * which the tests use). Failing to read or write it never stops the editor.
 */
public final class RecentFiles {
    static final int MAX = 8;
    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    public static RecentFiles inUserHome() {
        String home = System.getProperty("convlab.home");
        Path dir = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".convlab");
        return new RecentFiles(dir.resolve("recent-files.txt"));
    }

    public List<Path> list() {
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Path.of(line.strip()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code file} first (once), keeping at most {@value #MAX}. */
    public void add(Path file) {
        List<Path> now = new ArrayList<>(list());
        Path abs = file.toAbsolutePath().normalize();
        now.remove(abs);
        now.add(0, abs);
        while (now.size() > MAX) {
            now.remove(now.size() - 1);
        }
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, now.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a read-only home: the list just is not remembered
        }
    }
}
