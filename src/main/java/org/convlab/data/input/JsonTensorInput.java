package org.convlab.data.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/** A tensor written as JSON: {@code {"shape": [C, H, W], "data": [...]}}, data flat and row major. */
final class JsonTensorInput {
    private JsonTensorInput() {}

    static float[] read(Path file, Shape expected) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new UserInputException(name + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + name + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException(name + ": expected a JSON object {\"shape\": [C, H, W], \"data\": [...]}");
        }
        JsonNode shapeNode = root.get("shape");
        JsonNode data = root.get("data");
        if (shapeNode == null || !shapeNode.isArray() || shapeNode.isEmpty()) {
            throw new UserInputException(name + ": field 'shape' must be an array of sizes such as [1, 28, 28]");
        }
        if (data == null || !data.isArray()) {
            throw new UserInputException(name + ": field 'data' must be an array of numbers");
        }
        long[] dims = new long[shapeNode.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || d.asLong() <= 0) {
                throw new UserInputException(name + ": shape[" + i + "] must be a positive whole number, found " + d);
            }
            dims[i] = d.asLong();
        }
        InputShapes.check(name, dims, expected);
        if (data.size() != expected.size()) {
            throw new UserInputException(name + ": shape " + shapeNode + " needs " + expected.size()
                    + " values but 'data' has " + data.size());
        }
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = data.get(i);
            if (!v.isNumber()) {
                throw new UserInputException(name + ": data[" + i + "] is not a number: " + v);
            }
            values[i] = (float) v.asDouble();
        }
        return values;
    }
}
