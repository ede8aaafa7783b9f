package dev.ferric.compress;

import java.util.zip.ZipException;

/**
 * Decompressed output would exceed a {@link DecompressionLimits} limit (or the destination given); the
 * message names the limit. A {@link ZipException}, so code that handles corrupt input handles this too.
 */
public class DecompressionLimitException extends ZipException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public DecompressionLimitException(String message) {
        super(message);
    }
}
