package org.convlab.data.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * A tensor written as JSON: {@code {"shape": [C, H, W], "data": [...]}}, data flat and row major.
 * Read as a stream, so the file is never held as a tree: at most the model's input size of
 * values is kept (through the memory guard), the rest only counted. Sizes are checked as written
 * (a shape of 2^64+1 is refused, not wrapped to 1), NaN and infinite values are refused naming
 * their index, and anything after the closing brace is an error.
 */
final class JsonTensorInput {
    /** More sizes than this is no picture of an input. */
    private static final int MAX_DIMS = 16;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN is refused by name, not as a syntax error
            .build();

    private JsonTensorInput() {}

    static float[] read(Path file, Shape expected) {
        String name = file.getFileName().toString();
        UserFiles.requireReadableFile(file, "JSON tensor file");
        Parsed p;
        try (InputStream in = UserFiles.open(file, "JSON tensor file"); JsonParser parser = JSON.createParser(in)) {
            p = parse(parser, name, expected);
        } catch (JsonProcessingException e) {
            throw new UserInputException(name + " is not valid JSON: " + oneLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw UserFiles.problem(file, "JSON tensor file", e);
        }
        if (p.dims == null) {
            throw new UserInputException(name + ": field 'shape' must be an array of sizes such as [1, 28, 28]");
        }
        if (p.count < 0) {
            throw new UserInputException(name + ": field 'data' must be an array of numbers");
        }
        InputShapes.check(name, p.dims, expected);
        if (p.count != expected.size()) {
            throw new UserInputException(name + ": shape " + java.util.Arrays.toString(p.dims) + " needs " + expected.size()
                    + " values but 'data' has " + p.count);
        }
        if (p.firstBad != null) {
            throw new UserInputException(name + ": " + p.firstBad);
        }
        return p.values;
    }

    /** What the stream held: shape (null if absent), values, how many ({@code -1} if no data), the first bad value. */
    private static final class Parsed {
        long[] dims;
        float[] values;
        long count = -1;
        String firstBad;
    }

    private static Parsed parse(JsonParser parser, String name, Shape expected) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new UserInputException(name + ": expected a JSON object {\"shape\": [C, H, W], \"data\": [...]}");
        }
        Parsed p = new Parsed();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("shape".equals(field)) {
                p.dims = shape(parser, value, name);
            } else if ("data".equals(field)) {
                if (value != JsonToken.START_ARRAY) {
                    throw new UserInputException(name + ": field 'data' must be an array of numbers");
                }
                data(parser, p, name, expected);
            } else {
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new UserInputException(name + " has more after its JSON object (line "
                    + parser.currentLocation().getLineNr() + "): one file holds one tensor");
        }
        return p;
    }

    private static long[] shape(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new UserInputException(name + ": field 'shape' must be an array of sizes such as [1, 28, 28]");
        }
        List<Long> dims = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            int i = dims.size();
            String text = t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT ? t.asString() : parser.getText();
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw new UserInputException(name + ": shape[" + i + "] must be a positive whole number, found " + text);
            }
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER || parser.getLongValue() > Integer.MAX_VALUE) {
                throw new UserInputException(name + ": shape[" + i + "] is " + shorten(text) + ", larger than any size"
                        + " ConvLab can hold (" + MemoryGuard.count(Integer.MAX_VALUE) + ")");
            }
            if (parser.getLongValue() <= 0) {
                throw new UserInputException(name + ": shape[" + i + "] must be a positive whole number, found " + text);
            }
            if (i == MAX_DIMS) {
                throw new UserInputException(name + ": field 'shape' has more than " + MAX_DIMS + " sizes");
            }
            dims.add(parser.getLongValue());
        }
        if (dims.isEmpty()) {
            throw new UserInputException(name + ": field 'shape' must be an array of sizes such as [1, 28, 28]");
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    /** Reads the data array: at most the model's input size of values is kept, the rest counted. */
    private static void data(JsonParser parser, Parsed p, String name, Shape expected) throws IOException {
        int keep = expected.size();
        if (p.values == null) {
            p.values = MemoryGuard.floats(keep, "the input " + name, "use a smaller input");
        }
        long count = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == null) {
                throw new UserInputException(name + " ends inside its 'data' array: the file is truncated");
            }
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                throw new UserInputException(name + ": data[" + count + "] is not a number but a nested "
                        + (t == JsonToken.START_ARRAY ? "array" : "object") + ": 'data' is one flat array, row major");
            }
            if (!t.isNumeric()) {
                noteBad(p, "data[" + count + "] is not a number: " + shorten(parser.getText()));
            } else if (count < keep) {
                double v = parser.getDoubleValue();
                float f = (float) v;
                if (!Float.isFinite(f)) {
                    noteBad(p, "data[" + count + "] is " + shorten(parser.getText())
                            + (Double.isFinite(v) ? ", too large for a float32" : "") + ": inputs must be finite numbers");
                }
                p.values[(int) count] = f;
            }
            count++;
        }
        p.count = count;
    }

    private static void noteBad(Parsed p, String problem) {
        if (p.firstBad == null) {
            p.firstBad = problem;
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
