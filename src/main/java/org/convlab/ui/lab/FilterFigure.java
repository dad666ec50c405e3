package org.convlab.ui.lab;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Parent;
import org.convlab.UserInputException;
import org.convlab.trace.filtering.ImageFiltering;
import org.convlab.trace.filtering.ImageFiltering.Channels;
import org.convlab.trace.filtering.ImageKernel;

/**
 * {@code render MODEL --view image-filter --input PHOTO --kernel NAME|"typed" [--flip] [--stride S
 * --padding P] [--channels each|summed] [--display absolute|signed|clip] --out FILE.png}: the kernel
 * lab drawn as a figure. {@link #check} reads the photo and every setting first and computes the
 * result once, so a bad one is one line (exit 2) before JavaFX starts.
 */
public final class FilterFigure {
    /** The name {@code render --view} takes. */
    public static final String VIEW = "image-filter";

    /** Everything the figure needs, checked. */
    public record Plan(Photo photo, ImageKernel kernel, boolean flip, int stride, int padding, Channels channels,
                       Display display) {
        /** Builds the figure (on the JavaFX thread) to be laid out {@code width} pixels wide. */
        /** Draws the figure headless to {@code out} at {@code scale} (the CLI's render; JavaFX stays in ui). */
        public void render(double width, int scale, java.nio.file.Path out) {
            org.convlab.ui.stepper.ViewRenderer.renderFigure(() -> figure(width), width, scale, out);
        }

        public Parent figure(double width) {
            return FilterLab.figure(photo, kernel, flip, stride, padding, channels, display, width);
        }

        /** "Sobel x on coffee.png (600 x 400, RGB), flipped, stride 1, padding 0, each channel". */
        public String describe() {
            return kernel.name() + " on " + photo.describe() + (flip ? ", flipped" : "") + ", stride " + stride
                    + ", padding " + padding + ", " + (channels == Channels.EACH ? "each channel" : "channels summed");
        }
    }

    private FilterFigure() {}

    public static Plan check(Path input, String kernelText, boolean flip, int stride, int padding, String channels,
                             String display, Path out) {
        ImageKernel k = kernel(kernelText);
        Channels c = switch (channels.trim().toLowerCase(Locale.ROOT)) {
            case "each" -> Channels.EACH;
            case "summed" -> Channels.SUMMED;
            default -> throw new UserInputException("--channels '" + channels + "' is not offered: use each or summed");
        };
        Display d = null;
        for (Display x : Display.values()) {
            if (x.option().equals(display.trim().toLowerCase(Locale.ROOT))) {
                d = x;
            }
        }
        if (d == null) {
            throw new UserInputException("--display '" + display + "' is not offered: use absolute, signed or clip");
        }
        Photo p = Photo.read(input);
        // computed once here so a kernel larger than the padded photo is refused before drawing
        ImageFiltering.apply(p.values(), p.channels(), p.height(), p.width(), k, flip, stride, padding, c);
        return new Plan(p, k, flip, stride, padding, c, d);
    }

    /** A classic's name, or typed weights (anything with a digit); default Sobel x. */
    static ImageKernel kernel(String text) {
        if (text == null) {
            return ImageKernel.named("Sobel x");
        }
        if (text.chars().anyMatch(Character::isDigit) && ImageKernel.classics().stream()
                .noneMatch(k -> k.name().equalsIgnoreCase(text.trim()))) {
            return ImageKernel.parse(LabControls.TYPED, text);
        }
        return ImageKernel.named(text);
    }
}
