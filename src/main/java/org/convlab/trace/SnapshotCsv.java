package org.convlab.trace;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.convlab.engine.Shape;
import org.convlab.model.ModelFiles;

/**
 * Every map of an {@link ActivationSnapshot} as CSV: the input, then each layer, one block per
 * channel, each block opened by a header line naming the layer, the channel and the shape:
 * <pre>
 * # layer 0 conv1 (conv), channel 0 of 3, shape 7x7
 * 0.7777778,-0.11111111,...
 * </pre>
 * one CSV row per map row, a blank line between blocks. Flat layers (dense outputs) are one block
 * of one row ({@code # layer 4 fc1 (dense), flat, shape 2}). Values are plain decimals (no
 * exponent) with the fewest digits that read back as the same float, so a spreadsheet shows them
 * as numbers and {@code Float.parseFloat} gets every bit back.
 */
public final class SnapshotCsv {
    private SnapshotCsv() {}

    public static String of(ActivationSnapshot s) {
        StringBuilder out = new StringBuilder();
        out.append("# ConvLab feature maps: one block per layer and channel, values row by row\n");
        block(out, s.input(), "input");
        for (LayerOutput l : s.layers()) {
            block(out, l, "layer " + l.index() + " " + l.name() + " (" + l.type() + ")");
        }
        return out.toString();
    }

    /** Writes the CSV to {@code file} atomically (a temporary sibling file, then a rename). */
    public static void write(ActivationSnapshot s, Path file) throws IOException {
        ModelFiles.writeAtomically(file, of(s));
    }

    private static void block(StringBuilder out, LayerOutput l, String name) {
        Shape shape = l.shape();
        float[] data = l.data();
        if (shape.isFlat()) {
            out.append("\n# ").append(name).append(", flat, shape ").append(shape.size()).append('\n');
            row(out, data, 0, data.length);
            return;
        }
        for (int c = 0; c < shape.channels(); c++) {
            out.append("\n# ").append(name).append(", channel ").append(c).append(" of ").append(shape.channels())
                    .append(", shape ").append(shape.height()).append('x').append(shape.width()).append('\n');
            for (int r = 0; r < shape.height(); r++) {
                row(out, data, (c * shape.height() + r) * shape.width(), shape.width());
            }
        }
    }

    private static void row(StringBuilder out, float[] data, int from, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(plain(data[from + i]));
        }
        out.append('\n');
    }

    /** The shortest decimal that reads back as {@code v}, without an exponent (1.0E-5 -> 0.00001). */
    static String plain(float v) {
        if (!Float.isFinite(v)) {
            return Float.toString(v); // NaN, Infinity, -Infinity: what parseFloat reads back
        }
        if (v == 0f) {
            return 1 / v < 0 ? "-0" : "0";
        }
        return new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }
}
