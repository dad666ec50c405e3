package org.convlab.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.convlab.UserInputException;

/**
 * Typed, range-checked access to one JSON object of a checkpoint file. A value outside its range
 * is one line naming the file, the field as it is written in the checkpoint and the range:
 * {@code run/checkpoint-epoch-002.json: the checkpoint's "epoch" must be a whole number from 1 to
 * 10, got 2147483648}. Nothing wraps around: 2^31 is not read as -2^31.
 */
final class CheckpointFields {
    private final JsonNode node;
    private final String path;
    private final String file;

    CheckpointFields(JsonNode node, String path, String file) {
        this.node = node;
        this.path = path;
        this.file = file;
        if (node == null || !node.isObject()) {
            throw error(path.isEmpty() ? "" : path, "must be a JSON object {...}, got " + describe(node));
        }
    }

    JsonNode node() {
        return node;
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    UserInputException error(String where, String problem) {
        return new UserInputException(file + ": " + (where.isEmpty() ? "the checkpoint " : "the checkpoint's \"" + where + "\" ")
                + problem);
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    JsonNode required(String field) {
        if (!has(field)) {
            throw error(at(field), "is missing (the checkpoint is incomplete or damaged)");
        }
        return node.get(field);
    }

    CheckpointFields object(String field) {
        return new CheckpointFields(required(field), at(field), file);
    }

    /** A whole number in [min, max]; {@code why} explains the bounds ("the run's epochs"), or null. */
    long whole(String field, long min, long max, String why) {
        JsonNode v = required(field);
        String range = max == Long.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw error(at(field), "must be a whole number " + range + (why == null ? "" : " (" + why + ")")
                    + ", got " + describe(v));
        }
        return v.longValue();
    }

    int wholeInt(String field, int min, int max, String why) {
        return (int) whole(field, min, max, why);
    }

    /** Any 64-bit whole number (seeds). */
    long anyLong(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(at(field), "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    + ", got " + describe(v));
        }
        return v.longValue();
    }

    /** A finite number in [min, max] ({@code aboveMin}: min itself excluded; {@code belowMax}: max excluded). */
    double number(String field, double min, boolean aboveMin, double max, boolean belowMax) {
        JsonNode v = required(field);
        double d = v.isNumber() ? v.doubleValue() : Double.NaN;
        boolean ok = Double.isFinite(d) && (aboveMin ? d > min : d >= min) && (belowMax ? d < max : d <= max);
        if (!ok) {
            String range = (aboveMin ? "above " : "from ") + fmt(min)
                    + (Double.isInfinite(max) ? "" : (belowMax ? " and below " : " to ") + fmt(max));
            throw error(at(field), "must be a number " + range + ", got " + describe(v));
        }
        return d;
    }

    /** A statistic: a number, or NaN written as the string "NaN" (no validation set). */
    double statistic(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isTextual() && (v.textValue().equals("NaN") || v.textValue().endsWith("Infinity"))) {
            try {
                return Double.parseDouble(v.textValue()); // how Jackson writes NaN and infinities
            } catch (NumberFormatException e) {
                throw error(at(field), "must be a number, got " + describe(v));
            }
        }
        if (!v.isNumber()) {
            throw error(at(field), "must be a number, got " + describe(v));
        }
        return v.doubleValue();
    }

    boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw error(at(field), "must be true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw error(at(field), "must be a string, got " + describe(v));
        }
        return v.textValue();
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isBigInteger()) {
            BigInteger b = v.bigIntegerValue();
            return b.toString().length() > 40 ? "a number of " + b.toString().length() + " digits" : b.toString();
        }
        String s = v.isValueNode() ? v.asText() : v.isArray() ? "a list" : v.isObject() ? "an object" : v.getNodeType().toString();
        if (v.isTextual()) {
            s = "\"" + s + "\"";
        }
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
