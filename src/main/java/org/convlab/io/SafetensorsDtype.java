package org.convlab.io;

/**
 * The element types ConvLab reads from a safetensors file, each turned into a float as it is read.
 * F32 is the one ConvLab writes for weights; F16, BF16 and F64 come from other tools' half or
 * double saves. I64 is known only so that a PyTorch state_dict's batch-norm counters
 * ({@code num_batches_tracked}, one int64 each) can be written and passed over; it is never a weight.
 */
enum SafetensorsDtype {
    F32(4), F16(2), BF16(2), F64(8), I64(8);

    /** The dtypes that hold weights (floating point): every other one is refused where a weight is read. */
    boolean isFloat() {
        return this != I64;
    }

    /** Bytes of one element in the file. */
    final int bytes;

    SafetensorsDtype(int bytes) {
        this.bytes = bytes;
    }

    /** The known dtype with this name (as the format spells it), or null for one ConvLab does not read. */
    static SafetensorsDtype named(String name) {
        for (SafetensorsDtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /**
     * IEEE 754 half precision (1 sign, 5 exponent, 10 mantissa bits) to float, exactly: every half
     * is a float. Written out because Java 17 has no Float.float16ToFloat.
     */
    static float halfToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) { // zero or subnormal: mantissa x 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) { // infinity or NaN keep their kind
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    /** bfloat16 is the upper half of a float's bits. */
    static float bfloat16ToFloat(int bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }
}
