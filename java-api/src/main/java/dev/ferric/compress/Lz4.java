package dev.ferric.compress;

import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.zip.ZipException;

/**
 * LZ4 on lz4_flex, a Rust implementation whose decoder is memory-safe on any input (lz4-java's
 * decoders had out-of-bounds advisories). The block API mirrors lz4-java's so its users can switch:
 * {@code LZ4Factory.fastestInstance().fastCompressor()} becomes {@link #fastCompressor()}, and likewise
 * {@link #fastDecompressor()} and {@link #safeDecompressor()}. The frame format is the {@code lz4}
 * tool's ({@code .lz4} files), one-shot here and streaming through {@link Lz4FrameOutputStream} and
 * {@link Lz4FrameInputStream}.
 *
 * <p><b>Memory contract.</b> Block calls read and write arrays in place inside one JNI critical section
 * (LZ4 runs at hundreds of MB/s, so a 1 MiB block pins for about a millisecond) and direct buffers by
 * address. One-shot frame calls work in bounded pieces and return a new array.
 */
public final class Lz4 {
    private static final Lz4Compressor COMPRESSOR = new Lz4Compressor();
    private static final Lz4FastDecompressor FAST = new Lz4FastDecompressor();
    private static final Lz4SafeDecompressor SAFE = new Lz4SafeDecompressor();

    /** Frame block size 64 KiB (the {@code lz4 -B4} option). */
    public static final int BLOCK_64KB = 4;
    /** Frame block size 256 KiB ({@code -B5}). */
    public static final int BLOCK_256KB = 5;
    /** Frame block size 1 MiB ({@code -B6}). */
    public static final int BLOCK_1MB = 6;
    /** Frame block size 4 MiB ({@code -B7}, the {@code lz4} tool's default). */
    public static final int BLOCK_4MB = 7;

    private Lz4() {}

    /** The block compressor (LZ4 "fast" level, as lz4-java's {@code fastCompressor()}). */
    public static Lz4Compressor fastCompressor() {
        return COMPRESSOR;
    }

    /** The decompressor for blocks whose decompressed length is known. */
    public static Lz4FastDecompressor fastDecompressor() {
        return FAST;
    }

    /** The decompressor for blocks whose compressed length is known and decompressed length bounded. */
    public static Lz4SafeDecompressor safeDecompressor() {
        return SAFE;
    }

    /** {@code input} as one LZ4 frame with 4 MiB blocks and a content checksum, as {@code lz4 -c} writes. */
    public static byte[] compressFrame(byte[] input) {
        Checks.requireNonNull(input, "input");
        return compressFrame(input, 0, input.length, BLOCK_4MB, true);
    }

    /**
     * {@code input[off, off + len)} as one LZ4 frame.
     *
     * @param blockSizeId {@link #BLOCK_64KB} .. {@link #BLOCK_4MB}
     * @param contentChecksum whether to append an xxHash32 of the content
     */
    public static byte[] compressFrame(byte[] input, int off, int len, int blockSizeId, boolean contentChecksum) {
        Checks.requireNonNull(input, "input");
        Checks.checkFromIndexSize(off, len, input.length);
        checkBlockSize(blockSizeId);
        return CompressNative.get().lz4FrameCompress(input, null, off, len, blockSizeId, contentChecksum);
    }

    /** Decompresses every frame in {@code input} within {@link DecompressionLimits#DEFAULT}. */
    public static byte[] decompressFrame(byte[] input) throws ZipException, EOFException {
        Checks.requireNonNull(input, "input");
        return decompressFrame(input, 0, input.length, DecompressionLimits.DEFAULT);
    }

    /**
     * Decompresses every frame in {@code input[off, off + len)} (skippable frames are skipped).
     *
     * @throws ZipException if the data is corrupt (bad magic, checksum, block)
     * @throws EOFException if it ends inside a frame (or holds no frame)
     * @throws DecompressionLimitException if the output would exceed a limit
     */
    public static byte[] decompressFrame(byte[] input, int off, int len, DecompressionLimits limits) throws ZipException, EOFException {
        Checks.requireNonNull(input, "input");
        Checks.requireNonNull(limits, "limits");
        Checks.checkFromIndexSize(off, len, input.length);
        return CompressNative.get().lz4FrameDecompress(input, null, off, len, limits.maxOutputBytes(), limits.maxRatio());
    }

    static void checkBlockSize(int id) {
        if (id < BLOCK_64KB || id > BLOCK_4MB) throw new IllegalArgumentException("block size id must be 4..7, was " + id);
    }

    /** Absolute range {@code [off, off + len)} of a buffer, checked against its capacity; positions are not changed. */
    static ByteRange absolute(ByteBuffer b, int off, int len, boolean write) {
        Checks.checkFromIndexSize(off, len, b.capacity());
        if (write && b.isReadOnly()) throw new java.nio.ReadOnlyBufferException();
        ByteBuffer d = b.duplicate();
        d.clear();
        d.position(off);
        d.limit(off + len);
        return ByteRange.of(d);
    }
}
