package org.convlab.data.sound;

import java.io.ByteArrayOutputStream;

/**
 * Writes WAV bytes: PCM at 8, 16, 24 or 32 bits or 32-bit IEEE float, any number of channels,
 * optionally as WAVE_FORMAT_EXTENSIBLE. Used by the sample generator (16-bit mono) and by tests
 * that need files with known samples in every format {@link WavFile} reads.
 */
public final class WavWriter {
    private WavWriter() {}

    /**
     * The file for interleaved {@code frames} (frame after frame, channel after channel), each in
     * [-1, 1]: integers are rounded and clipped, 8-bit is stored unsigned around 128.
     */
    public static byte[] bytes(double[] interleaved, int channels, int sampleRate, int bits, boolean floating,
                               boolean extensible) {
        int bytesPerSample = bits / 8;
        int dataLength = interleaved.length * bytesPerSample;
        int fmtLength = extensible ? 40 : 16;
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + dataLength + 24);
        ascii(out, "RIFF");
        u32(out, 4 + (8 + fmtLength) + (8 + dataLength));
        ascii(out, "WAVE");
        ascii(out, "fmt ");
        u32(out, fmtLength);
        int format = floating ? WavFile.IEEE_FLOAT : WavFile.PCM;
        u16(out, extensible ? WavFile.EXTENSIBLE : format);
        u16(out, channels);
        u32(out, sampleRate);
        u32(out, sampleRate * channels * bytesPerSample);
        u16(out, channels * bytesPerSample);
        u16(out, bits);
        if (extensible) {
            u16(out, 22);           // extra bytes
            u16(out, bits);         // valid bits per sample
            u32(out, 0);            // channel mask: unspecified
            u16(out, format);       // sub-format GUID, the part that names the format ...
            byte[] rest = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
                (byte) 0x9B, 0x71}; // ... then KSDATAFORMAT_SUBTYPE's fixed tail
            out.write(rest, 0, rest.length);
        }
        ascii(out, "data");
        u32(out, dataLength);
        for (double x : interleaved) {
            if (floating) {
                u32(out, Float.floatToIntBits((float) x));
                continue;
            }
            double full = Math.pow(2, bits - 1);
            long v = Math.round(x * full);
            v = Math.max((long) -full, Math.min((long) full - 1, v));
            if (bits == 8) {
                v += 128;
            }
            for (int i = 0; i < bytesPerSample; i++) {
                out.write((int) (v >> (8 * i)) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /** 16-bit PCM mono: what the sample generator writes. */
    public static byte[] mono16(double[] samples, int sampleRate) {
        return bytes(samples, 1, sampleRate, 16, false, false);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xFFFF));
        u16(out, (int) ((v >> 16) & 0xFFFF));
    }
}
