package dev.ferric.vectors;

import dev.ferric.internal.Checks;

/**
 * Distance functions on one pair of vectors, for callers who keep their own storage. For scoring a
 * query against many vectors use {@link FlatIndex}, which pays the JNI crossing once per query, not
 * once per vector.
 *
 * <p><b>Cost.</b> Each call crosses JNI once; the arrays are then read in place (no copy) inside JNI
 * critical sections of at most 65,536 elements each, during which the garbage collector may wait.
 * The crossing has a fixed cost of the same order as a scalar Java loop over a few hundred
 * components (figures in {@code BENCHMARKS.md}), so single pairs pay off only for long
 * vectors or where the JIT does not vectorise; many pairs against one query belong in a {@link FlatIndex}.
 *
 * <p><b>Precision.</b> float32 sums are accumulated in float32 in a fixed, SIMD-friendly order
 * (several partial sums), so a result may differ from a sequential Java loop in the last bits; the
 * error bounds are those of {@link FlatIndex} (e.g. {@code (n+1)·2⁻²³·Σ|aᵢbᵢ|} for the dot product). int8 dot products and distances are exact integers
 * (returned as {@code float}, so rounded above 2²⁴). NaN and infinite components propagate as in
 * IEEE arithmetic. Cosine of a vector with all zeros is 0. Hamming distances are exact.
 *
 * <p>All methods throw {@link NullPointerException} for null arrays, {@link IllegalArgumentException}
 * when the lengths differ, {@link IndexOutOfBoundsException} for ranges outside an array, and
 * {@link UnsatisfiedLinkError} if the native library could not be loaded.
 */
public final class Vectors {
    private Vectors() {}

    /** Σ a·b over all components. */
    public static float dot(float[] a, float[] b) {
        return pair(Metric.DOT_PRODUCT, a, b);
    }

    /** Σ a·b over {@code len} components from {@code aOff} and {@code bOff}. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        return pair(Metric.DOT_PRODUCT, a, aOff, b, bOff, len);
    }

    /** Cosine similarity: Σ a·b / (|a|·|b|), 0 if either vector is all zeros. */
    public static float cosine(float[] a, float[] b) {
        return pair(Metric.COSINE, a, b);
    }

    /** Cosine similarity over {@code len} components from {@code aOff} and {@code bOff}. */
    public static float cosine(float[] a, int aOff, float[] b, int bOff, int len) {
        return pair(Metric.COSINE, a, aOff, b, bOff, len);
    }

    /** Squared Euclidean distance Σ (a−b)². */
    public static float l2Squared(float[] a, float[] b) {
        return pair(Metric.L2_SQUARED, a, b);
    }

    /** Squared Euclidean distance over {@code len} components from {@code aOff} and {@code bOff}. */
    public static float l2Squared(float[] a, int aOff, float[] b, int bOff, int len) {
        return pair(Metric.L2_SQUARED, a, aOff, b, bOff, len);
    }

    /** Σ a·b of two int8 vectors (exact). */
    public static float dot(byte[] a, byte[] b) {
        return pair(Metric.DOT_PRODUCT, a, b);
    }

    /** Σ a·b of int8 vectors over {@code len} components from {@code aOff} and {@code bOff}. */
    public static float dot(byte[] a, int aOff, byte[] b, int bOff, int len) {
        return pair(Metric.DOT_PRODUCT, a, aOff, b, bOff, len);
    }

    /** Cosine similarity of two int8 vectors. */
    public static float cosine(byte[] a, byte[] b) {
        return pair(Metric.COSINE, a, b);
    }

    /** Cosine similarity of int8 vectors over {@code len} components from {@code aOff} and {@code bOff}. */
    public static float cosine(byte[] a, int aOff, byte[] b, int bOff, int len) {
        return pair(Metric.COSINE, a, aOff, b, bOff, len);
    }

    /** Squared Euclidean distance of two int8 vectors (exact). */
    public static float l2Squared(byte[] a, byte[] b) {
        return pair(Metric.L2_SQUARED, a, b);
    }

    /** Squared Euclidean distance of int8 vectors over {@code len} components from {@code aOff} and {@code bOff}. */
    public static float l2Squared(byte[] a, int aOff, byte[] b, int bOff, int len) {
        return pair(Metric.L2_SQUARED, a, aOff, b, bOff, len);
    }

    /**
     * The Hamming distance of two bit-packed binary vectors of the same length: the number of bit
     * positions in which they differ, {@code Σ Long.bitCount(aᵢ ^ bᵢ)} (8 bits per byte, the bit order
     * within a byte does not matter as long as both use the same).
     */
    public static long hamming(byte[] a, byte[] b) {
        Checks.requireNonNull(a, "a");
        Checks.requireNonNull(b, "b");
        sameLength(a.length, b.length);
        return hamming(a, 0, b, 0, a.length);
    }

    /** The Hamming distance of {@code len} bytes from {@code aOff} and {@code bOff} ({@code 8·len} bits). */
    public static long hamming(byte[] a, int aOff, byte[] b, int bOff, int len) {
        Checks.requireNonNull(a, "a");
        Checks.requireNonNull(b, "b");
        Checks.checkFromIndexSize(aOff, len, a.length);
        Checks.checkFromIndexSize(bOff, len, b.length);
        return VectorsNative.get().hamming(a, aOff, a == b ? null : b, bOff, len);
    }

    /**
     * The popcount kernel chosen for this CPU at run time for {@link Metric#HAMMING}:
     * {@code avx512-vpopcntdq}, {@code popcnt}, {@code neon} or {@code scalar}.
     *
     * @throws UnsatisfiedLinkError if the native library could not be loaded
     */
    public static String hammingKernelName() {
        return VectorsNative.get().hammingKernelName();
    }

    /**
     * The SIMD kernel family chosen for this CPU at run time: {@code avx512-vnni}, {@code avx512},
     * {@code avx2-fma}, {@code neon} or {@code scalar}.
     *
     * @throws UnsatisfiedLinkError if the native library could not be loaded
     */
    public static String kernelName() {
        return VectorsNative.get().kernelName();
    }

    private static float pair(Metric m, float[] a, float[] b) {
        Checks.requireNonNull(a, "a");
        Checks.requireNonNull(b, "b");
        sameLength(a.length, b.length);
        return pair(m, a, 0, b, 0, a.length);
    }

    private static float pair(Metric m, byte[] a, byte[] b) {
        Checks.requireNonNull(a, "a");
        Checks.requireNonNull(b, "b");
        sameLength(a.length, b.length);
        return pair(m, a, 0, b, 0, a.length);
    }

    private static float pair(Metric m, float[] a, int aOff, float[] b, int bOff, int len) {
        Checks.requireNonNull(a, "a");
        Checks.requireNonNull(b, "b");
        Checks.checkFromIndexSize(aOff, len, a.length);
        Checks.checkFromIndexSize(bOff, len, b.length);
        return VectorsCalls.pairFloats(m.code(), a, aOff, a == b ? null : b, bOff, len);
    }

    private static float pair(Metric m, byte[] a, int aOff, byte[] b, int bOff, int len) {
        Checks.requireNonNull(a, "a");
        Checks.requireNonNull(b, "b");
        Checks.checkFromIndexSize(aOff, len, a.length);
        Checks.checkFromIndexSize(bOff, len, b.length);
        return VectorsCalls.pairBytes(m.code(), a, aOff, a == b ? null : b, bOff, len);
    }

    private static void sameLength(int a, int b) {
        if (a != b) throw new IllegalArgumentException("vectors have different lengths: " + a + " and " + b);
    }
}
