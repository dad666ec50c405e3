package org.convlab.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Safetensors files built byte by byte from the format's description, for the tests. */
final class SafetensorsFiles {
    private SafetensorsFiles() {}

    /** 8-byte little-endian header length, the header's UTF-8 bytes, then the data bytes. */
    static byte[] file(String header, byte[] data) {
        return file(header.getBytes(StandardCharsets.UTF_8), data);
    }

    static byte[] file(byte[] header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u64(header.length));
        out.writeBytes(header);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** An unsigned 64-bit number, least significant byte first, written out by shifting. */
    static byte[] u64(long n) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (n >>> (8 * i));
        }
        return b;
    }

    /** Bytes given as numbers 0..255, to spell out little-endian values by hand. */
    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** 32-bit patterns, least significant byte first. */
    static byte[] le32(int... bits) {
        byte[] b = new byte[bits.length * 4];
        for (int i = 0; i < bits.length; i++) {
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (bits[i] >>> (8 * k));
            }
        }
        return b;
    }

    /** 16-bit patterns, least significant byte first. */
    static byte[] le16(int... bits) {
        byte[] b = new byte[bits.length * 2];
        for (int i = 0; i < bits.length; i++) {
            b[2 * i] = (byte) bits[i];
            b[2 * i + 1] = (byte) (bits[i] >>> 8);
        }
        return b;
    }

    /** 64-bit patterns, least significant byte first. */
    static byte[] le64(long... bits) {
        byte[] b = new byte[bits.length * 8];
        for (int i = 0; i < bits.length; i++) {
            System.arraycopy(u64(bits[i]), 0, b, 8 * i, 8);
        }
        return b;
    }
}
