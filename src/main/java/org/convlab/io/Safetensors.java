package org.convlab.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.io.SafetensorsHeader.Entry;

/**
 * ConvLab's own reader and writer of the safetensors format (the weights format of PyTorch's
 * ecosystem): an 8-byte little-endian header length N, N bytes of JSON header naming each
 * tensor's dtype, shape and data_offsets, then the raw little-endian data. A file is checked
 * through before anything is allocated, and read and written in chunks, so a 500 MB file costs
 * only its floats in the heap.
 */
public final class Safetensors {
    /** A header larger than this is refused: the reference implementation sets the same bound. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** Bytes moved per read or write call. */
    static final int CHUNK = 1 << 16;

    private Safetensors() {}

    /** One tensor to write or one read back: its shape (row major) and its values. */
    public record FloatTensor(long[] shape, float[] values) {
        public FloatTensor {
            shape = shape.clone();
        }

        /** For shapes held as ints, as ConvLab's layers hold them. */
        public static FloatTensor of(int[] shape, float[] values) {
            return new FloatTensor(Arrays.stream(shape).asLongStream().toArray(), values);
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }
    }

    /** What a file holds: its metadata and its tensors as floats, in the order of their data in the file. */
    public static final class Contents {
        private final Map<String, String> metadata;
        private final Map<String, FloatTensor> tensors;

        Contents(Map<String, String> metadata, Map<String, FloatTensor> tensors) {
            this.metadata = Collections.unmodifiableMap(metadata);
            this.tensors = Collections.unmodifiableMap(tensors);
        }

        public Map<String, String> metadata() {
            return metadata;
        }

        /** The tensor names, in the order of their data in the file. */
        public List<String> names() {
            return List.copyOf(tensors.keySet());
        }

        public long[] shape(String name) {
            return tensor(name).shape();
        }

        /** The values, converted to float from the file's dtype (the array itself, not a copy). */
        public float[] floats(String name) {
            return tensor(name).values();
        }

