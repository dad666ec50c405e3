package org.convlab.io.onnx;

import java.nio.FloatBuffer;

/**
 * One float32 initializer whose values are streamed into the file, never copied into a protobuf
 * message: {@code values} is a read-only view of the layer's tensor (row major, {@code dims}).
 */
record OnnxExportTensor(String name, long[] dims, FloatBuffer values) {
    /** Bytes of its raw_data (4 per value). */
    long rawBytes() {
        return (long) values.remaining() * Float.BYTES;
    }
}
