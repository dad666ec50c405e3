package org.convlab.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.engine.Shape;

/**
 * Decodes one image file (PNG, JPEG, BMP, GIF through javax.imageio) straight into a sample
 * slot: converted to the model's channels, resized, values in [0,1]. The size is read from the
 * header first, so absurd images are refused before any pixel is decoded, and big photos are
 * decoded subsampled (every n-th pixel) down to a few times the model's input before area
 * averaging, so a 48-megapixel photo never needs its full raster in memory.
 *
 * <p>A file cut short is refused: Java's JPEG reader fills the missing part with grey and only
 * warns ("Truncated File - Missing EOI marker"), so the warnings are heard ({@link Truncation});
 * a PNG must end with its IEND chunk. Only regular files are read.
 *
 * <p>Problems with one file are not exceptions: {@link #decode} returns the reason as text. One
 * decoder serves one thread at a time (it keeps its image readers for the next file).
 */
final class ImageDecoder {
    /** Smallest side accepted: a 1-pixel image cannot show anything. */
    static final int MIN_SIDE = 2;
    /** Largest image accepted, from the header (a 20,000 x 20,000 image is 400 megapixels). */
    static final long MAX_PIXELS = 100_000_000L;
    /** Subsampling keeps at least this many source pixels per output pixel along each axis. */
    private static final int OVERSAMPLE = 4;

    /** Files up to this size are read into memory in one go. */
    private static final long WHOLE_FILE_LIMIT = 16L << 20;

    private final Shape shape;
    private final ResizeMode mode;
    private final Map<String, ImageReader> readers = new HashMap<>();
    /** Hears the readers' warnings: a JPEG cut short decodes without an exception, with a warning. */
    private final Truncation truncation = new Truncation();
    private int lastWidth;
    private int lastHeight;

    ImageDecoder(Shape shape, ResizeMode mode) {
        if (shape.channels() != 1 && shape.channels() != 3) {
            throw new IllegalArgumentException("images give 1 or 3 channels, not " + shape.channels());
        }
        this.shape = shape;
        this.mode = mode;
    }

    /** Writes the image into {@code dst[offset .. offset + shape.size())}; returns null, or why the file was not usable. */
    String decode(Path file, float[] dst, int offset) {
        try {
            long bytes;
            try {
                // only regular files: a named pipe would block the load forever, /dev/zero never ends
                bytes = UserFiles.requireReadableFile(file, "PNG, JPEG, BMP or GIF file");
            } catch (UserInputException e) {
                String m = e.getMessage();
                return m.startsWith(file + ": ") ? m.substring(file.toString().length() + 2) : m;
            }
            if (bytes == 0) {
                return "empty file (0 bytes)";
            }
            // small files are read whole: one system call instead of many small reads
            byte[] whole = bytes <= WHOLE_FILE_LIMIT ? Files.readAllBytes(file) : null;
            try (ImageInputStream in = whole != null
                    ? new MemoryCacheImageInputStream(new ByteArrayInputStream(whole))
                    : ImageIO.createImageInputStream(file.toFile())) {
                if (in == null) {
                    return "cannot be opened";
                }
                ImageReader reader = readerFor(in);
                if (reader == null) {
                    return "not an image ConvLab can read (PNG, JPEG, BMP or GIF)";
                }
                try {
                    reader.setInput(in, true, true);
                    int w = reader.getWidth(0);
                    int h = reader.getHeight(0);
                    lastWidth = w;
                    lastHeight = h;
                    String refusal = checkSize(w, h);
                    if (refusal != null) {
                        return refusal;
                    }
                    ImageReadParam param = reader.getDefaultReadParam();
                    int sx = Math.max(1, w / (OVERSAMPLE * shape.width()));
                    int sy = Math.max(1, h / (OVERSAMPLE * shape.height()));
                    if (sx > 1 || sy > 1) {
                        param.setSourceSubsampling(sx, sy, 0, 0);
                    }
                    refusal = memoryFor((w + sx - 1) / sx, (h + sy - 1) / sy);
                    if (refusal != null) {
                        return refusal;
                    }
                    truncation.clear();
                    BufferedImage image = reader.read(0, param);
                    if (truncation.found() != null) {
                        return "the image is cut short (" + truncation.found() + "): the file is truncated, so part of"
                                + " the picture is missing (copy or download it again)";
                    }
                    // checked after decoding: a damaged PNG is told as corrupt, this catches the one that decodes
                    if ("png".equalsIgnoreCase(reader.getFormatName()) && !Truncation.pngHasEnd(file, whole, bytes)) {
                        return "the PNG is cut short: it has no IEND end chunk, so the file is truncated"
                                + " (copy or download it again)";
                    }
                    write(image, dst, offset);
                    return null;
                } finally {
                    reader.setInput(null);
                }
            }
        } catch (FileSystemException e) {
            // the file system's refusals (permission denied, a loop of links) in plain words
            return "cannot be read (" + UserFiles.reason(e) + ")";
        } catch (IOException | RuntimeException e) {
            if (Truncation.causedByEndOfFile(e)) {
                return "corrupt or cut short: the file ends before the image does (copy or download it again)";
            }
            // ImageIO reports corrupt data as IIOException, and sometimes as a runtime exception
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (detail.contains("Unsupported Image Type")) {
                // what Java's JPEG reader says of CMYK/YCCK JPEGs (print-ready files)
                return "a JPEG in CMYK colours, which Java cannot read: save it as an RGB JPEG or a PNG";
            }
            return "corrupt or unreadable image (" + oneLine(detail) + ")";
        } catch (OutOfMemoryError e) {
            return "too large to decode in the memory available";
        }
    }

