package org.convlab.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * The JSON header of a safetensors file, checked through before a single tensor is allocated:
 * every dtype known, every shape a count of whole non-negative numbers, every tensor's bytes
 * exactly shape x dtype size, and the tensors packed one after another from the first data byte
 * to the last, without gaps or overlaps (as the reference implementation requires).
 */
final class SafetensorsHeader {
    static final String METADATA = "__metadata__";

    /** One tensor's place in the file; offsets count from the first byte after the header. */
    record Entry(String name, SafetensorsDtype dtype, long[] shape, long count, long begin, long end) {}

    /** Strict about a name given twice, at the top (two tensors) and inside a tensor (two dtypes). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    final Map<String, String> metadata;
    /** In the order of their data in the file. */
    final List<Entry> entries;

    private SafetensorsHeader(Map<String, String> metadata, List<Entry> entries) {
        this.metadata = metadata;
        this.entries = entries;
    }

    /**
     * Parses and checks a header.
     *
     * @param dataLength bytes of the file after the header, which the tensors must fill exactly
     */
    static SafetensorsHeader parse(byte[] header, long dataLength, Path file) {
        String text = UserFiles.utf8(header, file, "safetensors header");
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw problem(file, "the header is not a JSON object");
            }
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                JsonNode value = JSON.readTree(parser);
                if (name.equals(METADATA)) {
                    readMetadata(value, metadata, file);
                } else {
                    entries.add(entry(name, value, dataLength, file));
                }
            }
            if (parser.nextToken() != null) {
                throw problem(file, "the header has more after its JSON object");
            }
        } catch (JsonProcessingException e) {
            throw problem(file, "the header is not valid JSON (" + shortened(e.getOriginalMessage().lines().findFirst().orElse("")) + ")");
        } catch (IOException e) {
            throw UserFiles.problem(file, "safetensors file", e);
        }
        checkPacked(entries, dataLength, file);
        return new SafetensorsHeader(metadata, entries);
    }

    private static void readMetadata(JsonNode value, Map<String, String> metadata, Path file) {
        if (!value.isObject()) {
            throw problem(file, "\"__metadata__\" must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw problem(file, "\"__metadata__\" entry " + quoted(field.getKey()) + " must be a string");
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
    }

    private static Entry entry(String name, JsonNode value, long dataLength, Path file) {
        String where = tensor(name);
        if (!value.isObject()) {
            throw problem(file, where + " must be an object with dtype, shape and data_offsets");
        }
        JsonNode dtypeNode = value.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw problem(file, where + " has no dtype string");
        }
        SafetensorsDtype dtype = SafetensorsDtype.named(dtypeNode.textValue());
        if (dtype == null) {
            throw problem(file, where + " has dtype " + dtypeNode.textValue()
                    + ", but ConvLab reads only F32, F16, BF16 and F64 weights");
        }
        long[] shape = whole(value.get("shape"), -1, where + " shape", file);
        long count = 1;
        for (long d : shape) {
            count = MemoryGuard.times(count, d);
        }
        if (count > Integer.MAX_VALUE - 16) {
            throw problem(file, where + " has " + MemoryGuard.count(count)
                    + " values, more than the 2,147,483,631 one Java array can hold");
        }
        long[] offsets = whole(value.get("data_offsets"), 2, where + " data_offsets", file);
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin) {
            throw problem(file, where + " data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        long bytes = count * dtype.bytes; // count < 2^31, so no overflow
        if (end - begin != bytes) {
            throw problem(file, where + " data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                    + " bytes, but shape " + java.util.Arrays.toString(shape) + " of " + dtype + " needs "
                    + count + " x " + dtype.bytes + " = " + bytes);
        }
        if (end > dataLength) {
            throw problem(file, where + " data_offsets [" + begin + ", " + end + "] run past the end of the file ("
                    + dataLength + " data bytes)");
        }
        return new Entry(name, dtype, shape, count, begin, end);
    }

    /** A JSON array of whole non-negative numbers that fit a long, of {@code length} items (or any, if -1). */
    private static long[] whole(JsonNode node, int length, String where, Path file) {
        if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
            throw problem(file, where + (length < 0 ? " must be an array of whole numbers"
                    : " must be an array of " + length + " whole numbers"));
        }
        long[] out = new long[node.size()]; // the header is at most 100 MB, so this is bounded too
        for (int i = 0; i < out.length; i++) {
            JsonNode n = node.get(i);
            if (!n.isIntegralNumber()) {
                throw problem(file, where + " has " + n + ", not a whole number");
            }
            if (!n.canConvertToLong()) {
                throw problem(file, where + " has " + n + ", past the range of a long");
            }
            if (n.longValue() < 0) {
                throw problem(file, where + " has " + n + ", a negative number");
            }
            out[i] = n.longValue();
        }
        return out;
    }

    /** The tensors, ordered by their data, must fill the data bytes from 0 to the end exactly once. */
    private static void checkPacked(List<Entry> entries, long dataLength, Path file) {
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end).thenComparing(Entry::name));
        long expected = 0;
        Entry previous = null;
        for (Entry e : entries) {
            if (e.begin() < expected) {
                throw problem(file, tensor(e.name()) + " data_offsets [" + e.begin() + ", " + e.end()
                        + "] overlap those of " + tensor(previous.name()));
            }
            if (e.begin() > expected) {
                throw problem(file, tensor(e.name()) + " data_offsets [" + e.begin() + ", " + e.end()
                        + "] leave a gap of " + (e.begin() - expected) + " bytes before them");
            }
            expected = e.end();
            previous = e;
        }
        if (expected != dataLength) {
            throw problem(file, "the tensors end at data byte " + expected + ", but the file has "
                    + (dataLength - expected) + " more bytes after them");
        }
    }

    /** A longest name or detail shown in a message: a hostile header may hold names megabytes long. */
    static final int SHOWN = 120;

    /** {@code tensor "NAME"}, a long name cut short so the message stays one readable line. */
    static String tensor(String name) {
        return "tensor " + quoted(name);
    }

    static String quoted(String name) {
        return "\"" + shortened(name) + "\"";
    }

    static String shortened(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + MemoryGuard.count(text.length()) + " characters)";
    }

    static UserInputException problem(Path file, String what) {
        return new UserInputException(file + ": " + what);
    }
}
