package dev.ferric.vectors;

/**
 * The vector calls with a Java 22+ FFM twin ({@code META-INF/versions/22}); here, JNI. Callers check
 * every argument first; {@code b == null} means {@code a}.
 */
final class VectorsCalls {
    private VectorsCalls() {}

    static float pairFloats(int metric, float[] a, int aOff, float[] b, int bOff, int len) {
        return VectorsNative.get().pairFloats(metric, a, aOff, b, bOff, len);
    }

    static float pairBytes(int metric, byte[] a, int aOff, byte[] b, int bOff, int len) {
        return VectorsNative.get().pairBytes(metric, a, aOff, b, bOff, len);
    }
}
