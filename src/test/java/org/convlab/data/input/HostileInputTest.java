package org.convlab.data.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input files for forward and grad that lie about their size or hold values no network can take
 * (issue 13): .npy headers whose lengths and shapes overflow 32 bits, JSON shapes beyond a long,
 * NaN, trailing data, pipes. Each is refused in one line naming the file; nothing is allocated
 * from a claim the file does not back.
 */
class HostileInputTest {
    private static final Shape IN = Shape.of(1, 2, 3);

    @TempDir
    Path dir;

    private UserInputException refusal(Path file) {
        return assertThrows(UserInputException.class, () -> InputFile.read(file, IN, PixelScale.UNIT, n -> { }));
    }

    private static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** An .npy file of format {@code major}.0 with the header text given and the length field as given. */
    private Path npy(String name, int major, long headerLengthField, String header, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            len.putShort((short) headerLengthField);
        } else {
            len.putInt((int) headerLengthField);
        }
        out.write(len.array());
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private Path npy(String name, String descr, String shape, byte[] data) throws IOException {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
        return npy(name, 1, header.length(), header, data);
    }

    @Test
    void aVersion2HeaderLengthNear2To31IsRefusedAsTruncatedNotOverflowed() throws IOException {
        Path file = npy("big.npy", 2, Integer.MAX_VALUE - 3, "{'descr': '<f4', ", new byte[0]);
        assertEquals("big.npy is a truncated .npy file: its header claims 2,147,483,644 bytes, but the file holds 17"
                + " after the first 12", refusal(file).getMessage());
        // an unsigned length above 2^31 (read as a negative int before)
        Path beyond = npy("beyond.npy", 3, 0xFFFF_FFF0L, "{}", new byte[0]);
        assertTrue(refusal(beyond).getMessage().contains("its header claims 4,294,967,280 bytes"), refusal(beyond).getMessage());
    }

    @Test
    void aVersion1HeaderLongerThanTheFileIsRefused() throws IOException {
        Path file = npy("short.npy", 1, 65_535, "{'descr'", new byte[0]);
        assertEquals("short.npy is a truncated .npy file: its header claims 65,535 bytes, but the file holds 8 after the first 10",
                refusal(file).getMessage());
    }

    @Test
    void aShapeWhoseCountOverflowsALongIsAShapeMismatchNotAWrappedSize() throws IOException {
        Path file = npy("wrap.npy", "<f4", "(4294967296, 4294967296, 4294967296)", floats(1, 2, 3, 4, 5, 6));
        assertEquals("wrap.npy holds a tensor of shape [4294967296, 4294967296, 4294967296] but the model's input is [1, 2, 3]"
                + " (channels, height, width)", refusal(file).getMessage());
        Path huge = npy("huge.npy", "<f4", "(99999999999999999999999,)", new byte[0]);
        assertTrue(refusal(huge).getMessage().startsWith("huge.npy: cannot read the .npy shape"), refusal(huge).getMessage());
        Path negative = npy("neg.npy", "<f4", "(-2, -3)", new byte[0]);
        assertEquals("neg.npy: the .npy shape (-2, -3) holds a negative size", refusal(negative).getMessage());
    }

    @Test
    void dataShorterOrLongerThanTheShapeIsRefusedWithBothSizes() throws IOException {
        Path cut = npy("cut.npy", "<f4", "(1, 2, 3)", floats(1, 2, 3, 4, 5));
        assertEquals("cut.npy is truncated: its shape (1, 2, 3) needs 24 bytes of float32 values, but the file holds 20",
                refusal(cut).getMessage());
        Path extra = npy("extra.npy", "<f4", "(2, 3)", floats(1, 2, 3, 4, 5, 6, 7));
        assertEquals("extra.npy has data after its array: its shape (2, 3) needs 24 bytes of float32 values, but the file"
                + " holds 28", refusal(extra).getMessage());
    }

    @Test
    void aNaNInAnNpyIsRefusedNamingItsIndexAndPlace() throws IOException {
        Path file = npy("nan.npy", "<f4", "(1, 2, 3)", floats(1, 2, 3, 4, Float.NaN, 6));
        assertEquals("nan.npy: value 4 (channel 0, row 1, column 1) is NaN: inputs must be finite numbers",
                refusal(file).getMessage());
        Path inf = npy("inf.npy", "<f4", "(2, 3)", floats(Float.NEGATIVE_INFINITY, 2, 3, 4, 5, 6));
        assertTrue(refusal(inf).getMessage().startsWith("inf.npy: value 0 (channel 0, row 0, column 0) is -Infinity"));
    }

