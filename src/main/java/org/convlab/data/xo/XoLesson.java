package org.convlab.data.xo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
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

    /** Reads a lesson document; {@code source} names it in error messages. */
    public static XoLesson parse(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode images = field(root, "images", source);
        int[][] x = grid(field(images, "x", source), IMAGE_SIZE, source + " images.x");
        int[][] xDeformed = grid(field(images, "x_deformed", source), IMAGE_SIZE, source + " images.x_deformed");
        int[][] o = grid(field(images, "o", source), IMAGE_SIZE, source + " images.o");
        List<Feature> features = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = field(root, "features", source).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            features.add(new Feature(e.getKey(), grid(e.getValue(), FEATURE_SIZE, source + " features." + e.getKey())));
        }
        if (features.isEmpty()) {
            throw new UserInputException(source + ": 'features' holds no feature");
        }
        return new XoLesson(x, xDeformed, o, features);
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

    private static JsonNode field(JsonNode node, String name, String source) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw new UserInputException(source + ": missing field '" + name + "'");
        }
        return child;
    }

    /** A size x size array of +1/-1, or a message naming the field. */
    private static int[][] grid(JsonNode rows, int size, String where) {
        if (!rows.isArray() || rows.size() != size) {
            throw new UserInputException(where + ": expected " + size + " rows of " + size + " values");
        }
        int[][] g = new int[size][size];
        for (int r = 0; r < size; r++) {
            JsonNode row = rows.get(r);
            if (!row.isArray() || row.size() != size) {
                throw new UserInputException(where + ": row " + r + " must hold " + size + " values");
            }
            for (int c = 0; c < size; c++) {
                JsonNode v = row.get(c);
                if (!v.isInt() || (v.intValue() != 1 && v.intValue() != -1)) {
                    throw new UserInputException(where + ": value at row " + r + ", column " + c
                            + " is " + v + "; pixels must be +1 or -1");
                }
                g[r][c] = v.intValue();
            }
        }
        return g;
    }
}
