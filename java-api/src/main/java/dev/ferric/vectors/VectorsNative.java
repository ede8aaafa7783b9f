package dev.ferric.vectors;

/**
 * The native methods of {@link Vectors} ({@code rust-core/src/vectors/jni.rs}). Callers check every
 * argument first. A null {@code b} means the same array as {@code a} (the native side must not open
 * two critical views of one array).
 */
final class VectorsNative {
    private VectorsNative() {}

    static native float pairFloats(int metric, float[] a, int aOff, float[] b, int bOff, int len);

    static native float pairBytes(int metric, byte[] a, int aOff, byte[] b, int bOff, int len);

    static native long hamming(byte[] a, int aOff, byte[] b, int bOff, int len);

    static native String kernelName();

    static native String hammingKernelName();
}
