package org.convlab.model;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.convlab.MemoryGuard;

/**
 * A JSON parser that decodes tensors while the file streams by. A string under a tensor field
 * ({@code "base64"}) is decoded with {@link JsonParser#readBinaryValue} straight from the parser's
 * input buffer into floats, without ever becoming a Java string (so Jackson's 20-million-character
 * limit on one string does not apply, and no 700 MB string is built); a list of numbers under
 * {@code "data"} is read into floats the same way. Either is then presented as one
 * {@link JsonToken#VALUE_EMBEDDED_OBJECT} holding a {@link DecodedFloats}, so that
 * {@code MAPPER.readTree(parser)} yields a small tree whose tensors are plain float arrays.
 *
 * <p>When a tensor's {@code "shape"} comes before its values (as ConvLab writes it), the float array
 * is allocated once at its final size; otherwise the values go into 4 MB chunks joined at the end.
 * Problems inside a tensor (bad base64, a word among the numbers) are reported at once with the
 * file and the JSON path.
 */
public final class TensorParser extends JsonParserDelegate {
    /** Where the tensors are: is the value of {@code field} in the object {@code where} a tensor's values? */
    @FunctionalInterface
    public interface Place {
        boolean holdsFloats(JsonStreamContext where, String field);
    }

    /** Model files: {@code {"shape": [...], "base64": "..."}} or {@code {"shape": [...], "data": [...]}}. */
    public static final Place MODEL = (where, field) -> field.equals("base64") || field.equals("data");

    /** Deeper nesting than this is refused (a model nests blocks a few levels deep, not hundreds). */
    public static final int MAX_DEPTH = 200;

    private static final int CHUNK = 1 << 20;
    private static final long MAX_VALUES = Integer.MAX_VALUE - 16;

