package org.convlab.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled sample sets: the sub-folders of {@code sample-images/}, looked for beside the
 * repository (system property {@code convlab.repo}), in the working folder and its parents.
 */
final class SampleSets {
    private SampleSets() {}

    static Path root() {
        List<Path> candidates = new ArrayList<>();
        String repo = System.getProperty("convlab.repo");
        if (repo != null) {
            candidates.add(Path.of(repo, "sample-images"));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            candidates.add(dir.resolve("sample-images"));
        }
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
    }

    /** The sample sets' folders, sorted by name (empty when none was found). */
    static List<Path> list() {
        Path root = root();
        if (root == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            // a sample set is a folder of class folders; sample-images/photos (the filter lab's photos) is not one
            return s.filter(Files::isDirectory).filter(SampleSets::hasClassFolders).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean hasClassFolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            return false;
        }
    }
}
