package org.convlab.engine;

/**
 * Whether the Vector API ({@code jdk.incubator.vector}) is on the module graph. Classes that
 * reference the Vector API are only loaded when {@link #AVAILABLE} is true, so a plain
 * {@code java -jar} without {@code --add-modules jdk.incubator.vector} still runs (on the scalar
 * kernels, same results within float tolerance). Set {@code -Dconvlab.simd=false} to force the
 * scalar kernels.
 */
public final class Simd {
    /** True when the SIMD fast paths may be used. */
    public static final boolean AVAILABLE = detect();

    private Simd() {}

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("convlab.simd"))) {
            return false;
        }
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!present) {
            System.err.println("note: the Vector API is not enabled, so ConvLab runs its scalar kernels"
                    + " (start Java with --add-modules jdk.incubator.vector for the fast path)");
        }
        return present;
    }

    /** One line describing the kernels in use, for {@code bench} and the status bar. */
    public static String describe() {
        return AVAILABLE ? "SIMD (Vector API)" : "scalar (Vector API not enabled)";
    }
}
