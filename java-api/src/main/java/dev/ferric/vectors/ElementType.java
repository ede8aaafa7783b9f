package dev.ferric.vectors;

/** What one component of the vectors in a {@link FlatIndex} is stored as. */
public enum ElementType {
    /** IEEE 754 single precision ({@code float}); 4 bytes per component. */
    FLOAT32,
    /** Signed 8-bit integer ({@code byte}), e.g. scalar-quantised embeddings; 1 byte per component. */
    INT8,
    /**
     * One bit (e.g. binary-quantised embeddings or hash codes), compared by {@link Metric#HAMMING}. The
     * dimension counts bits and must be a multiple of 8; a vector is passed as {@code dimension / 8}
     * bytes, 8 components per byte. The bit order within a byte is the caller's choice (the Hamming
     * distance does not depend on it, as long as every vector uses the same).
     */
    BINARY;

    /** The code the native side decodes (the ordinal, pinned by a test). */
    int code() {
        return ordinal();
    }

    /** Bits per component: 32, 8 or 1. */
    public int bits() {
        switch (this) {
            case FLOAT32: return 32;
            case INT8: return 8;
            default: return 1;
        }
    }

    /** Bytes of one vector of {@code dimension} components (for {@link #BINARY}, a multiple of 8). */
    public int vectorBytes(int dimension) {
        return (int) ((long) dimension * bits() / 8);
    }
}
