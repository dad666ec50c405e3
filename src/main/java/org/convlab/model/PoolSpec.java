package org.convlab.model;

/**
 * Max or average pooling over {@code windowHeight x windowWidth} windows. {@code ceil} keeps
 * partial windows at the bottom/right edge (PyTorch's ceil_mode; the X/O slides' 7x7 -> 4x4);
 * the default, floor, drops them. Average pooling follows PyTorch ({@code count_include_pad=true}):
 * padding zeros count in the divisor, the part of a ceil window beyond the padded input does not.
 */
public record PoolSpec(String name, Kind kind, int windowHeight, int windowWidth, int stride,
                       Padding padding, boolean ceil) implements LayerSpec {
    public enum Kind { MAX, AVG }

    public PoolSpec {
        if (kind == null) {
            throw new IllegalArgumentException("pool kind is required");
        }
        String l = Checks.label(name, kind == Kind.MAX ? "maxpool" : "avgpool");
        Checks.positive(l, "window", windowHeight);
        Checks.positive(l, "window", windowWidth);
        Checks.positive(l, "stride", stride);
        if (padding == null) {
            padding = Padding.VALID;
        }
        int[] p = padding.resolve(windowHeight, windowWidth, 1, l);
        if (2 * p[0] > windowHeight || 2 * p[1] > windowWidth) {
            throw new org.convlab.UserInputException(l + ".padding: must be at most half the window ("
                    + windowHeight + "x" + windowWidth + "), got " + padding);
        }
    }

    public static PoolSpec max(int window, int stride) {
        return new PoolSpec(null, Kind.MAX, window, window, stride, Padding.VALID, false);
    }

    public static PoolSpec avg(int window, int stride) {
        return new PoolSpec(null, Kind.AVG, window, window, stride, Padding.VALID, false);
    }

    @Override
    public String type() {
        return kind == Kind.MAX ? "maxpool" : "avgpool";
    }

    @Override
    public String defaultPrefix() {
        return "pool";
    }

    @Override
    public PoolSpec withName(String n) {
        return new PoolSpec(n, kind, windowHeight, windowWidth, stride, padding, ceil);
    }

    public PoolSpec withCeil(boolean c) {
        return new PoolSpec(name, kind, windowHeight, windowWidth, stride, padding, c);
    }

    /** Concrete [ph, pw]. */
    public int[] resolvedPadding() {
        return padding.resolve(windowHeight, windowWidth, 1, label());
    }
}
