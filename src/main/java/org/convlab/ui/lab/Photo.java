package org.convlab.ui.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.convlab.UserInputException;
import org.convlab.data.ImageFiles;
import org.convlab.data.ResizeMode;
import org.convlab.engine.Shape;

/**
 * A photo for the kernel lab, decoded by the data package as training images are (values in
 * [0,1], [channels x height x width]): RGB, or one channel when its three channels are equal (a
 * grey photo). A photo larger than {@value #MAX_SIDE} pixels on its longer side is shrunk to that
 * (area averaging) and {@code note} says so, so a camera's 48-megapixel photo stays quick to filter.
 */
public record Photo(String name, float[] values, int channels, int height, int width, String note) {
    /** The longest side filtered as it is. */
    public static final int MAX_SIDE = 1600;

    /** Reads {@code file}; a refusal is one line naming it. */
    public static Photo read(Path file) {
        ImageFiles.Image probe;
        try {
            // the first read learns the stored size cheaply (decoded subsampled to a few pixels)
            probe = ImageFiles.read(file, Shape.of(1, 2, 2), ResizeMode.STRETCH);
        } catch (UserInputException e) { // a photo, not a model input: tensors are no alternative here
            throw new UserInputException(e.getMessage().replace(", nor a .json or .npy tensor", ""));
        }
        int w = probe.width();
        int h = probe.height();
        String note = "";
        if (Math.max(w, h) > MAX_SIDE) {
            double f = (double) MAX_SIDE / Math.max(w, h);
            note = "shrunk from " + w + " x " + h + " to fit " + MAX_SIDE + " pixels";
            w = Math.max(2, (int) Math.round(w * f));
            h = Math.max(2, (int) Math.round(h * f));
        }
        float[] rgb = ImageFiles.read(file, Shape.of(3, h, w), ResizeMode.STRETCH).values();
        int plane = h * w;
        boolean grey = true;
        for (int i = 0; i < plane && grey; i++) {
            grey = rgb[i] == rgb[plane + i] && rgb[i] == rgb[2 * plane + i];
        }
        float[] values = grey ? java.util.Arrays.copyOf(rgb, plane) : rgb;
        return new Photo(file.getFileName().toString(), values, grey ? 1 : 3, h, w, note);
    }

    /** A photo made of values already in [0,1] (tests, figures). */
    public static Photo of(String name, float[] values, int channels, int height, int width) {
        if ((long) channels * height * width != values.length) {
            throw new UserInputException(name + ": " + values.length + " values for " + channels + " x " + height
                    + " x " + width);
        }
        return new Photo(name, values, channels, height, width, "");
    }

    /** "coffee.png, 600 x 400, RGB". */
    public String describe() {
        return name + ", " + width + " x " + height + (channels == 1 ? ", grey" : ", RGB")
                + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /**
     * The bundled sample photos ({@code sample-images/photos/*.png}), found as the dashboard finds
     * the sample sets: beside the repository (system property {@code convlab.repo}), in the working
     * folder or its parents. Empty when there are none.
     */
    public static List<Path> samples() {
        List<Path> candidates = new ArrayList<>();
        String repo = System.getProperty("convlab.repo");
        if (repo != null) {
            candidates.add(Path.of(repo, "sample-images", "photos"));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            candidates.add(dir.resolve("sample-images").resolve("photos"));
        }
        Path root = candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
        if (root == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpe?g)"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
