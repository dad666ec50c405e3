package org.convlab.model;

import org.convlab.UserInputException;

/** Value checks shared by the layer records; messages name the layer and the field. */
final class Checks {
    private Checks() {}

    static void positive(String layer, String field, int value) {
        if (value <= 0) {
            throw new UserInputException(layer + "." + field + ": must be a positive integer, got " + value);
        }
    }

    static void positive(String layer, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserInputException(layer + "." + field + ": must be a positive number, got " + value);
        }
    }

    static void nonNegative(String layer, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserInputException(layer + "." + field + ": must be a number >= 0, got " + value);
        }
    }

    static void paramShape(String layer, String field, ParamData p, int... expected) {
        if (p != null && !p.hasShape(expected)) {
            throw new UserInputException(layer + "." + field + ": shape must be " + java.util.Arrays.toString(expected)
                    + ", got " + java.util.Arrays.toString(p.shape()));
        }
    }

    static String label(String name, String type) {
        return name != null ? name : type;
    }
}
