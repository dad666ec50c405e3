package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.convlab.MemoryGuard;
import org.convlab.UserInputException;
import org.convlab.model.ParamData;

/**
 * Decodes ONNX tensors (initializers, Constant values) into ConvLab's arrays. Weights are
 * written straight into their {@link ParamData} (one pass, no second copy), checked against the
 * heap first. float32 is read as it is; float16, bfloat16 and float64 weights are converted to
 * float32 (ConvLab computes in float32; a float64 value is rounded to the nearest float32), so a
 * model saved in half precision still opens. Integer tensors are read only as small constants
 * (shapes, pads). Tensors kept in external files are refused: ConvLab reads self-contained files.
 */
final class OnnxReadTensors {
    private OnnxReadTensors() {}

    /** Reads element {@code i} of a tensor as a float. */
    private interface FloatSource {
        float get(int i);
    }

    /** The dims of {@code t}, checked (every size positive, at most one Java array in total). */
    static int[] dims(OnnxMl.TensorProto t, String what) {
        int[] d = new int[t.getDimsCount()];
        long n = 1;
        for (int i = 0; i < d.length; i++) {
            long v = t.getDims(i);
            if (v <= 0 || v > Integer.MAX_VALUE) {
                throw new UserInputException(what + ": tensor \"" + t.getName() + "\" has a size " + v + " in its shape "
                        + t.getDimsList() + "; every size must be positive");
            }
            d[i] = (int) v;
            n = MemoryGuard.times(n, v);
        }
        if (n > Integer.MAX_VALUE - 16) {
            throw new UserInputException(what + ": tensor \"" + t.getName() + "\" holds " + MemoryGuard.count(n)
                    + " values, more than one Java array can hold");
        }
        return d;
    }

    static long count(int[] dims) {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /**
     * The values of {@code t} as a tensor of {@code shape} (same count as the tensor), each
     * multiplied by {@code scale}; with {@code transpose} the 2-D tensor {@code [rows, cols]} is
     * stored as {@code [cols, rows]} (ONNX MatMul/Gemm {@code [in, out]} weights into PyTorch's {@code [out, in]}).
     */
    static ParamData floats(OnnxMl.TensorProto t, int[] shape, double scale, boolean transpose, String what) {
        int[] dims = dims(t, what);
        long n = count(dims);
        if (n != count(shape)) {
            throw new UserInputException(what + ": tensor \"" + t.getName() + "\" has shape " + Arrays.toString(dims)
                    + ", expected " + Arrays.toString(shape));
        }
        MemoryGuard.require(MemoryGuard.times(n, Float.BYTES), "reading the weights of " + what, null);
        FloatSource src = source(t, (int) n, what);
        int rows = transpose ? dims[0] : 0;
        int cols = transpose ? dims[1] : 0;
        float s = (float) scale;
        try {
            return ParamData.filledBy(shape, out -> {
                if (!transpose && s == 1f && rawFloat32(t)) {
                    rawFloats(t).get(out); // the common case: one bulk copy out of the mapped file
                    return;
                }
                for (int i = 0; i < out.length; i++) {
                    int from = transpose ? (i % rows) * cols + i / rows : i;
                    out[i] = s == 1f ? src.get(from) : src.get(from) * s;
                }
            });
        } catch (OutOfMemoryError e) {
            throw MemoryGuard.refusal(n * Float.BYTES, "reading the weights of " + what, null);
        }
    }

    /** The values of a float tensor as doubles (small tensors only: constants such as a divisor). */
    static double[] smallFloats(OnnxMl.TensorProto t, String what) {
        int n = (int) count(dims(t, what));
        if (n > 1 << 16) {
            throw new UserInputException(what + ": constant \"" + t.getName() + "\" is too large for a constant");
        }
        FloatSource src = source(t, n, what);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = src.get(i);
        }
        return out;
    }

