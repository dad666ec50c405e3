package org.convlab.model;

import org.convlab.UserInputException;

/**
 * Zero padding of a conv or pool layer: {@code valid} (none), {@code same} (keep the size at
 * stride 1) or explicit rows/columns added on each side.
 */
public record Padding(Kind kind, int rows, int cols) {
    public enum Kind { VALID, SAME, EXPLICIT }

    public static final Padding VALID = new Padding(Kind.VALID, 0, 0);
    public static final Padding SAME = new Padding(Kind.SAME, 0, 0);

    public Padding {
        if (kind == null) {
            throw new IllegalArgumentException("padding kind is required");
        }
        if (kind != Kind.EXPLICIT && (rows != 0 || cols != 0)) {
            throw new IllegalArgumentException(kind + " padding takes no sizes");
        }
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got [" + rows + ", " + cols + "]");
        }
    }

    public static Padding of(int p) {
        return of(p, p);
    }

    public static Padding of(int rows, int cols) {
        return new Padding(Kind.EXPLICIT, rows, cols);
    }

    /**
     * Concrete {@code [ph, pw]} for a kernel of {@code kh x kw} with the given dilation.
     * {@code same} is {@code (F - 1)/2} per axis on the effective kernel {@code d*(F-1)+1}; an even
     * effective kernel cannot be padded symmetrically, so 'same' is refused there (give numbers).
     *
     * @param layer named in the error message
     */
    public int[] resolve(int kh, int kw, int dilation, String layer) {
        return switch (kind) {
            case VALID -> new int[] {0, 0};
            case EXPLICIT -> new int[] {rows, cols};
            case SAME -> {
                int eh = dilation * (kh - 1) + 1;
                int ew = dilation * (kw - 1) + 1;
                if (eh % 2 == 0 || ew % 2 == 0) {
                    throw new UserInputException(layer + ".padding: 'same' needs an odd kernel size, got "
                            + kh + "x" + kw + " (dilation " + dilation + "); give the padding as numbers instead");
                }
                yield new int[] {(eh - 1) / 2, (ew - 1) / 2};
            }
        };
    }

    /** How a model file writes it: "valid", "same", a number, or [rows, cols]. */
    @Override
    public String toString() {
        return switch (kind) {
            case VALID -> "valid";
            case SAME -> "same";
            case EXPLICIT -> rows == cols ? Integer.toString(rows) : "[" + rows + ", " + cols + "]";
        };
    }
}