    /**
     * Strings other than tensors (names, old files' odd fields) may be far longer than Jackson's
     * default 20 million characters; the memory guard on the file's size stands before them.
     * NaN and Infinity are accepted as numbers so that the reader can refuse them by name.
     */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE - 16).maxNestingDepth(MAX_DEPTH).build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads trees from a {@link TensorParser}; trailing data after the document is an error. */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String file;
    private final long sourceLength;
    private final Place place;

    private DecodedFloats embedded;
    // the product of the last "shape" list in the current object, -1 when unknown
    private long expected = -1;
    private int shapeDepth = -1;
    private long shapeProduct;

    /**
     * @param file         the file name for messages (null: none)
     * @param sourceLength the input's length in bytes or characters: a shape that promises more
     *                     values than could fit in it is not allocated in advance
     */
    public TensorParser(JsonParser parser, String file, long sourceLength, Place place) {
        super(parser);
        this.file = file;
        this.sourceLength = sourceLength;
        this.place = place;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        embedded = null;
        JsonToken t = delegate.nextToken();
        if (t == null) {
            return null;
        }
        switch (t.id()) {
            case JsonTokenId.ID_START_OBJECT, JsonTokenId.ID_END_OBJECT -> expected = -1;
            case JsonTokenId.ID_STRING -> {
                String field = delegate.currentName();
                if (field != null && delegate.getParsingContext().inObject()
                        && place.holdsFloats(delegate.getParsingContext(), field)) {
                    embedded = base64();
                    return JsonToken.VALUE_EMBEDDED_OBJECT;
                }
            }
            case JsonTokenId.ID_START_ARRAY -> {
                JsonStreamContext parent = delegate.getParsingContext().getParent();
                String field = delegate.currentName();
                if (field != null && parent != null && parent.inObject()) {
                    if (field.equals("shape")) {
                        shapeDepth = delegate.getParsingContext().getNestingDepth();
                        shapeProduct = 1;
                    } else if (place.holdsFloats(parent, field)) {
                        embedded = numbers();
                        return JsonToken.VALUE_EMBEDDED_OBJECT;
                    }
                } else if (shapeDepth >= 0) {
                    shapeProduct = -1; // a list inside the shape: not a shape the reader accepts
                }
            }
            case JsonTokenId.ID_NUMBER_INT -> {
                if (shapeDepth >= 0 && shapeProduct >= 0) {
                    shapeProduct = delegate.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            || delegate.getLongValue() <= 0 ? -1 : MemoryGuard.times(shapeProduct, delegate.getLongValue());
                }
            }
            case JsonTokenId.ID_END_ARRAY -> {
                if (shapeDepth >= 0 && delegate.getParsingContext().getNestingDepth() == shapeDepth - 1) {
                    expected = shapeProduct;
                    shapeDepth = -1;
                }
            }
            default -> {
                if (shapeDepth >= 0) {
                    shapeProduct = -1;
                }
            }
        }
        return t;
    }

    private DecodedFloats base64() throws IOException {
        Sink sink = new Sink(preallocated());
        try {
            delegate.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS.withPaddingAllowed(), sink);
        } catch (JsonParseException | IllegalArgumentException e) {
            // Jackson reports a bad character as either; the message names it
            String m = e instanceof JsonParseException j ? j.getOriginalMessage() : e.getMessage();
            throw error(path(delegate.getParsingContext(), null), "is not valid base64 ("
                    + (m == null ? "" : m.lines().findFirst().orElse("").replace(" content", "")) + ", line "
                    + delegate.currentLocation().getLineNr() + ", column " + delegate.currentLocation().getColumnNr() + ")");
        }
        return sink.finish(true);
    }

    private DecodedFloats numbers() throws IOException {
        Sink sink = new Sink(preallocated());
        String where = path(delegate.getParsingContext().getParent(), null);
        long i = 0;
        for (JsonToken t = delegate.nextToken(); t != JsonToken.END_ARRAY; t = delegate.nextToken(), i++) {
            if (t == null) {
                throw error(where, "the file ends inside the list of numbers");
            }
            float v;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                v = delegate.getFloatValue();
            } else if (t == JsonToken.VALUE_STRING && isNonFinite(delegate.getText())) {
                v = Float.parseFloat(delegate.getText().replace("+", ""));
            } else {
                String got = t == JsonToken.VALUE_STRING ? "\"" + clip(delegate.getText()) + "\""
                        : t == JsonToken.START_ARRAY ? "a list" : t == JsonToken.START_OBJECT ? "an object"
                        : delegate.getText();
                throw error(where + "[" + i + "]", "must be a number, got " + got);
            }
            sink.put(v);
        }
        return sink.finish(false);
    }

    private static boolean isNonFinite(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity") || s.equals("+Infinity");
    }

    private static String clip(String s) {
        return s.length() > 30 ? s.substring(0, 27) + "..." : s;
    }

    /** The announced size, when it is plausible for this input (a lie in a small file allocates nothing). */
    private long preallocated() {
        return expected >= 0 && expected <= MAX_VALUES && MemoryGuard.times(expected, Float.BYTES) <= sourceLength
                ? expected : -1;
    }

    private JsonFields.PathError error(String where, String problem) {
        return new JsonFields.PathError((file == null ? "" : file + ": ") + where + ": " + problem);
    }

    /** {@code layers[3].weight.base64} for a parsing context (plus {@code field}, if given). */
    static String path(JsonStreamContext ctx, String field) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        if (field != null) {
            parts.add("." + field);
        }
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : p;
    }

    @Override
    public JsonToken currentToken() {
        return embedded != null ? JsonToken.VALUE_EMBEDDED_OBJECT : delegate.currentToken();
    }

    @Override
    @Deprecated
    public JsonToken getCurrentToken() {
        return currentToken();
    }

    @Override
    public int currentTokenId() {
        return embedded != null ? JsonTokenId.ID_EMBEDDED_OBJECT : delegate.currentTokenId();
    }

    @Override
    @Deprecated
    public int getCurrentTokenId() {
        return currentTokenId();
    }

    @Override
    public boolean hasToken(JsonToken t) {
        return embedded != null ? t == JsonToken.VALUE_EMBEDDED_OBJECT : delegate.hasToken(t);
    }

    @Override
    public boolean hasTokenId(int id) {
        return embedded != null ? id == JsonTokenId.ID_EMBEDDED_OBJECT : delegate.hasTokenId(id);
    }

    @Override
    public boolean isExpectedStartArrayToken() {
        return embedded == null && delegate.isExpectedStartArrayToken();
    }

    @Override
    public boolean isExpectedStartObjectToken() {
        return embedded == null && delegate.isExpectedStartObjectToken();
    }

    @Override
    public Object getEmbeddedObject() throws IOException {
        return embedded != null ? embedded : delegate.getEmbeddedObject();
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        return embedded != null ? this : delegate.skipChildren();
    }

    /** Little-endian bytes (or numbers) to floats, into one array of the announced size or into chunks. */
    private final class Sink extends OutputStream {
        private final float[] exact;
        private final List<float[]> chunks = new ArrayList<>();
        private float[] chunk;
        private int inChunk;
        private long count;
        private long bytes;
        private int pending;
        private int pendingBits;

        Sink(long announced) {
            exact = announced >= 0 ? MemoryGuard.floats(announced, where() + " (" + announced + " values)", null) : null;
        }

        private String where() {
            return (file == null ? "" : file + ": ") + path(delegate.getParsingContext(), null);
        }

        @Override
        public void write(int b) {
            bytes++;
            pendingBits |= (b & 0xFF) << (8 * pending);
            if (++pending == 4) {
                put(Float.intBitsToFloat(pendingBits));
                pending = 0;
                pendingBits = 0;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int i = off;
            int end = off + len;
            while (i < end && pending != 0) {
                write(b[i++]);
            }
            for (; i + 4 <= end; i += 4) { // whole floats straight from the buffer
                bytes += 4;
                put(Float.intBitsToFloat((b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24));
            }
            while (i < end) {
                write(b[i++]);
            }
        }

        void put(float v) {
            if (exact != null) {
                if (count < exact.length) {
                    exact[(int) count] = v;
                }
            } else if (count < MAX_VALUES) {
                if (chunk == null || inChunk == chunk.length) {
                    MemoryGuard.require((long) CHUNK * Float.BYTES, where(), null);
                    chunk = new float[CHUNK];
                    chunks.add(chunk);
                    inChunk = 0;
                }
                chunk[inChunk++] = v;
            }
            count++;
        }

        DecodedFloats finish(boolean base64) {
            long byteCount = base64 ? bytes : -1;
            if (exact != null) {
                return new DecodedFloats(count == exact.length ? exact : null, count, byteCount);
            }
            if (count > MAX_VALUES) {
                return new DecodedFloats(null, count, byteCount);
            }
            float[] all = MemoryGuard.floats(count, where() + " (" + count + " values)", null);
            long at = 0;
            for (int i = 0; i < chunks.size(); i++) {
                int n = (int) Math.min(CHUNK, count - at);
                System.arraycopy(chunks.get(i), 0, all, (int) at, n);
                chunks.set(i, null); // each chunk may go as soon as it is copied
                at += n;
            }
            return new DecodedFloats(all, count, byteCount);
        }
    }
}
