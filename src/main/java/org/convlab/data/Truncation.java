package org.convlab.data;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Telling an image file that was cut short from a whole one. ImageIO does not always fail on
 * one: its JPEG reader (libjpeg) decodes what is there, paints the rest grey and only sends a
 * warning ("Truncated File - Missing EOI marker", "Corrupt JPEG data: premature end of data
 * segment"), which this listener hears. A PNG cut anywhere after its image data reads without
 * complaint, so a PNG must end with its IEND chunk. Other formats throw an end-of-file error,
 * which {@link #causedByEndOfFile} recognises.
 */
final class Truncation implements IIOReadWarningListener {
    /** The 12 bytes that end every PNG: length 0, "IEND", and the chunk's fixed CRC. */
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    /** How far from the end an IEND chunk is looked for (some tools append a little data after it). */
    private static final int PNG_TAIL = 4096;

    private String found;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        if (found == null && (w.contains("truncated") || w.contains("premature end") || w.contains("missing eoi"))) {
            found = warning.trim();
        }
    }

    /** The first warning that said the data ended early since {@link #clear}, or null. */
    String found() {
        return found;
    }

    void clear() {
        found = null;
    }

    /** Whether the PNG's last {@value #PNG_TAIL} bytes hold its IEND chunk ({@code whole}: the file, if read already). */
    static boolean pngHasEnd(Path file, byte[] whole, long size) throws IOException {
        int n = (int) Math.min(size, PNG_TAIL);
        byte[] tail = new byte[n];
        if (whole != null) {
            System.arraycopy(whole, whole.length - n, tail, 0, n);
        } else {
            try (SeekableByteChannel ch = Files.newByteChannel(file)) {
                ch.position(size - n);
                ByteBuffer buf = ByteBuffer.wrap(tail);
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // read the tail whole
                }
            }
        }
        for (int i = n - PNG_END.length; i >= 0; i--) {
            if (java.util.Arrays.equals(tail, i, i + PNG_END.length, PNG_END, 0, PNG_END.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e}, or an exception it wraps, says the data ended before the image did. */
    static boolean causedByEndOfFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("unexpected end")) {
                return true;
            }
        }
        return false;
    }
}
