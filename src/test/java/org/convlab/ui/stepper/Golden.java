package org.convlab.ui.stepper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The slides' golden X/O values (a copy of ../shared/golden/xo-seed.json) as integer grids. */
final class Golden {
    static final String[] FEATURES = {"diagonal_down", "cross", "diagonal_up"};

    private Golden() {}

    static JsonNode file() {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/xo-seed.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A grid field, e.g. {@code grid("features", "cross")} or {@code grid("image_x", null)}. */
    static int[][] grid(String field, String key) {
        JsonNode node = key == null ? file().get(field) : file().get(field).get(key);
        int[][] g = new int[node.size()][];
        for (int r = 0; r < g.length; r++) {
            g[r] = new int[node.get(r).size()];
            for (int c = 0; c < g[r].length; c++) {
                g[r][c] = node.get(r).get(c).intValue();
            }
        }
        return g;
    }
}
