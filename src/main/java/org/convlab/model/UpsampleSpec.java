package org.convlab.model;

import org.convlab.UserInputException;

/**
 * Upsampling by a whole factor on both axes, as PyTorch's {@code nn.Upsample(scale_factor=scale,
 * mode=...)}: {@code nearest} repeats every value in a scale x scale block; {@code bilinear}
 * (with {@code align_corners=False}) reads output pixel centre {@code (o + 0.5)/scale - 0.5} of the
 * input and mixes its two nearest rows and columns. No parameters. {@code o = i * scale}.
 */
public record UpsampleSpec(String name, int scale, Mode mode) implements LayerSpec {
    public static final String TYPE = "upsample";

    public enum Mode {
        NEAREST, BILINEAR;

        /** As the model file writes it: "nearest", "bilinear". */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The mode for its model-file text, or a refusal naming the layer. */
        public static Mode parse(String text, String layer) {
            for (Mode m : values()) {
                if (m.text().equals(text)) {
                    return m;
                }
            }
            throw new UserInputException(layer + ".mode: must be \"nearest\" or \"bilinear\", got \"" + text + "\"");
        }
    }

    public UpsampleSpec {
        String l = Checks.label(name, TYPE);
        Checks.positive(l, "scale", scale);
        if (mode == null) {
            mode = Mode.NEAREST;
        }
    }

    public static UpsampleSpec of(int scale, Mode mode) {
        return new UpsampleSpec(null, scale, mode);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String defaultPrefix() {
        return "up";
    }

    @Override
    public UpsampleSpec withName(String n) {
        return new UpsampleSpec(n, scale, mode);
    }
}
