package dev.ferric.compress;

/**
 * An LZ4 block is malformed, or a destination is too small for it: the unchecked exception of the
 * block API, as {@code LZ4Exception} is in lz4-java.
 */
public class Lz4Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public Lz4Exception(String message) {
        super(message);
    }
}