    @Test
    void fortranOrderAndOtherDtypesAreNamed() throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }\n";
        Path fortran = npy("f.npy", 1, header.length(), header, floats(1, 2, 3, 4, 5, 6));
        assertTrue(refusal(fortran).getMessage().startsWith("f.npy is stored in Fortran order"));
        Path ints = npy("i.npy", "<i4", "(2, 3)", new byte[24]);
        assertTrue(refusal(ints).getMessage().startsWith("i.npy holds int32 values ('<i4')"));
        Path big = npy("b.npy", ">f4", "(2, 3)", new byte[24]);
        assertTrue(refusal(big).getMessage().startsWith("b.npy holds big-endian float32 values ('>f4')"));
    }

    @Test
    void aGoodVersion2NpyStillReads() throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 3), }\n";
        Path file = npy("v2.npy", 2, header.length(), header, floats(1, 2, 3, 4, 5, 6.5f));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6.5f}, InputFile.read(file, IN, PixelScale.UNIT, n -> { }));
    }

    @Test
    void aJsonShapeBeyondALongIsRefusedNotWrappedToOne() throws IOException {
        // 2^64 + 1: Jackson's asLong() wraps it to 1, which fits the model's width of ... 1
        Path file = Files.writeString(dir.resolve("wrap.json"),
                "{\"shape\": [18446744073709551617, 2, 3], \"data\": [1, 2, 3, 4, 5, 6]}");
        assertEquals("wrap.json: shape[0] is 18446744073709551617, larger than any size ConvLab can hold (2,147,483,647)",
                refusal(file).getMessage());
        Files.writeString(file, "{\"shape\": [4294967297, 2, 3], \"data\": [1, 2, 3, 4, 5, 6]}");
        assertTrue(refusal(file).getMessage().startsWith("wrap.json: shape[0] is 4294967297, larger than"));
        Files.writeString(file, "{\"shape\": [1.5, 2, 3], \"data\": [1, 2, 3, 4, 5, 6]}");
        assertEquals("wrap.json: shape[0] must be a positive whole number, found 1.5", refusal(file).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e39"})
    void aJsonValueThatIsNotAFiniteFloatIsRefusedNamingItsIndex(String value) throws IOException {
        Path file = Files.writeString(dir.resolve("v.json"), "{\"shape\": [1, 2, 3], \"data\": [1, 2, " + value + ", 4, 5, 6]}");
        String tooLarge = value.equals("1e39") ? ", too large for a float32" : "";
        assertEquals("v.json: data[2] is " + value + tooLarge + ": inputs must be finite numbers", refusal(file).getMessage());
    }

    @Test
    void jsonWithTheWrongCountNestedDataOrTrailingDataIsRefused() throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "{\"shape\": [1, 2, 3], \"data\": [" + "1, ".repeat(100_000) + "1]}");
        assertEquals("t.json: shape [1, 2, 3] needs 6 values but 'data' has 100001", refusal(file).getMessage());
        Files.writeString(file, "{\"shape\": [1, 2, 3], \"data\": [[1, 2, 3], [4, 5, 6]]}");
        assertTrue(refusal(file).getMessage().startsWith("t.json: data[0] is not a number but a nested array"));
        Files.writeString(file, "{\"shape\": [1, 2, 3], \"data\": [1, 2, 3, 4, 5, 6]} {\"more\": 1}");
        assertTrue(refusal(file).getMessage().startsWith("t.json has more after its JSON object"), refusal(file).getMessage());
        Files.writeString(file, "{\"data\": [1, 2, 3, 4, 5, 6], \"shape\": [2, 3]}"); // any order of fields
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, InputFile.read(file, IN, PixelScale.UNIT, n -> { }));
        Files.writeString(file, "{\"shape\": [1, 2, 3], \"data\": [1, 2, 3");
        assertTrue(refusal(file).getMessage().startsWith("t.json"), refusal(file).getMessage());
    }

    @Test
    void aNamedPipeAsInputIsRefusedNotWaitedOn() throws IOException, InterruptedException {
        Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase().contains("win"), "no named pipes on Windows");
        Path pipe = dir.resolve("in.npy");
        Process p = new ProcessBuilder("mkfifo", pipe.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
        assertTrue(refusal(pipe).getMessage().startsWith(pipe + ": is not a regular file (a named pipe, socket or device)"),
                refusal(pipe).getMessage());
    }

    @Test
    void aDeviceAsInputIsRefused() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertTrue(refusal(zero).getMessage().contains("is not a regular file"));
    }
}
