package org.convlab.data.sound;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * Reads a WAV file (RIFF/WAVE) into one mono clip of floats in [-1, 1]. Understood: PCM
 * (format 1) with 8-bit unsigned, 16-, 24- and 32-bit signed little-endian samples; IEEE float
 * (format 3) at 32 bits; and WAVE_FORMAT_EXTENSIBLE (0xFFFE) whose sub-format is one of those.
 * Chunks other than {@code fmt } and {@code data} (LIST, fact, cue, ...) are passed over. Two or
 * more channels are mixed down by their mean, frame by frame. Anything else (mu-law, A-law,
 * ADPCM, a truncated or empty data chunk, a chunk that claims more bytes than the file has, a
 * sample rate of 0) is refused with one line naming the file and the reason.
 */
public final class WavFile {
    /** The largest file read (a clip of an hour at 48 kHz 16-bit stereo is 660 MB): longer clips are refused. */
    public static final long MAX_BYTES = 1L << 30;
    public static final int PCM = 1;
    public static final int IEEE_FLOAT = 3;
    public static final int EXTENSIBLE = 0xFFFE;

    private WavFile() {}

    /** A decoded clip: mono samples in [-1, 1] and what the file said about itself. */
    public record Clip(float[] samples, int sampleRate, int channels, int bitsPerSample, boolean floating) {
        public double seconds() {
            return (double) samples.length / sampleRate;
        }
    }

    /** Reads and decodes {@code file}; every refusal is one line starting with the file name. */
    public static Clip read(Path file) {
        byte[] bytes = UserFiles.readAll(file, "WAV file", MAX_BYTES);
        try {
            return decode(bytes);
        } catch (UserInputException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a whole WAV file held in memory; refusals give the reason only (the caller names the file). */
    public static Clip decode(byte[] b) {
        if (b.length < 12 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WAVE")) {
            throw new UserInputException("not a WAV file (it does not start with RIFF....WAVE)");
        }
        int format = -1;
        int channels = 0;
        long rate = 0;
        int blockAlign = 0;
        int bits = 0;
        long dataStart = -1;
        long dataLength = 0;
        long pos = 12;
        while (pos + 8 <= b.length) {
            String id = new String(b, (int) pos, 4, StandardCharsets.US_ASCII);
            long size = u32(b, pos + 4);
            long body = pos + 8;
            if (id.equals("data")) {
                // a streaming writer may leave the size at 0 or 0xFFFFFFFF; the rest of the file is the data then
                if (size > b.length - body) {
                    if (size != 0xFFFFFFFFL) {
                        throw new UserInputException("truncated: its data chunk claims " + size + " bytes but only "
                                + (b.length - body) + " follow");
                    }
                    size = b.length - body;
                }
                dataStart = body;
                dataLength = size;
                if (format >= 0) {
                    break;
                }
            } else if (size > b.length - body) {
                throw new UserInputException("damaged: its '" + id.strip() + "' chunk claims " + size + " bytes, past the end of the file ("
                        + b.length + " bytes)");
            } else if (id.equals("fmt ")) {
                if (size < 16) {
                    throw new UserInputException("damaged: its fmt chunk is " + size + " bytes, fewer than the 16 it needs");
                }
                format = u16(b, body);
                channels = u16(b, body + 2);
                rate = u32(b, body + 4);
                blockAlign = u16(b, body + 12);
                bits = u16(b, body + 14);
                if (format == EXTENSIBLE) {
                    if (size < 40) {
                        throw new UserInputException("damaged: its WAVE_FORMAT_EXTENSIBLE fmt chunk is " + size
                                + " bytes, fewer than the 40 it needs");
                    }
                    format = u16(b, body + 24); // the first two bytes of the sub-format GUID
                }
                if (dataStart >= 0) {
                    break;
                }
            }
            pos = body + size + (size & 1); // chunks are padded to an even length
        }
        if (format < 0) {
            throw new UserInputException("not a usable WAV file: it has no fmt chunk");
        }
        if (format != PCM && format != IEEE_FLOAT) {
            throw new UserInputException("is " + formatName(format) + ", not PCM or float: convert it to 16-bit PCM");
        }
        if (dataStart < 0) {
            throw new UserInputException("has no data chunk (no samples)");
        }
        if (channels == 0) {
            throw new UserInputException("says it has 0 channels");
        }
        if (rate == 0) {
            throw new UserInputException("says its sample rate is 0 Hz");
        }
        if (rate > Integer.MAX_VALUE) {
            throw new UserInputException("says its sample rate is " + rate + " Hz, not a real rate");
        }
        boolean floating = format == IEEE_FLOAT;
        if (floating ? bits != 32 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
            throw new UserInputException("has " + bits + "-bit " + (floating ? "float" : "PCM")
                    + " samples: ConvLab reads 8, 16, 24 or 32-bit PCM and 32-bit float");
        }
        int bytesPerSample = bits / 8;
        long frameBytes = (long) channels * bytesPerSample;
        if (blockAlign != 0 && blockAlign != frameBytes) {
            throw new UserInputException("damaged: its block size " + blockAlign + " is not " + channels + " channels x "
                    + bytesPerSample + " bytes");
        }
        long frames = dataLength / frameBytes;
        if (frames == 0) {
            throw new UserInputException("is a clip of zero length (its data chunk holds no whole sample)");
        }
        float[] mono = MemoryGuard.floats(frames, "a clip of " + frames + " samples", "use shorter clips");
        float scale = 1f / channels;
        for (long f = 0; f < frames; f++) {
            long at = dataStart + f * frameBytes;
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(b, (int) (at + (long) c * bytesPerSample), bits, floating);
            }
            mono[(int) f] = (float) (sum * scale);
        }
        return new Clip(mono, (int) rate, channels, bits, floating);
    }

    /** One sample as a value in [-1, 1]: signed integers over 2^(bits-1), 8-bit unsigned around 128. */
    private static double sample(byte[] b, int at, int bits, boolean floating) {
        switch (bits) {
            case 8:
                return ((b[at] & 0xFF) - 128) / 128.0;
            case 16:
                return (short) ((b[at] & 0xFF) | (b[at + 1] << 8)) / 32768.0;
            case 24:
                return ((b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] << 16)) / 8388608.0;
            default:
                int v = (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((b[at + 2] & 0xFF) << 16) | (b[at + 3] << 24);
                if (floating) {
                    float x = Float.intBitsToFloat(v);
                    // a NaN or infinite sample would poison every sum it meets: silence instead
                    return Float.isFinite(x) ? x : 0;
                }
                return v / 2147483648.0;
        }
    }

    /** Names the formats people meet, so the refusal says what the file is. */
    static String formatName(int format) {
        return switch (format) {
            case 2 -> "Microsoft ADPCM";
            case 6 -> "A-law";
            case 7 -> "\u00b5-law";
            case 0x11 -> "IMA ADPCM";
            case 0x31 -> "GSM 6.10";
            case 0x55 -> "MP3";
            default -> "format " + format;
        };
    }

    private static boolean ascii(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, long at) {
        return (b[(int) at] & 0xFF) | (b[(int) at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, long at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }
}