    /**
     * Null when decoding a w x h image (after subsampling) fits in the heap, else the reason:
     * the decoded raster (up to 8 bytes a pixel, for 16-bit RGBA) and this decoder's float planes.
     */
    private String memoryFor(long w, long h) {
        long bytes = MemoryGuard.times(MemoryGuard.times(w, h), 8L + 4L * shape.channels());
        try {
            MemoryGuard.require(bytes, "decoding this " + w + "x" + h + " image", "use smaller images");
            return null;
        } catch (UserInputException e) {
            return e.getMessage();
        }
    }

    /** Width and height of the last file decoded, as stored (before any resizing). */
    int lastWidth() {
        return lastWidth;
    }

    int lastHeight() {
        return lastHeight;
    }

    /** Releases the cached readers. */
    void close() {
        readers.values().forEach(ImageReader::dispose);
        readers.clear();
    }

    /**
     * A reader for the stream's format, known from its first bytes (PNG, JPEG, GIF, BMP) and
     * kept for the next file of that format: looking readers up through ImageIO's registry
     * costs more than decoding a 28x28 PNG. Other formats go through the registry. Null when
     * no reader understands the bytes.
     */
    private ImageReader readerFor(ImageInputStream in) throws IOException {
        byte[] head = new byte[4];
        in.mark();
        int n = in.read(head);
        in.reset();
        String format = n < 2 ? null
                : (head[0] & 0xff) == 0x89 && head[1] == 'P' ? "png"
                : (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 ? "jpeg"
                : head[0] == 'G' && head[1] == 'I' ? "gif"
                : head[0] == 'B' && head[1] == 'M' ? "bmp"
                : null;
        if (format != null) {
            ImageReader cached = readers.get(format);
            if (cached == null) {
                Iterator<ImageReader> found = ImageIO.getImageReadersByFormatName(format);
                if (found.hasNext()) {
                    cached = found.next();
                    cached.addIIOReadWarningListener(truncation);
                    readers.put(format, cached);
                }
            }
            if (cached != null && cached.getOriginatingProvider().canDecodeInput(in)) {
                return cached;
            }
        }
        Iterator<ImageReader> any = ImageIO.getImageReaders(in);
        if (!any.hasNext()) {
            return null;
        }
        ImageReader reader = any.next();
        reader.addIIOReadWarningListener(truncation);
        readers.put("other:" + reader.getClass().getName(), reader);
        return reader;
    }

    /** Null when w x h is acceptable, else the reason. */
    static String checkSize(int w, int h) {
        if (w < MIN_SIDE || h < MIN_SIDE) {
            return "image is only " + w + "x" + h + " pixels (at least " + MIN_SIDE + "x" + MIN_SIDE + " needed)";
        }
        if ((long) w * h > MAX_PIXELS) {
            return "image is " + w + "x" + h + " pixels, larger than the " + (MAX_PIXELS / 1_000_000)
                    + " megapixels ConvLab accepts";
        }
        return null;
    }

    private void write(BufferedImage image, float[] dst, int offset) {
        int w = image.getWidth();
        int h = image.getHeight();
        int channels = shape.channels();
        float[] planes = new float[channels * w * h];
        Pixels.read(image, planes, channels);
        int oh = shape.height();
        int ow = shape.width();
        for (int c = 0; c < channels; c++) {
            int src = c * w * h;
            int out = offset + c * oh * ow;
            if (w == ow && h == oh) {
                System.arraycopy(planes, src, dst, out, w * h);
            } else {
                float fill = Augmenter.borderMean(planes, src, h, w);
                Resampler.resize(dst, out, oh, ow, planes, src, h, w, mode, fill);
            }
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    /** Pixel values in [0,1] from any BufferedImage, without colour-space surprises. */
    static final class Pixels {
        private Pixels() {}

        // planes: channels x h x w in [0,1]; grey from colour by luminance (ITU-R BT.601, as PIL's
        // convert("L")), grey copied to every channel of an RGB model, transparency over white
        static void read(BufferedImage image, float[] planes, int channels) {
            int w = image.getWidth();
            int h = image.getHeight();
            int plane = w * h;
            Raster raster = image.getRaster();
            boolean plainGrey = image.getColorModel().getNumComponents() <= 2
                    && image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                    && image.getColorModel().getComponentSize(0) <= 16;
            if (plainGrey) {
                // read grey samples as stored: getRGB would pass them through a linear-to-sRGB curve
                boolean alpha = image.getColorModel().hasAlpha();
                double max = (1 << image.getColorModel().getComponentSize(0)) - 1;
                double amax = alpha ? (1 << image.getColorModel().getComponentSize(1)) - 1 : 1;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double v = raster.getSample(x, y, 0) / max;
                        if (alpha) {
                            double a = raster.getSample(x, y, 1) / amax;
                            v = v * a + (1 - a);
                        }
                        for (int c = 0; c < channels; c++) {
                            planes[c * plane + y * w + x] = (float) v;
                        }
                    }
                }
                return;
            }
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int argb = row[x];
                    double a = ((argb >>> 24) & 0xff) / 255.0;
                    double r = over((argb >> 16) & 0xff, a);
                    double g = over((argb >> 8) & 0xff, a);
                    double b = over(argb & 0xff, a);
                    if (channels == 1) {
                        planes[y * w + x] = (float) ((0.299 * r + 0.587 * g + 0.114 * b) / 255.0);
                    } else {
                        planes[y * w + x] = (float) (r / 255.0);
                        planes[plane + y * w + x] = (float) (g / 255.0);
                        planes[2 * plane + y * w + x] = (float) (b / 255.0);
                    }
                }
            }
        }

        private static double over(int value, double a) {
            return value * a + 255.0 * (1 - a);
        }
    }
}
