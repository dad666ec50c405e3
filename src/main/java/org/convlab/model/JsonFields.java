package org.convlab.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import org.convlab.UserInputException;

/**
 * Typed access to one JSON object of a model file, with errors that name the JSON path
 * ({@code layers[3].stride: must be a positive integer, got -1}) and the file.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final String file;
    private String label;

    JsonFields(JsonNode node, String path, String file) {
        this.node = node;
        this.path = path;
        this.file = file;
        if (node == null || !node.isObject()) {
            throw error(path, "must be a JSON object {...}, got " + describe(node));
        }
    }

    String path() {
        return path;
    }

    /** Names the layer in messages about its tensors' values: {@code layers[3] (conv2).weight}. */
    JsonFields labelled(String layerLabel) {
        this.label = layerLabel;
        return this;
    }

    ParamData tensor(String field) {
        return tensor(field, label);
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** An error already located by its JSON path. */
    static final class PathError extends UserInputException {
        PathError(String message) {
            super(message);
        }
    }

    UserInputException error(String where, String problem) {
        return new PathError((file == null ? "" : file + ": ") + (where.isEmpty() ? "" : where + ": ") + problem);
    }

    /** Refuses fields not in {@code allowed} (a typo would otherwise be silently ignored). */
    void onlyFields(Set<String> allowed, String what) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw error(at(n), "unknown field for " + what + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    JsonNode required(String field) {
        if (!has(field)) {
            throw error(at(field), "missing required field");
        }
        return node.get(field);
    }

    int positiveInt(String field, Integer fallback) {
        if (!has(field)) {
            if (fallback == null) {
                throw error(at(field), "missing required field");
            }
            return fallback;
        }
        return positiveInt(node.get(field), at(field));
    }

    int positiveInt(JsonNode v, String where) {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() <= 0) {
            throw error(where, "must be a positive integer" + (v.isIntegralNumber() && !v.canConvertToInt()
                    ? " up to 2147483647" : "") + ", got " + describe(v));
        }
        return v.intValue();
    }

    int nonNegativeInt(JsonNode v, String where) {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw error(where, "must be an integer >= 0" + (v.isIntegralNumber() && !v.canConvertToInt()
                    ? " and at most 2147483647" : "") + ", got " + describe(v));
        }
        return v.intValue();
    }

    /** A number or [height, width] of positive integers. */
    int[] pair(String field, Integer fallback) {
        if (!has(field)) {
            if (fallback == null) {
                throw error(at(field), "missing required field");
            }
            return new int[] {fallback, fallback};
        }
        JsonNode v = node.get(field);
        if (v.isArray()) {
            if (v.size() != 2) {
                throw error(at(field), "must be a number or [height, width], got " + describe(v));
            }
            return new int[] {positiveInt(v.get(0), at(field) + "[0]"), positiveInt(v.get(1), at(field) + "[1]")};
        }
        int n = positiveInt(v, at(field));
        return new int[] {n, n};
    }

    double number(String field, double fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw error(at(field), "must be a finite number, got " + describe(v));
        }
        return v.doubleValue();
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw error(at(field), "must be true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    String text(String field, String fallback) {
        if (!has(field)) {
            if (fallback == null) {
                throw error(at(field), "missing required field");
            }
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw error(at(field), "must be a string, got " + describe(v));
        }
        return v.textValue();
    }

    /** "valid", "same", a number, or [rows, cols]. */
    Padding padding(String field) {
        if (!has(field)) {
            return Padding.VALID;
        }
        JsonNode v = node.get(field);
        if (v.isTextual()) {
            switch (v.textValue()) {
                case "valid": return Padding.VALID;
                case "same": return Padding.SAME;
                default: throw error(at(field), "must be \"valid\", \"same\", a number or [rows, cols], got " + describe(v));
            }
        }
        if (v.isArray() && v.size() == 2) {
            return Padding.of(nonNegativeInt(v.get(0), at(field) + "[0]"), nonNegativeInt(v.get(1), at(field) + "[1]"));
        }
        if (v.isNumber()) {
            return Padding.of(nonNegativeInt(v, at(field)));
        }
        throw error(at(field), "must be \"valid\", \"same\", a number or [rows, cols], got " + describe(v));
    }

    /**
     * A tensor {"shape": [...], "data": [...]} or {"shape": [...], "base64": "..."} (little-endian
     * float32), or null. The values normally arrive already decoded by {@link TensorParser}; they
     * are taken over without a copy. NaN and infinite values are refused here, where they enter,
     * naming the layer ({@code label}) and the position; so is a negative running variance.
     */
    ParamData tensor(String field, String label) {
        if (!has(field)) {
            return null;
        }
        JsonFields t = new JsonFields(node.get(field), at(field), file);
        t.onlyFields(Set.of("shape", "data", "base64"), "a tensor");
        JsonNode shapeNode = t.required("shape");
        if (!shapeNode.isArray() || shapeNode.isEmpty()) {
            throw error(t.at("shape"), "must be a list of sizes like [6, 1, 5, 5], got " + describe(shapeNode));
        }
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = positiveInt(shapeNode.get(i), t.at("shape") + "[" + i + "]");
            count = org.convlab.MemoryGuard.times(count, shape[i]);
        }
        String shapeText = java.util.Arrays.toString(shape);
        if (t.has("data") == t.has("base64")) {
            throw error(t.path(), "needs exactly one of \"data\" (a list of numbers) or \"base64\" (little-endian float32)");
        }
        if (count > Integer.MAX_VALUE - 16) {
            throw error(t.at("shape"), shapeText + " holds " + org.convlab.MemoryGuard.count(count)
                    + " values, more than one tensor can hold (2,147,483,631)");
        }
        boolean base64 = t.has("base64");
        DecodedFloats decoded = base64 ? base64(t.raw("base64"), t.at("base64")) : numbers(t.raw("data"), t.at("data"));
        if (base64 && decoded.bytes() != count * Float.BYTES) {
            throw error(t.at("base64"), "holds " + org.convlab.MemoryGuard.count(decoded.bytes()) + " bytes"
                    + (decoded.bytes() % 4 != 0 ? " (not a whole number of float32 values)" : " (" + decoded.count() + " float32 value" + (decoded.count() == 1 ? ")" : "s)"))
                    + ", but shape " + shapeText + " needs " + org.convlab.MemoryGuard.count(count * Float.BYTES)
                    + " bytes (" + count + (count == 1 ? " value)" : " values)"));
        }
        if (!base64 && decoded.count() != count) {
            throw error(t.path(), "shape " + shapeText + " holds " + count + " values but data has " + decoded.count());
        }
        float[] data = decoded.values();
        String named = path + (label == null ? "" : " (" + label + ")") + "." + field;
        for (int i = 0; i < data.length; i++) {
            float v = data[i];
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                throw error(named, "value " + (i + 1) + " of " + data.length + " is " + (Float.isNaN(v) ? "NaN" : v > 0
                        ? "+infinity" : "-infinity") + " (weights and statistics must be finite numbers)");
            }
            if (v < 0 && field.equals("running_var")) {
                throw error(named, "value " + (i + 1) + " of " + data.length + " is " + v
                        + ", but a variance is never negative");
            }
        }
        return ParamData.adopt(shape, data);
    }

    /** Values of a "base64" field: decoded while parsing, or (a tree built elsewhere) a string. */
    private DecodedFloats base64(JsonNode v, String where) {
        DecodedFloats f = DecodedFloats.of(v);
        if (f != null) {
            return f;
        }
        if (!v.isTextual()) {
            throw error(where, "must be a string of base64, got " + describe(v));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(v.textValue());
        } catch (IllegalArgumentException e) {
            throw error(where, "is not valid base64 (" + e.getMessage() + ")");
        }
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return new DecodedFloats(bytes.length % 4 == 0 ? out : null, out.length, bytes.length);
    }

    /** Values of a "data" field: read while parsing, or (a tree built elsewhere) an array of numbers. */
    private DecodedFloats numbers(JsonNode d, String where) {
        DecodedFloats f = DecodedFloats.of(d);
        if (f != null) {
            return f;
        }
        if (!d.isArray()) {
            throw error(where, "must be a list of numbers, got " + describe(d));
        }
        float[] data = new float[d.size()];
        for (int i = 0; i < data.length; i++) {
            if (!d.get(i).isNumber()) {
                throw error(where + "[" + i + "]", "must be a number, got " + describe(d.get(i)));
            }
            data[i] = d.get(i).floatValue();
        }
        return new DecodedFloats(data, data.length, -1);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (DecodedFloats.of(v) != null) {
            return DecodedFloats.of(v).toString();
        }
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
