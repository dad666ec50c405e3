package org.convlab.fuzz;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Declared sizes in image headers set to extremes, with the PNG chunk's CRC made right again. */
final class ImageHeaders {
    private static final long[] SIZES = {0, 1, 20000, 65535, 0x7fffffffL, 0x80000000L, 0xffffffffL};

    private ImageHeaders() {}

    /** PNG: IHDR width or height (bytes 16..23) set, and its CRC recomputed so only the size is wrong. */
    static Mutator.Mutant pngSize(Mutator m, byte[] png) {
        boolean width = m.rng().nextBoolean();
        long v = m.pick(SIZES);
        byte[] out = Mutator.putInt(png, width ? 16 : 20, v, true);
        CRC32 crc = new CRC32();
        crc.update(out, 12, 17); // "IHDR" and its 13 data bytes
        out = Mutator.putInt(out, 29, crc.getValue(), true);
        int before = ByteBuffer.wrap(png).getInt(width ? 16 : 20);
        return new Mutator.Mutant(out, "IHDR " + (width ? "width" : "height") + " = " + v + " (CRC fixed)", (int) v != before);
    }

    /** JPEG: the frame header's height or width (16 bits) set; a larger size than the data holds must be refused. */
    static Mutator.Mutant jpegSize(Mutator m, byte[] jpeg) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            int marker = jpeg[i + 1] & 0xff;
            if ((jpeg[i] & 0xff) == 0xff && marker >= 0xc0 && marker <= 0xc2) {
                boolean width = m.rng().nextBoolean();
                int at = i + (width ? 7 : 5);
                int before = (jpeg[at] & 0xff) << 8 | jpeg[at + 1] & 0xff;
                int v = (int) m.pick(new long[] {0, 1, 16, 20000, 65535});
                byte[] out = jpeg.clone();
                out[at] = (byte) (v >> 8);
                out[at + 1] = (byte) v;
                return new Mutator.Mutant(out, "frame " + (width ? "width" : "height") + " = " + v, v == 0 || v > before);
            }
        }
        return m.truncate(jpeg);
    }
}
