package org.convlab.io;

import static org.convlab.io.SafetensorsFiles.bytes;
import static org.convlab.io.SafetensorsFiles.file;
import static org.convlab.io.SafetensorsFiles.le16;
import static org.convlab.io.SafetensorsFiles.le32;
import static org.convlab.io.SafetensorsFiles.le64;
import static org.convlab.io.SafetensorsFiles.u64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convlab.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every broken or hostile file is one line naming the file (and the tensor), before any large allocation. */
class SafetensorsHostileTest {
    @TempDir
    Path dir;

    /** The message for reading {@code content}, checked to be one line that starts with the file's name. */
    private String refusal(byte[] content) throws Exception {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, content);
        return refusal(f);
    }

    private static String refusal(Path f) {
        String m = assertThrows(UserInputException.class, () -> Safetensors.read(f)).getMessage();
        assertTrue(m.startsWith(f + ": "), m);
        assertFalse(m.contains("\n"), m);
        return m;
    }

    private static String one(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    private static void assertHas(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected \"" + p + "\" in: " + message);
        }
    }

    @Test
    void headerLengthsBeyondTheFileOrHundredMegabytesAreRefused() throws Exception {
        assertHas(refusal(bytes(1, 2, 3)), "3 bytes long, too short");
        assertHas(refusal(new byte[0]), "0 bytes long");
        // 2^63 and 2^64 - 1 as unsigned lengths: no allocation is tried
        assertHas(refusal(u64(Long.MIN_VALUE)), "9223372036854775808", "over the 100 MB");
        assertHas(refusal(u64(-1L)), "18446744073709551615", "over the 100 MB");
        assertHas(refusal(u64(200_000_000L)), "200000000", "over the 100 MB");
        byte[] f = file("{}", new byte[0]);
        f[0] = 100; // claims 100 header bytes in a 10-byte file
        assertHas(refusal(f), "header length 100 is beyond the end of the 10-byte file");
    }

    @Test
    void headersThatAreNotUtf8JsonObjectsAreRefused() throws Exception {
        assertHas(refusal(file(bytes(0x7B, 0xFF, 0xFE, 0x7D), new byte[0])), "is not UTF-8 text");
        assertHas(refusal(file("{\"a\":", new byte[0])), "the header is not valid JSON");
        assertHas(refusal(file("[1,2]", new byte[0])), "the header is not a JSON object");
        assertHas(refusal(file("{} {}", new byte[0])), "more after its JSON object");
        assertHas(refusal(file("{\"__metadata__\":{\"k\":1}}", new byte[0])), "\"__metadata__\" entry \"k\" must be a string");
        assertHas(refusal(file("{\"__metadata__\":[]}", new byte[0])), "\"__metadata__\" must be an object");
        assertHas(refusal(file("{\"w\":5}", new byte[0])), "tensor \"w\" must be an object");
        assertHas(refusal(file("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4])), "tensor \"w\" has no dtype");
        assertHas(refusal(file("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", new byte[4])), "tensor \"w\" shape must be an array");
        assertHas(refusal(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", new byte[4])),
                "tensor \"w\" data_offsets must be an array of 2 whole numbers");
    }

    @Test
    void dtypesConvLabDoesNotReadAreNamed() throws Exception {
        assertHas(refusal(file("{" + one("step", "I64", "[1]", 0, 8) + "}", new byte[8])),
                "tensor \"step\" has dtype I64, but ConvLab reads only F32, F16, BF16 and F64");
        assertHas(refusal(file("{" + one("mask", "BOOL", "[2]", 0, 2) + "}", new byte[2])), "tensor \"mask\" has dtype BOOL");
    }

    @Test
    void impossibleShapesAreRefusedWithoutAllocating() throws Exception {
        assertHas(refusal(file("{" + one("w", "F32", "[-1]", 0, 0) + "}", new byte[0])), "tensor \"w\" shape has -1, a negative number");
        assertHas(refusal(file("{" + one("w", "F32", "[2.5]", 0, 0) + "}", new byte[0])), "tensor \"w\" shape has 2.5, not a whole number");
        assertHas(refusal(file("{" + one("w", "F32", "[99999999999999999999999]", 0, 0) + "}", new byte[0])),
                "tensor \"w\" shape has 99999999999999999999999, past the range of a long");
        // 2^40 x 2^40 = 2^80 values: saturates, and is refused before offsets or memory are looked at
        assertHas(refusal(file("{" + one("huge", "F32", "[1099511627776,1099511627776]", 0, 0) + "}", new byte[0])),
                "tensor \"huge\" has more than 9.2e18 values, more than the 2,147,483,631 one Java array can hold");
        assertHas(refusal(file("{" + one("big", "F32", "[65536,65536]", 0, 0) + "}", new byte[0])),
                "tensor \"big\" has 4,294,967,296 values");
        assertHas(refusal(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,-4]}}", new byte[4])),
                "tensor \"w\" data_offsets has -4, a negative number");
    }

    @Test
    void offsetsThatDoNotTileTheDataAreRefused() throws Exception {
        assertHas(refusal(file("{" + one("w", "F32", "[2]", 0, 4) + "}", new byte[4])),
                "tensor \"w\" data_offsets [0, 4] hold 4 bytes, but shape [2] of F32 needs 2 x 4 = 8");
        assertHas(refusal(file("{" + one("w", "F32", "[0]", 4, 0) + "}", new byte[4])), "tensor \"w\" data_offsets [4, 0] end before");
        assertHas(refusal(file("{" + one("w", "F32", "[2]", 0, 8) + "}", new byte[4])),
                "tensor \"w\" data_offsets [0, 8] run past the end of the file (4 data bytes)");
        assertHas(refusal(file("{" + one("a", "F32", "[2]", 0, 8) + "," + one("b", "F32", "[2]", 4, 12) + "}", new byte[12])),
                "tensor \"b\" data_offsets [4, 12] overlap those of tensor \"a\"");
        assertHas(refusal(file("{" + one("a", "F32", "[1]", 0, 4) + "," + one("b", "F32", "[1]", 8, 12) + "}", new byte[12])),
                "tensor \"b\" data_offsets [8, 12] leave a gap of 4 bytes");
        assertHas(refusal(file("{" + one("b", "F32", "[1]", 4, 8) + "}", new byte[8])), "tensor \"b\" data_offsets [4, 8] leave a gap of 4");
        assertHas(refusal(file("{" + one("a", "F32", "[1]", 0, 4) + "}", new byte[6])), "end at data byte 4, but the file has 2 more bytes");
    }

    @Test
    void aNameTwiceIsRefused() throws Exception {
        assertHas(refusal(file("{" + one("w", "F32", "[1]", 0, 4) + "," + one("w", "F32", "[1]", 4, 8) + "}", new byte[8])),
                "the header is not valid JSON (Duplicate field 'w')");
        assertHas(refusal(file("{\"__metadata__\":{},\"__metadata__\":{}}", new byte[0])), "Duplicate field '__metadata__'");
        assertHas(refusal(file("{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4])),
                "the header is not valid JSON (Duplicate field 'dtype')");
    }

    @Test
    void valuesThatAreNotFiniteAreNamedWithTheirIndex() throws Exception {
        // 1.0 then NaN (0x7FC00000)
        assertEquals(dir.resolve("bad.safetensors") + ": tensor \"fc.bias\" value 1 is NaN; ConvLab reads only finite weights",
                refusal(file("{" + one("fc.bias", "F32", "[2]", 0, 8) + "}", le32(0x3F800000, 0x7FC00000))));
        assertHas(refusal(file("{" + one("w", "F32", "[1]", 0, 4) + "}", le32(0xFF800000))), "tensor \"w\" value 0 is -Infinity");
        assertHas(refusal(file("{" + one("h", "F16", "[2]", 0, 4) + "}", le16(0x3C00, 0x7C00))), "tensor \"h\" value 1 is Infinity");
        assertHas(refusal(file("{" + one("d", "F64", "[1]", 0, 8) + "}", le64(Double.doubleToLongBits(1e300)))),
                "tensor \"d\" value 0 is Infinity (beyond the float range)");
    }

    @Test
    void foldersMissingFilesAndPipesAreNamed() throws Exception {
        assertHas(refusal(dir), "is a folder");
        assertHas(refusal(dir.resolve("missing.safetensors")), "no such file");
    }

    @Test
    void hugeNamesDeepNestingAndLongNumbersStayOneShortLine() throws Exception {
        String name = "w".repeat(10_000);
        String m = refusal(file("{" + one(name, "I64", "[1]", 0, 8) + "}", new byte[8]));
        assertHas(m, "tensor \"" + "w".repeat(120) + "... (10,000 characters)\" has dtype I64");
        assertTrue(m.length() < 400, m);
        m = refusal(file("{" + one(name, "F32", "[1]", 0, 4) + "," + one(name, "F32", "[1]", 4, 8) + "}", new byte[8]));
        assertHas(m, "the header is not valid JSON (Duplicate field", "characters)");
        assertTrue(m.length() < 400, m);
        // past Jackson's 50,000-character limit for a name
        m = refusal(file("{" + one("w".repeat(1_000_000), "F32", "[1]", 0, 4) + "}", new byte[4]));
        assertHas(m, "the header is not valid JSON");
        assertTrue(m.length() < 400, m);
        // 100,000 nested arrays: Jackson's depth limit, not a StackOverflowError
        assertHas(refusal(file("{\"w\":" + "[".repeat(100_000), new byte[0])), "the header is not valid JSON");
        assertHas(refusal(file("{" + one("w", "F32", "[" + "9".repeat(5000) + "]", 0, 4) + "}", new byte[4])),
                "the header is not valid JSON");
    }
}
