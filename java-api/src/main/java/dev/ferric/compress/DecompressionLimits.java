package dev.ferric.compress;

/**
 * Limits on one-shot decompression into a new array, against decompression bombs (a few KiB that
 * expand to gigabytes). Exceeding one throws {@link DecompressionLimitException} naming it.
 *
 * <p>{@link #DEFAULT} allows at most 1 GiB of output and a ratio of output to input of at most 200;
 * the ratio is only enforced once the output exceeds 16 MiB, so small, very compressible inputs are
 * always accepted. Decompressing into a caller's buffer is bounded by that buffer instead.
 */
public final class DecompressionLimits {
    /** Output size above which the ratio limit applies. */
    public static final long RATIO_FLOOR = 16L << 20;

    /** 1 GiB of output, ratio 200. */
    public static final DecompressionLimits DEFAULT = new DecompressionLimits(1L << 30, 200);

    /** No limit other than the largest Java array. */
    public static final DecompressionLimits NONE = new DecompressionLimits(Long.MAX_VALUE, 0);

    private final long maxOutputBytes;
    private final long maxRatio;

    private DecompressionLimits(long maxOutputBytes, long maxRatio) {
        this.maxOutputBytes = maxOutputBytes;
        this.maxRatio = maxRatio;
    }

    /**
     * Custom limits.
     *
     * @param maxOutputBytes largest output in bytes
     * @param maxRatio largest output/input ratio (enforced above {@link #RATIO_FLOOR}); 0 for none
     * @throws IllegalArgumentException if either is negative
     */
    public static DecompressionLimits of(long maxOutputBytes, long maxRatio) {
        if (maxOutputBytes < 0) throw new IllegalArgumentException("maxOutputBytes must be >= 0, was " + maxOutputBytes);
        if (maxRatio < 0) throw new IllegalArgumentException("maxRatio must be >= 0, was " + maxRatio);
        return new DecompressionLimits(maxOutputBytes, maxRatio);
    }

    /** Largest output in bytes. */
    public long maxOutputBytes() {
        return maxOutputBytes;
    }

    /** Largest output/input ratio, 0 for none. */
    public long maxRatio() {
        return maxRatio;
    }

    @Override
    public String toString() {
        return "DecompressionLimits{maxOutputBytes=" + maxOutputBytes + ", maxRatio=" + maxRatio + "}";
    }
}
