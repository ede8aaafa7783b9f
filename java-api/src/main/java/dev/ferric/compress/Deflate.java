package dev.ferric.compress;

import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;
import java.util.zip.ZipException;

/**
 * One-shot deflate compression in its three container formats, on zlib-rs (a memory-safe Rust port of
 * zlib with SIMD): {@link #RAW} deflate, {@link #ZLIB} and {@link #GZIP}. Output is standard: any
 * zlib, {@code java.util.zip} or {@code gzip} tool reads it, and this reads theirs.
 *
 * <pre>{@code
 * byte[] gz = Deflate.GZIP.compress(data);             // level 6
 * byte[] back = Deflate.GZIP.decompress(gz);           // every member; bomb limits on
 * int n = Deflate.ZLIB.compress(src, 0, len, dst, 0, dst.length, 1);  // into a caller buffer
 * }</pre>
 *
 * <p><b>Levels</b> 0-9 are zlib-rs's (those of zlib-ng), which trade ratio for speed differently from
 * zlib at the same number: level 1 uses a "quick" strategy (about 2x zlib's speed, output about 20%
 * larger on mixed data), and level 6, the default, follows at most 32 hash-chain entries where zlib-rs
 * follows 128 (on the benchmark corpus: output 0.6% larger than {@code java.util.zip}'s level 6, 2.2x
 * its speed). Levels 7 and 8 compress harder and slower; level 9 switches zlib-rs to a different hash
 * and, on that corpus, was faster than level 8 but 2% larger. Every level writes a standard stream.
 *
 * <p><b>Memory contract.</b> Inputs and caller-supplied outputs are used in place: {@code byte[]} ranges
 * inside JNI critical sections of bounded work (at most 256 KiB of input or 1 MiB of output each, so the
 * garbage collector waits at most a few milliseconds), direct {@link ByteBuffer}s by address, with no
 * copy and no pinning. Methods returning a new array build the result in native memory (counted by
 * {@code Ferric.nativeStats()}) and copy it into the array once. No argument is kept after a call returns.
 * The compressing calls (without a custom {@link GzipHeader}) take their encoder from a small shared pool
 * and return it reset: a new encoder costs more than compressing a record of a few hundred bytes. The
 * pool holds at most twice the number of cores (up to 16) idle encoders of about 400 KiB each.
 *
 * <p><b>Errors.</b> Corrupt input throws {@link ZipException}; input that ends early throws
 * {@link java.io.EOFException}; trailing bytes after the stream (after the last gzip member) are
 * corrupt input; output beyond the {@link DecompressionLimits} throws
 * {@link DecompressionLimitException}. Bad arguments throw {@link NullPointerException},
 * {@link IndexOutOfBoundsException} or {@link IllegalArgumentException}, as the JDK does.
 */
public enum Deflate {
    /** Raw deflate (RFC 1951), as {@code new java.util.zip.Deflater(level, true)}. */
    RAW(CompressNative.RAW),
    /** zlib (RFC 1950), as {@code java.util.zip.Deflater}'s default. */
    ZLIB(CompressNative.ZLIB),
    /** gzip (RFC 1952), as {@code GZIPOutputStream}; decompression accepts several members. */
    GZIP(CompressNative.GZIP);

    /** The default level, 6 (what {@code Deflater.DEFAULT_COMPRESSION} means). */
    public static final int DEFAULT_LEVEL = 6;

    final int id;

    Deflate(int id) {
        this.id = id;
    }

    static void checkLevel(int level) {
        if (level < -1 || level > 9) throw new IllegalArgumentException("invalid compression level " + level);
    }

