package org.convlab.data.xo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.UserInputException;

/**
 * The toy X/O lesson from the slides: the 9x9 X, the deformed X, a canonical O and the three
 * 3x3 features, read from the class-path resource {@value #RESOURCE}. Pixels are +1 (ink) and
 * -1 (background). Grids handed out are copies, so nobody can change the lesson for others.
 */
public final class XoLesson {
    public static final String RESOURCE = "/org/convlab/xo/lesson.json";
    public static final int IMAGE_SIZE = 9;
    public static final int FEATURE_SIZE = 3;

    /** One 3x3 feature (filter) of the lesson, e.g. {@code diagonal_down}. */
    public record Feature(String name, int[][] pixels) {
        public Feature {
            pixels = Grids.copy(pixels);
        }

        @Override
        public int[][] pixels() {
            return Grids.copy(pixels);
        }
    }

    private final int[][] x;
    private final int[][] xDeformed;
    private final int[][] o;
    private final List<Feature> features;

    private XoLesson(int[][] x, int[][] xDeformed, int[][] o, List<Feature> features) {
        this.x = x;
        this.xDeformed = xDeformed;
        this.o = o;
        this.features = List.copyOf(features);
    }

    /** Reads the lesson shipped with ConvLab. */
    public static XoLesson load() {
        try (InputStream in = XoLesson.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UserInputException(RESOURCE + ": cannot be read as JSON (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a lesson document; {@code source} names it in error messages. Jackson's streaming
     * parser rather than an ObjectMapper: the app reads this file while it starts, and a cold
     * ObjectMapper costs several hundred milliseconds there.
     */
    public static XoLesson parse(InputStream in, String source) throws IOException {
        Map<String, int[][]> images = null;
        Map<String, int[][]> features = null;
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UserInputException(source + ": expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "images" -> images = grids(p, IMAGE_SIZE, source + " images");
                    case "features" -> features = grids(p, FEATURE_SIZE, source + " features");
                    default -> p.skipChildren();
                }
            }
        }
        if (images == null) {
            throw new UserInputException(source + ": missing field 'images'");
        }
        if (features == null || features.isEmpty()) {
            throw new UserInputException(source + ": 'features' holds no feature");
        }
        List<Feature> list = new ArrayList<>();
        features.forEach((name, grid) -> list.add(new Feature(name, grid)));
        return new XoLesson(image(images, "x", source), image(images, "x_deformed", source),
                image(images, "o", source), list);
    }

    public int[][] x() {
        return Grids.copy(x);
    }

    public int[][] xDeformed() {
        return Grids.copy(xDeformed);
    }

    public int[][] o() {
        return Grids.copy(o);
    }

    /** The features in the order of the file (diagonal down, cross, diagonal up). */
    public List<Feature> features() {
        return features;
    }

    private static int[][] image(Map<String, int[][]> images, String name, String source) {
        int[][] g = images.get(name);
        if (g == null) {
            throw new UserInputException(source + ": missing field 'images." + name + "'");
        }
        return g;
    }

    /** An object of named grids, in file order; the parser stands on its START_OBJECT. */
    private static Map<String, int[][]> grids(JsonParser p, int size, String where) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new UserInputException(where + ": expected an object of named " + size + "x" + size + " grids");
        }
        Map<String, int[][]> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, grid(p, size, where + "." + name));
        }
        return out;
    }

    /** A size x size array of +1/-1, or a message naming the field; the parser stands on its START_ARRAY. */
    private static int[][] grid(JsonParser p, int size, String where) throws IOException {
        String shape = where + ": expected " + size + " rows of " + size + " values";
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new UserInputException(shape);
        }
        int[][] g = new int[size][size];
        for (int r = 0; r < size; r++) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new UserInputException(shape);
            }
            for (int c = 0; c < size; c++) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    throw new UserInputException(where + ": row " + r + " must hold " + size + " values");
                }
                if (t != JsonToken.VALUE_NUMBER_INT || (p.getIntValue() != 1 && p.getIntValue() != -1)) {
                    throw new UserInputException(where + ": value at row " + r + ", column " + c
                            + " is " + p.getText() + "; pixels must be +1 or -1");
                }
                g[r][c] = p.getIntValue();
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new UserInputException(where + ": row " + r + " must hold " + size + " values");
            }
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw new UserInputException(shape);
        }
        return g;
    }
}