        public FloatTensor tensor(String name) {
            FloatTensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("no tensor \"" + name + "\" in this file: " + tensors.keySet());
            }
            return t;
        }
    }

    /**
     * Reads a safetensors file, every tensor as floats (F32, F16, BF16 and F64 are read).
     *
     * @throws UserInputException one line naming the file and, where there is one, the tensor
     */
    public static Contents read(Path file) {
        try (Reader reader = open(file)) {
            long total = 0;
            for (Entry e : reader.header.entries) {
                reader.requireFloat(e);
                total = MemoryGuard.plus(total, MemoryGuard.times(e.count(), Float.BYTES));
            }
            MemoryGuard.require(total, "the tensors of " + file, null);
            Map<String, FloatTensor> tensors = new LinkedHashMap<>();
            for (Entry e : reader.header.entries) {
                float[] values = MemoryGuard.floats(e.count(), SafetensorsHeader.tensor(e.name()) + " of " + file, null);
                reader.readFloats(e.name(), values);
                tensors.put(e.name(), new FloatTensor(e.shape(), values));
            }
            return new Contents(reader.header.metadata, tensors);
        }
    }

    /**
     * Opens a safetensors file and checks its header through, without reading any tensor: the
     * caller then reads the tensors it wants, each straight into its own array (an import of a
     * large state_dict then holds each tensor once).
     *
     * @throws UserInputException one line naming the file and what is wrong with it
     */
    public static Reader open(Path file) {
        long length = UserFiles.requireReadableFile(file, "safetensors file");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            if (length < 8) {
                throw SafetensorsHeader.problem(file, "is " + length + " bytes long, too short for a safetensors file"
                        + " (it starts with an 8-byte header length)");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0, file);
            long headerLength = lengthBytes.flip().getLong(); // unsigned: a negative long is beyond 2^63
            if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
                throw SafetensorsHeader.problem(file, "the header length " + Long.toUnsignedString(headerLength)
                        + " is over the 100 MB a safetensors header may be (is it a safetensors file?)");
            }
            if (headerLength > length - 8) {
                throw SafetensorsHeader.problem(file, "the header length " + headerLength + " is beyond the end of the "
                        + length + "-byte file (is it a safetensors file, and complete?)");
            }
            byte[] header = MemoryGuard.bytes(headerLength, "the header of " + file, null);
            readFully(channel, ByteBuffer.wrap(header), 8, file);
            long dataStart = 8 + headerLength;
            SafetensorsHeader parsed = SafetensorsHeader.parse(header, length - dataStart, file);
            Reader reader = new Reader(file, channel, dataStart, parsed);
            channel = null; // the reader owns it now
            return reader;
        } catch (IOException e) {
            throw UserFiles.problem(file, "safetensors file", e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the refusal already thrown says what matters
                }
            }
        }
    }

    /** An open safetensors file whose header has been checked; tensors are read on request. */
    public static final class Reader implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final long dataStart;
        private final SafetensorsHeader header;
        private final Map<String, Entry> byName = new LinkedHashMap<>();

        private Reader(Path file, FileChannel channel, long dataStart, SafetensorsHeader header) {
            this.file = file;
            this.channel = channel;
            this.dataStart = dataStart;
            this.header = header;
            header.entries.forEach(e -> byName.put(e.name(), e));
        }

        public Map<String, String> metadata() {
            return Collections.unmodifiableMap(header.metadata);
        }

        /** The tensor names, in the order of their data in the file. */
        public List<String> names() {
            return List.copyOf(byName.keySet());
        }

        public long[] shape(String name) {
            return entry(name).shape().clone();
        }

        /** The dtype as the file spells it: F32, F16, BF16, F64 or I64. */
        public String dtype(String name) {
            return entry(name).dtype().name();
        }

        /**
         * Reads a floating-point tensor into {@code into} (exactly its element count), converting
         * from the file's dtype and refusing NaN and infinity.
         */
        public void readFloats(String name, float[] into) {
            Entry e = entry(name);
            requireFloat(e);
            if (into.length != e.count()) {
                throw new IllegalArgumentException(name + " holds " + e.count() + " values, not " + into.length);
            }
            try {
                readValues(channel, dataStart + e.begin(), e, into, file);
            } catch (IOException x) {
                throw UserFiles.problem(file, "safetensors file", x);
            }
        }

        private void requireFloat(Entry e) {
            if (!e.dtype().isFloat()) {
                throw SafetensorsHeader.problem(file, SafetensorsHeader.tensor(e.name()) + " has dtype " + e.dtype()
                        + ", but ConvLab reads only F32, F16, BF16 and F64 weights");
            }
        }

        private Entry entry(String name) {
            Entry e = byName.get(name);
            if (e == null) {
                throw new IllegalArgumentException("no tensor \"" + name + "\" in " + file);
            }
            return e;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only: nothing was left unwritten
            }
        }
    }

    /** Reads one tensor's bytes chunk by chunk, converting each element and refusing NaN and infinity. */
    private static void readValues(FileChannel channel, long position, Entry e, float[] values, Path file)
            throws IOException {
        int size = e.dtype().bytes;
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int i = 0;
        while (i < values.length) {
            int n = (int) Math.min(values.length - i, CHUNK / size);
            chunk.clear().limit(n * size);
            readFully(channel, chunk, position + (long) i * size, file);
            chunk.flip();
            for (int k = 0; k < n; k++, i++) {
                float v = switch (e.dtype()) {
                    case F32 -> chunk.getFloat();
                    case F16 -> SafetensorsDtype.halfToFloat(chunk.getShort() & 0xffff);
                    case BF16 -> SafetensorsDtype.bfloat16ToFloat(chunk.getShort() & 0xffff);
                    case F64 -> (float) chunk.getDouble();
                    case I64 -> throw new IllegalStateException("I64 is refused before reading");
                };
                if (!Float.isFinite(v)) {
                    throw SafetensorsHeader.problem(file, SafetensorsHeader.tensor(e.name()) + " value " + i + " is " + v
                            + (e.dtype() == SafetensorsDtype.F64 && !Float.isNaN(v) ? " (beyond the float range)" : "")
                            + "; ConvLab reads only finite weights");
                }
                values[i] = v;
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position, Path file) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new EOFException("the file ended early (did it change while being read?)");
            }
            at += n;
        }
    }

    /**
     * Writes F32 tensors and metadata as a safetensors file, atomically (a temporary file, then a
     * rename), in chunks. As the reference implementation does, the tensors go in name order
     * (by their UTF-8 bytes), packed without gaps, and the header is padded with spaces so the
     * data starts at a multiple of 8 bytes.
     *
     * @throws UserInputException when a tensor's values do not match its shape, a value is not
     *                            finite, or the file cannot be written (the reason in plain words)
     */
    public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        Map<String, Source> sources = new LinkedHashMap<>();
        tensors.forEach((name, t) -> sources.put(name, new Source(t.shape(), FloatBuffer.wrap(t.values()), null)));
        SafetensorsWriter.write(file, sources, metadata);
    }

    /**
     * As {@link #write}, from tensors that are not copied into arrays first: F32 values read
     * from a buffer (a {@code ParamData.view()}), and I64 values (PyTorch's batch-norm counters).
     */
    public static void writeSources(Path file, Map<String, Source> tensors, Map<String, String> metadata) {
        SafetensorsWriter.write(file, tensors, metadata);
    }

    /**
     * One tensor to write: its shape and either F32 values (a buffer read from its position to
     * its limit, never changed) or I64 values.
     */
    public record Source(long[] shape, FloatBuffer floats, long[] longs) {
        public Source {
            shape = shape.clone();
            if ((floats == null) == (longs == null)) {
                throw new IllegalArgumentException("a tensor has either float or long values");
            }
        }

        public static Source f32(int[] shape, FloatBuffer values) {
            return new Source(Arrays.stream(shape).asLongStream().toArray(), values, null);
        }

        public static Source i64(long[] shape, long... values) {
            return new Source(shape, null, values.clone());
        }

        String dtype() {
            return floats != null ? "F32" : "I64";
        }

        long count() {
            return floats != null ? floats.remaining() : longs.length;
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }
    }
}