    /** An upper bound on the compressed size of {@code len} bytes in this format (default gzip header). */
    public int maxCompressedLength(int len) {
        if (len < 0) throw new IllegalArgumentException("length must be >= 0, was " + len);
        long b = CompressNative.get().deflateBound(id, len);
        if (b > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("bound for " + len + " bytes exceeds the largest array");
        return (int) b;
    }

    /** Compresses all of {@code input} at level 6. */
    public byte[] compress(byte[] input) {
        Checks.requireNonNull(input, "input");
        return compress(input, 0, input.length, DEFAULT_LEVEL);
    }

    /** Compresses all of {@code input} at {@code level} (0-9, or -1 for 6). */
    public byte[] compress(byte[] input, int level) {
        Checks.requireNonNull(input, "input");
        return compress(input, 0, input.length, level);
    }

    /** Compresses {@code input[off, off + len)} at {@code level} (0-9, or -1 for 6). */
    public byte[] compress(byte[] input, int off, int len, int level) {
        Checks.requireNonNull(input, "input");
        Checks.checkFromIndexSize(off, len, input.length);
        checkLevel(level);
        return CompressNative.get().compress(id, level, input, null, off, len, null);
    }

    /**
     * Compresses {@code input[off, off + len)} into a gzip member carrying {@code header}'s fields.
     *
     * @throws IllegalStateException if this is not {@link #GZIP}
     */
    public byte[] compress(byte[] input, int off, int len, int level, GzipHeader header) {
        Checks.requireNonNull(input, "input");
        Checks.requireNonNull(header, "header");
        Checks.checkFromIndexSize(off, len, input.length);
        checkLevel(level);
        if (this != GZIP) throw new IllegalStateException("a header applies to the gzip format only");
        return CompressNative.get().compress(id, level, input, null, off, len, header.toBytes());
    }

    /**
     * Compresses {@code input[off, off + len)} at {@code level} on all cores, as {@code pigz} does: the
     * input is cut into pieces (32 KiB below 1 MiB of input, 256 KiB above), each compressed by a worker of
     * ferric's shared thread pool with the 32 KiB before it as a preset dictionary, and the pieces are
     * joined into one ordinary stream that every inflater reads. The output is the same whatever the
     * number of cores (piece boundaries depend only on {@code len}) and a few bytes per piece larger than
     * {@link #compress(byte[], int, int, int)}'s. Inputs under 64 KiB (under 1 MiB at the fast levels 1-3,
     * where smaller pieces cost more to hand out than they save) and level 0 are compressed serially,
     * giving exactly that method's bytes.
     *
     * <p>Memory: the input range is copied into native memory in bounded pieces (a direct buffer would be
     * read in place), so the garbage collector never waits for the workers; the result is built in native
     * memory and copied into the returned array once. Use it for large one-shot payloads (files, backups,
     * batch exports) when the cores are free; a server already busy on every core gains nothing from it.
     */
    public byte[] compressParallel(byte[] input, int off, int len, int level) {
        Checks.requireNonNull(input, "input");
        Checks.checkFromIndexSize(off, len, input.length);
        checkLevel(level);
        return CompressNative.get().compressParallel(id, level, input, null, off, len, null);
    }

    /** Compresses all of {@code input} at {@code level} on all cores; see {@link #compressParallel(byte[], int, int, int)}. */
    public byte[] compressParallel(byte[] input, int level) {
        Checks.requireNonNull(input, "input");
        return compressParallel(input, 0, input.length, level);
    }

    /**
     * Compresses {@code input[off, off + len)} into {@code out[outOff, outOff + outLen)}, allocating nothing;
     * returns the compressed length.
     *
     * @throws IllegalArgumentException if the output does not fit ({@link #maxCompressedLength} always fits)
     */
    public int compress(byte[] input, int off, int len, byte[] out, int outOff, int outLen, int level) {
        Checks.requireNonNull(input, "input");
        Checks.requireNonNull(out, "out");
        Checks.checkFromIndexSize(off, len, input.length);
        Checks.checkFromIndexSize(outOff, outLen, out.length);
        checkLevel(level);
        return CompressNative.get().compressInto(id, level, input, null, off, len, out, null, outOff, outLen);
    }

    /**
     * Compresses the remaining bytes of {@code src} into {@code dst}, advancing both positions; direct
     * buffers are read and written in place. Returns the compressed length.
     *
     * @throws IllegalArgumentException if the output does not fit in {@code dst.remaining()}
     */
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dst, "dst");
        checkLevel(level);
        ByteRange in = ByteRange.of(src);
        ByteRange out = ByteRange.writable(dst);
        int n = CompressNative.get().compressInto(id, level, in.array, in.direct, in.off, in.len, out.array, out.direct, out.off, out.len);
        src.position(src.limit());
        dst.position(dst.position() + n);
        return n;
    }

    /** Decompresses all of {@code input} within {@link DecompressionLimits#DEFAULT}. */
    public byte[] decompress(byte[] input) throws ZipException, java.io.EOFException {
        Checks.requireNonNull(input, "input");
        return decompress(input, 0, input.length, DecompressionLimits.DEFAULT);
    }

    /**
     * Decompresses {@code input[off, off + len)} within {@code limits}; for gzip, every member.
     *
     * @throws ZipException if the input is corrupt or has trailing bytes
     * @throws java.io.EOFException if the input ends before the end of the stream
     * @throws DecompressionLimitException if the output would exceed a limit
     */
    public byte[] decompress(byte[] input, int off, int len, DecompressionLimits limits) throws ZipException, java.io.EOFException {
        Checks.requireNonNull(input, "input");
        Checks.requireNonNull(limits, "limits");
        Checks.checkFromIndexSize(off, len, input.length);
        return CompressNative.get().decompress(id, input, null, off, len, limits.maxOutputBytes(), limits.maxRatio());
    }

    /**
     * Decompresses {@code input[off, off + len)} into {@code out[outOff, outOff + outLen)}, allocating
     * nothing; returns the decompressed length.
     *
     * @throws DecompressionLimitException if the output does not fit
     */
    public int decompress(byte[] input, int off, int len, byte[] out, int outOff, int outLen) throws ZipException, java.io.EOFException {
        Checks.requireNonNull(input, "input");
        Checks.requireNonNull(out, "out");
        Checks.checkFromIndexSize(off, len, input.length);
        Checks.checkFromIndexSize(outOff, outLen, out.length);
        return CompressNative.get().decompressInto(id, input, null, off, len, out, null, outOff, outLen);
    }

    /**
     * Decompresses the remaining bytes of {@code src} into {@code dst}, advancing both positions; direct
     * buffers are read and written in place. Returns the decompressed length.
     *
     * @throws DecompressionLimitException if the output does not fit in {@code dst.remaining()}
     */
    public int decompress(ByteBuffer src, ByteBuffer dst) throws ZipException, java.io.EOFException {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dst, "dst");
        ByteRange in = ByteRange.of(src);
        ByteRange out = ByteRange.writable(dst);
        int n = CompressNative.get().decompressInto(id, in.array, in.direct, in.off, in.len, out.array, out.direct, out.off, out.len);
        src.position(src.limit());
        dst.position(dst.position() + n);
        return n;
    }
}
