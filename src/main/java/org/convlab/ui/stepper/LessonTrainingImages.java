package org.convlab.ui.stepper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convlab.data.xo.XoImages;
import org.convlab.data.xo.XoLesson;
import org.convlab.data.xo.XoSampleSet;
import org.convlab.trace.learning.TrainingExample;

/**
 * The 27 images "Train the votes" learns from: the files of {@code sample-images/xo}, looked for
 * beside the repository (system property {@code convlab.repo}), in the working folder and its
 * parents, as the Training tab looks for its sample sets. Read as {@code VoteTraining} expects
 * (ink +1, background -1, {@link XoSampleSet}'s order). A copy of ConvLab without the folder still
 * runs the lesson: the step says the images are missing instead.
 */
final class LessonTrainingImages {
    static final String FOLDER = "sample-images/xo";

    private LessonTrainingImages() {}

    /** The folder, or null when it is not found. */
    static Path folder() {
        List<Path> candidates = new ArrayList<>();
        String repo = System.getProperty("convlab.repo");
        if (repo != null) {
            candidates.add(Path.of(repo, "sample-images", "xo"));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            candidates.add(dir.resolve("sample-images").resolve("xo"));
        }
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
    }

    /**
     * Reads the 27 images from {@code folder} (off the FX thread: 27 small files). A missing or
     * unreadable file is a {@link org.convlab.UserInputException} naming it.
     */
    static List<TrainingExample> load(Path folder, List<String> classes) {
        List<TrainingExample> out = new ArrayList<>();
        for (XoSampleSet.Sample s : XoSampleSet.all(XoLesson.load())) {
            int[][] grid = XoImages.readGrid(folder.resolve(s.label()).resolve(s.fileName()));
            out.add(TrainingExample.ofGrid(s.name(), s.label(), grid, classes));
        }
        return out;
    }
}