    /** The values of an integer tensor (int64, int32, ...): shapes, pads, axes. */
    static long[] longs(OnnxMl.TensorProto t, String what) {
        external(t, what);
        int n = (int) count(dims(t, what));
        if (n > 1 << 16) {
            throw new UserInputException(what + ": constant \"" + t.getName() + "\" is too large for a shape or pads");
        }
        long[] out = new long[n];
        int type = t.getDataType();
        ByteBuffer raw = t.getRawData().isEmpty() ? null : t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        int width = switch (type) {
            case DataType.INT64_VALUE, DataType.UINT64_VALUE -> 8;
            case DataType.INT32_VALUE, DataType.UINT32_VALUE -> 4;
            case DataType.INT16_VALUE, DataType.UINT16_VALUE -> 2;
            case DataType.INT8_VALUE, DataType.UINT8_VALUE, DataType.BOOL_VALUE -> 1;
            default -> throw new UserInputException(what + ": tensor \"" + t.getName() + "\" should hold integers, it holds "
                    + typeName(type));
        };
        if (raw != null) {
            need(raw.remaining(), (long) n * width, t, what);
            for (int i = 0; i < n; i++) {
                out[i] = switch (width) {
                    case 8 -> raw.getLong(i * 8);
                    case 4 -> raw.getInt(i * 4);
                    case 2 -> raw.getShort(i * 2);
                    default -> raw.get(i);
                };
            }
        } else if (width == 8 && type == DataType.INT64_VALUE) {
            need(t.getInt64DataCount(), n, t, what);
            for (int i = 0; i < n; i++) {
                out[i] = t.getInt64Data(i);
            }
        } else if (width == 8) {
            need(t.getUint64DataCount(), n, t, what);
            for (int i = 0; i < n; i++) {
                out[i] = t.getUint64Data(i);
            }
        } else {
            need(t.getInt32DataCount(), n, t, what);
            for (int i = 0; i < n; i++) {
                out[i] = t.getInt32Data(i);
            }
        }
        return out;
    }

    static boolean isFloating(OnnxMl.TensorProto t) {
        int type = t.getDataType();
        return type == DataType.FLOAT_VALUE || type == DataType.FLOAT16_VALUE || type == DataType.BFLOAT16_VALUE
                || type == DataType.DOUBLE_VALUE;
    }

    private static boolean rawFloat32(OnnxMl.TensorProto t) {
        return t.getDataType() == DataType.FLOAT_VALUE && !t.getRawData().isEmpty();
    }

    private static FloatBuffer rawFloats(OnnxMl.TensorProto t) {
        return t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    private static FloatSource source(OnnxMl.TensorProto t, int n, String what) {
        external(t, what);
        int type = t.getDataType();
        boolean raw = !t.getRawData().isEmpty();
        switch (type) {
            case DataType.FLOAT_VALUE -> {
                if (raw) {
                    FloatBuffer b = rawFloats(t);
                    need(t.getRawData().size(), (long) n * 4, t, what);
                    return b::get;
                }
                need(t.getFloatDataCount(), n, t, what);
                return t::getFloatData;
            }
            case DataType.DOUBLE_VALUE -> {
                if (raw) {
                    need(t.getRawData().size(), (long) n * 8, t, what);
                    var b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
                    return i -> (float) b.get(i);
                }
                need(t.getDoubleDataCount(), n, t, what);
                return i -> (float) t.getDoubleData(i);
            }
            case DataType.FLOAT16_VALUE, DataType.BFLOAT16_VALUE -> {
                boolean half = type == DataType.FLOAT16_VALUE;
                if (raw) {
                    need(t.getRawData().size(), (long) n * 2, t, what);
                    var b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                    return i -> half ? halfToFloat(b.get(i)) : Float.intBitsToFloat((b.get(i) & 0xffff) << 16);
                }
                need(t.getInt32DataCount(), n, t, what); // ONNX keeps 16-bit floats in int32_data, one per entry
                return i -> half ? halfToFloat((short) t.getInt32Data(i))
                        : Float.intBitsToFloat((t.getInt32Data(i) & 0xffff) << 16);
            }
            default -> throw new UserInputException(what + ": tensor \"" + t.getName() + "\" holds " + typeName(type)
                    + " values; ConvLab reads weights stored as float32 (or float16, bfloat16, float64)");
        }
    }

    private static void external(OnnxMl.TensorProto t, String what) {
        if (t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new UserInputException(what + ": tensor \"" + t.getName() + "\" is stored in an external data file;"
                    + " ConvLab reads only self-contained .onnx files (save it with onnx.save(model, path,"
                    + " save_as_external_data=False), possible below 2 GB)");
        }
    }

    private static void need(long have, long want, OnnxMl.TensorProto t, String what) {
        if (have != want) {
            throw new UserInputException(what + ": tensor \"" + t.getName() + "\" has shape " + t.getDimsList()
                    + " but carries " + have + " values/bytes instead of " + want + "; the file is damaged");
        }
    }

    static String typeName(int type) {
        DataType d = DataType.forNumber(type);
        return d == null ? "data type " + type : d.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** IEEE 754 half precision to float (exact: every half is a float). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal (or zero)
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
