package dev.ferric.vectors;

/** What one component of the vectors in a {@link FlatIndex} is stored as. */
public enum ElementType {
    /** IEEE 754 single precision ({@code float}); 4 bytes per component. */
    FLOAT32,
    /** Signed 8-bit integer ({@code byte}), e.g. scalar-quantised embeddings; 1 byte per component. */
    INT8;

    /** The code the native side decodes (the ordinal, pinned by a test). */
    int code() {
        return ordinal();
    }

    /** Bytes per component. */
    public int size() {
        return this == FLOAT32 ? 4 : 1;
    }
}
