package org.convlab.trace.learning;

import java.util.List;
import java.util.Locale;
import org.convlab.UserInputException;

/**
 * One labelled image for {@link VoteTraining}: a name to show (the file stem, e.g.
 * {@code x-02-deformed}), the model's input (C*H*W values, row major, in the model's pixel
 * convention) and the class index. Immutable: {@link #image()} hands out a copy.
 */
public record TrainingExample(String name, float[] image, int label) {
    public TrainingExample {
        image = image.clone();
    }

    @Override
    public float[] image() {
        return image.clone();
    }

    /**
     * An X/O grid as the lesson feeds it: ink +1, background -1 (the slides' convention, what
     * {@code train --normalize ink} makes of a black-on-white file), row major; {@code className}
     * ({@code x} or {@code X}) is looked up in {@code classes} ignoring case, as training matches
     * folder names to a model's classes.
     */
    public static TrainingExample ofGrid(String name, String className, int[][] grid, List<String> classes) {
        int label = -1;
        for (int k = 0; k < classes.size(); k++) {
            if (classes.get(k).toLowerCase(Locale.ROOT).equals(className.toLowerCase(Locale.ROOT))) {
                label = k;
            }
        }
        if (label < 0) {
            throw new UserInputException(name + ": class " + className + " is not one of the model's classes ("
                    + String.join(", ", classes) + ")");
        }
        int w = grid[0].length;
        float[] x = new float[grid.length * w];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < w; c++) {
                x[r * w + c] = grid[r][c];
            }
        }
        return new TrainingExample(name, x, label);
    }
}
