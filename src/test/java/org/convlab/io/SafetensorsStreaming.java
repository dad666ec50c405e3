package org.convlab.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a JVM with a small heap by {@link SafetensorsStreamingTest}: writes one 80 MB tensor and
 * reads it back. With -Xmx128m this passes only if neither direction holds the file's bytes
 * beside the floats.
 */
public final class SafetensorsStreaming {
    static final int COUNT = 20_000_000;

    static float value(int i) {
        return (i % 4099 - 2049) * 0.25f; // exact in float
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        float[] values = new float[COUNT];
        for (int i = 0; i < COUNT; i++) {
            values[i] = value(i);
        }
        Safetensors.write(file, Map.of("w", new Safetensors.FloatTensor(new long[] {COUNT}, values)), Map.of());
        values = null; // the reader must find room for its own copy
        float[] read = Safetensors.read(file).floats("w");
        for (int i = 0; i < COUNT; i++) {
            if (Float.floatToRawIntBits(read[i]) != Float.floatToRawIntBits(value(i))) {
                System.out.println("value " + i + " is " + read[i] + ", expected " + value(i));
                System.exit(1);
            }
        }
        System.out.println("ok: " + COUNT + " floats written and read back in a " + (Runtime.getRuntime().maxMemory() >> 20) + " MB heap");
    }
}
