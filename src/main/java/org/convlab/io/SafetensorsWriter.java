package org.convlab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.io.Safetensors.Source;
import org.convlab.model.ModelFiles;

/** Writes F32 (and I64) safetensors files the way the reference implementation lays them out (see {@link Safetensors#write}). */
final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsWriter() {}

    static void write(Path file, Map<String, Source> tensors, Map<String, String> metadata) {
        List<String> names = new ArrayList<>(tensors.keySet());
        names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        for (String name : names) {
            check(file, name, tensors.get(name));
        }
        byte[] header = header(names, tensors, metadata);
        try {
            ModelFiles.writeAtomically(file, tmp -> {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ByteBuffer chunk = ByteBuffer.allocate(Safetensors.CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                    chunk.putLong(header.length);
                    out.write(chunk.array(), 0, chunk.position());
                    out.write(header);
                    for (String name : names) {
                        Source t = tensors.get(name);
                        if (t.floats() != null) {
                            writeValues(out, t.floats(), chunk);
                        } else {
                            writeLongs(out, t.longs(), chunk);
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw UserFiles.problem(file, "safetensors file", e);
        }
    }

    private static void check(Path file, String name, Source tensor) {
        String where = file + ": " + SafetensorsHeader.tensor(name);
        if (name.equals(SafetensorsHeader.METADATA)) {
            throw new IllegalArgumentException("\"__metadata__\" is the format's own name, not a tensor name");
        }
        long count = 1;
        for (long d : tensor.shape()) {
            if (d < 0) {
                throw new UserInputException(where + " has a negative size in its shape " + Arrays.toString(tensor.shape()));
            }
            count = MemoryGuard.times(count, d);
        }
        if (count != tensor.count()) {
            throw new UserInputException(where + " has shape " + Arrays.toString(tensor.shape()) + " = "
                    + MemoryGuard.count(count) + " values, but " + MemoryGuard.count(tensor.count()) + " are given");
        }
        FloatBuffer values = tensor.floats();
        if (values != null) {
            for (int i = 0; i < values.remaining(); i++) {
                float v = values.get(values.position() + i);
                if (!Float.isFinite(v)) {
                    throw new UserInputException(where + " value " + i + " is " + v + "; only finite weights are saved");
                }
            }
        }
    }

    /**
     * The header JSON, compact as serde_json writes it: "__metadata__" first when there is any,
     * then the tensors in data order; padded with spaces to a multiple of 8 bytes.
     */
    private static byte[] header(List<String> names, Map<String, Source> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = root.putObject(SafetensorsHeader.METADATA);
            metadata.forEach((key, value) -> meta.put(key, java.util.Objects.requireNonNull(value, "metadata " + key)));
        }
        long offset = 0;
        for (String name : names) {
            Source t = tensors.get(name);
            ObjectNode entry = root.putObject(name);
            entry.put("dtype", t.dtype());
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long end = offset + t.count() * (t.floats() != null ? Float.BYTES : Long.BYTES);
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }

    /** The floats, little endian, one chunk at a time: never the whole file in one array. */
    private static void writeValues(OutputStream out, FloatBuffer values, ByteBuffer chunk) throws IOException {
        int perChunk = chunk.capacity() / Float.BYTES;
        FloatBuffer source = values.duplicate(); // the caller's buffer keeps its position
        while (source.hasRemaining()) {
            int n = Math.min(perChunk, source.remaining());
            chunk.clear();
            FloatBuffer part = source.slice();
            part.limit(n);
            chunk.asFloatBuffer().put(part);
            source.position(source.position() + n);
            out.write(chunk.array(), 0, n * Float.BYTES);
        }
    }

    private static void writeLongs(OutputStream out, long[] values, ByteBuffer chunk) throws IOException {
        int perChunk = chunk.capacity() / Long.BYTES;
        for (int i = 0; i < values.length; i += perChunk) {
            int n = Math.min(perChunk, values.length - i);
            chunk.clear();
            chunk.asLongBuffer().put(values, i, n);
            out.write(chunk.array(), 0, n * Long.BYTES);
        }
    }
}
