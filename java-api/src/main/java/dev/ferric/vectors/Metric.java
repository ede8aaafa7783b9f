package dev.ferric.vectors;

/**
 * How a {@link FlatIndex} or {@link Vectors} compares two vectors. {@link #HAMMING} goes with
 * {@link ElementType#BINARY} vectors, and only with them; the other metrics with float32 and int8.
 */
public enum Metric {
    /** Σ a·b. Larger is closer; results are ordered by descending score. */
    DOT_PRODUCT,
    /** Σ a·b / (|a|·|b|), and 0 when either vector is all zeros. Larger is closer. */
    COSINE,
    /** Σ (a−b)², the squared Euclidean distance. Smaller is closer; results are ordered by ascending score. */
    L2_SQUARED,
    /**
     * The number of bit positions in which two {@link ElementType#BINARY} vectors differ (popcount of
     * a XOR b), an exact integer. Smaller is closer; results are ordered by ascending score.
     */
    HAMMING;

    /** The code the native side decodes (the ordinal, pinned by a test). */
    int code() {
        return ordinal();
    }
}
