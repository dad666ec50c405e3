package org.convlab.data.sound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.convlab.UserInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * WAV decoding: every format WavFile reads, with samples whose float value is exact (a multiple
 * of 2^-(bits-1)), a file written by Python's wave module, mixdown, and each refusal.
 */
class WavFileTest {
    /** Exact in every format: k / 8 fits 8-bit (k * 16 / 128) and all wider ones. */
    private static final double[] EXACT = {0, 0.5, -0.5, -1, 0.25, 0.75, -0.125};

    @ParameterizedTest(name = "{0}-bit float={1} extensible={2}")
    @CsvSource({"8,false,false", "16,false,false", "24,false,false", "32,false,false", "32,true,false",
        "16,false,true", "24,false,true", "32,true,true"})
    void readsEachFormatExactly(int bits, boolean floating, boolean extensible) {
        WavFile.Clip clip = WavFile.decode(WavWriter.bytes(EXACT, 1, 8000, bits, floating, extensible));
        assertArrayEquals(toFloats(EXACT), clip.samples());
        assertEquals(8000, clip.sampleRate());
        assertEquals(bits, clip.bitsPerSample());
        assertEquals(floating, clip.floating());
    }

    @Test
    void handBuiltSixteenBitFileWithAnOddUnknownChunkBeforeFmt() {
        // RIFF, a 3-byte 'LIST' chunk (padded to 4), fmt, a 'fact' chunk, then data: 16384, -32768, 32767, -1
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] list = {'a', 'b', 'c', 0};
        byte[] fmt = le(2, 1, 2, 1, 4, 22050, 4, 44100, 2, 2, 2, 16);
        byte[] data = le(2, 16384, 2, -32768, 2, 32767, 2, -1);
        write(b, "RIFF", le(4, 4 + 8 + 4 + 8 + 16 + 8 + 4 + 8 + 8));
        write(b, "WAVE", new byte[0]);
        write(b, "LIST", le(4, 3));
        b.writeBytes(list);
        write(b, "fmt ", le(4, 16));
        b.writeBytes(fmt);
        write(b, "fact", le(4, 4, 4, 4));
        write(b, "data", le(4, 8));
        b.writeBytes(data);
        WavFile.Clip clip = WavFile.decode(b.toByteArray());
        assertArrayEquals(new float[] {0.5f, -1f, 32767f / 32768f, -1f / 32768f}, clip.samples());
        assertEquals(22050, clip.sampleRate());
    }

    @Test
    void pythonWaveModuleStereoIsMixedDownByTheMean() throws IOException {
        byte[] bytes;
        try (InputStream in = WavFileTest.class.getResourceAsStream("python-wave-stereo16.wav")) {
            bytes = in.readAllBytes();
        }
        WavFile.Clip clip = WavFile.decode(bytes);
        // the frames src/test/python/make_wav.py wrote, (left + right) / 2 / 32768
        float[] expected = {(0 + 8192) / 2f / 32768f, (16384 + 8192) / 2f / 32768f, (-16384 - 32768) / 2f / 32768f,
            (32767 + 0) / 2f / 32768f};
        assertArrayEquals(expected, clip.samples());
        assertEquals(11025, clip.sampleRate());
        assertEquals(2, clip.channels());
        assertEquals(4 / 11025.0, clip.seconds(), 1e-12);
    }

    @Test
    void threeChannelsAreAveraged() {
        double[] frames = {0.5, -0.25, 0.75, -1, 0.5, 0.5};
        WavFile.Clip clip = WavFile.decode(WavWriter.bytes(frames, 3, 8000, 24, false, false));
        assertArrayEquals(new float[] {1f / 3, 0f}, clip.samples(), 1e-7f);
    }

    @Test
    void refusesMuLawALawAndAdpcmNamingThem() {
        assertEquals("is \u00b5-law, not PCM or float: convert it to 16-bit PCM", refusal(withFormat(7)));
        assertTrue(refusal(withFormat(6)).startsWith("is A-law, not PCM or float"));
        assertTrue(refusal(withFormat(2)).startsWith("is Microsoft ADPCM, not PCM or float"));
    }

    @Test
    void refusesBrokenFilesWithTheirReason() {
        byte[] good = WavWriter.bytes(EXACT, 1, 8000, 16, false, false);
        byte[] truncated = Arrays.copyOf(good, good.length - 4);
        assertEquals("truncated: its data chunk claims 14 bytes but only 10 follow", refusal(truncated));

        byte[] empty = WavWriter.bytes(new double[0], 1, 8000, 16, false, false);
        assertTrue(refusal(empty).startsWith("is a clip of zero length"), refusal(empty));

        byte[] rate0 = WavWriter.bytes(EXACT, 1, 0, 16, false, false);
        assertEquals("says its sample rate is 0 Hz", refusal(rate0));

        byte[] pastEnd = good.clone();
        ByteBuffer.wrap(pastEnd).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 1000); // the fmt chunk's size
        assertEquals("damaged: its 'fmt' chunk claims 1000 bytes, past the end of the file (58 bytes)", refusal(pastEnd));

        byte[] twelveBit = good.clone();
        twelveBit[34] = 12;
        assertTrue(refusal(twelveBit).startsWith("has 12-bit PCM samples"), refusal(twelveBit));

        assertTrue(refusal("not a wav file at all".getBytes()).startsWith("not a WAV file"));
        byte[] noFmt = new byte[20];
        System.arraycopy("RIFF\0\0\0\0WAVEdata\0\0\0\0".getBytes(), 0, noFmt, 0, 20);
        assertEquals("not a usable WAV file: it has no fmt chunk", refusal(noFmt));
    }

    /** Damaged files of every kind give a clip or one refusal, never another exception (an index out of bounds). */
    @Test
    void everyTruncationAndRandomDamageIsAClipOrARefusal() {
        byte[] good = WavWriter.bytes(EXACT, 2, 8000, 24, false, true);
        for (int n = 0; n < good.length; n++) {
            decodeOrRefuse(Arrays.copyOf(good, n));
        }
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 5000; i++) {
            byte[] b = good.clone();
            for (int k = 0; k <= random.nextInt(4); k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            decodeOrRefuse(b);
        }
    }

    private static void decodeOrRefuse(byte[] b) {
        try {
            WavFile.Clip clip = WavFile.decode(b);
            assertTrue(clip.samples().length > 0 && clip.sampleRate() > 0);
        } catch (UserInputException e) {
            assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    private static byte[] withFormat(int format) {
        byte[] b = WavWriter.bytes(EXACT, 1, 8000, 8, false, false);
        b[20] = (byte) format;
        return b;
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(UserInputException.class, () -> WavFile.decode(bytes)).getMessage();
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Little-endian integers given as (byte count, value) pairs. */
    private static byte[] le(int... sizeValue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < sizeValue.length; i += 2) {
            for (int k = 0; k < sizeValue[i]; k++) {
                out.write((sizeValue[i + 1] >> (8 * k)) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream b, String id, byte[] rest) {
        b.writeBytes(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.writeBytes(rest);
    }
}
