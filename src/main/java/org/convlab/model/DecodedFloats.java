package org.convlab.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;

/**
 * The values of one tensor field as {@link TensorParser} decoded them while the file streamed by:
 * a base64 string (with its byte count, so a wrong length can be named) or a list of numbers.
 * It sits in the JSON tree as a {@link POJONode}; written back (for instance by
 * {@code JsonNode.toString()}) it becomes the same JSON again, streamed.
 */
public final class DecodedFloats implements JsonSerializable {
    private final float[] values;
    private final long count;
    private final long bytes;

    /**
     * @param values the values, or null when they were not kept (more than one array holds, or
     *               more than the shape announced)
     * @param count  how many whole float32 values the field holds
     * @param bytes  the decoded byte count of a base64 field; -1 for a list of numbers
     */
    DecodedFloats(float[] values, long count, long bytes) {
        this.values = values;
        this.count = count;
        this.bytes = bytes;
    }

    /** The decoded values of a tree node that {@link TensorParser} made, or null when it is something else. */
    public static DecodedFloats of(JsonNode node) {
        return node instanceof POJONode p && p.getPojo() instanceof DecodedFloats f ? f : null;
    }

    /** The values in place (null when not kept); the caller takes them over. */
    public float[] values() {
        return values;
    }

    public long count() {
        return count;
    }

    public boolean isBase64() {
        return bytes >= 0;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        if (values == null) {
            g.writeNull();
        } else if (isBase64()) {
            TensorWriting.base64(g, values);
        } else {
            TensorWriting.numbers(g, values);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer) throws IOException {
        serialize(g, provider);
    }

    @Override
    public String toString() {
        return isBase64() ? "base64 data (" + org.convlab.MemoryGuard.size(bytes) + ")" : "a list of " + count + " numbers";
    }
}
