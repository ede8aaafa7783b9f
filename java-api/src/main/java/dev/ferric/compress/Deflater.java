package dev.ferric.compress;

import dev.ferric.NativeResource;
import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;

/**
 * A streaming compressor shaped like {@link java.util.zip.Deflater}: {@code setInput}, {@code finish},
 * {@code deflate} into caller buffers until {@code finished()}. It also writes gzip (with header fields)
 * and runs on zlib-rs. No call allocates: input stays in the caller's array or buffer, which must not be
 * changed until {@link #needsInput()}.
 *
 * <pre>{@code
 * try (Deflater d = new Deflater(Deflate.GZIP, 6)) {
 *     d.setInput(data);
 *     d.finish();
 *     while (!d.finished()) out.write(buf, 0, d.deflate(buf));
 * }
 * }</pre>
 *
 * <p>Differences from the JDK class: {@link #setLevel} is only allowed before the first input or after
 * {@link #reset()}; {@link #end()} is {@link #close()}. Owns about 256 KiB of native memory (zlib's window
 * and hash tables) until closed; not thread-safe (concurrent use throws
 * {@link java.util.ConcurrentModificationException}).
 */
public final class Deflater extends NativeResource {
    /** Level 0: stored blocks only. */
    public static final int NO_COMPRESSION = 0;
    /** Level 1. */
    public static final int BEST_SPEED = 1;
    /** Level 9. */
    public static final int BEST_COMPRESSION = 9;
    /** Level -1: the default, 6. */
    public static final int DEFAULT_COMPRESSION = -1;
    /** Strategy: the default mix of matches and literals. */
    public static final int DEFAULT_STRATEGY = 0;
    /** Strategy for data of small values with a somewhat random distribution: fewer short matches. */
    public static final int FILTERED = 1;
    /** Strategy: Huffman coding only, no matches. */
    public static final int HUFFMAN_ONLY = 2;
    /** Flush mode: let the compressor decide. */
    public static final int NO_FLUSH = 0;
    /** Flush mode: emit all pending output on a byte boundary. */
    public static final int SYNC_FLUSH = 2;
    /** Flush mode: as {@link #SYNC_FLUSH}, and reset the dictionary so decoding can restart here. */
    public static final int FULL_FLUSH = 3;
    private static final int FINISH = 4;

    private final Deflate format;
    private int level;
    private int strategy = DEFAULT_STRATEGY;
    private final StreamInput input = new StreamInput();
    private boolean finish;
    private boolean finished;
    private final StreamStep step = new StreamStep();

    /** zlib format at the default level, like {@code new java.util.zip.Deflater()}. */
    public Deflater() {
        this(Deflate.ZLIB, DEFAULT_COMPRESSION);
    }

    /** zlib format at {@code level}. */
    public Deflater(int level) {
        this(Deflate.ZLIB, level);
    }

    /** Raw deflate if {@code nowrap}, else zlib, at {@code level}, as the JDK constructor. */
    public Deflater(int level, boolean nowrap) {
        this(nowrap ? Deflate.RAW : Deflate.ZLIB, level);
    }

    /** {@code format} at {@code level} (0-9, or -1 for 6); gzip gets the default header. */
    public Deflater(Deflate format, int level) {
        this(format, level, null);
    }

    /**
     * gzip at {@code level} with {@code header}'s fields (name, mtime, comment...), or another format
     * when {@code header} is null.
     */
    public Deflater(Deflate format, int level, GzipHeader header) {
        super(create(format, level, header), h -> CompressNative.get().deflaterFree(h), "Deflater");
        this.format = format;
        this.level = level;
    }

    private static long create(Deflate format, int level, GzipHeader header) {
        Checks.requireNonNull(format, "format");
        Deflate.checkLevel(level);
        if (header != null && format != Deflate.GZIP) throw new IllegalArgumentException("a header applies to the gzip format only");
        return CompressNative.get().deflaterNew(format.id, level, header == null ? null : header.toBytes());
    }

    /** The container format. */
    public Deflate format() {
        return format;
    }

    /** Sets {@code input[off, off + len)} as the next input (kept by reference, not copied). */
    public void setInput(byte[] input, int off, int len) {
        this.input.set(input, off, len);
    }

    /** Sets all of {@code input} as the next input. */
    public void setInput(byte[] input) {
        Checks.requireNonNull(input, "input");
        setInput(input, 0, input.length);
    }

    /**
     * Sets the remaining bytes of {@code input} as the next input; its position advances as they are
     * consumed. A direct buffer is read in place.
     */
    public void setInput(ByteBuffer input) {
        this.input.set(input);
    }

    /** Sets a preset dictionary (raw and zlib; before the first input). */
    public void setDictionary(byte[] dict, int off, int len) {
        Checks.requireNonNull(dict, "dict");
        Checks.checkFromIndexSize(off, len, dict.length);
        runExclusive(h -> CompressNative.get().deflaterSetDictionary(h, dict, off, len));
    }

    /** Sets all of {@code dict} as the preset dictionary. */
    public void setDictionary(byte[] dict) {
        Checks.requireNonNull(dict, "dict");
        setDictionary(dict, 0, dict.length);
    }

    /**
     * Changes the level (0-9, or -1 for 6). Unlike {@code java.util.zip.Deflater}, which applies a new
     * level from the next call on, the level can only change before the first input of a stream.
     *
     * @throws IllegalArgumentException if the level is invalid, or changes after input was given
     *     since creation or {@link #reset()}
     */
    public void setLevel(int level) {
        Deflate.checkLevel(level);
        setParams(level, strategy);
    }

    /**
     * Changes the strategy: {@link #DEFAULT_STRATEGY}, {@link #FILTERED} or {@link #HUFFMAN_ONLY}, as
     * {@code java.util.zip.Deflater.setStrategy}; like the level, only before the first input of a
     * stream. The strategy stays across {@link #reset()}; a preset dictionary set before it stays too.
     *
     * @throws IllegalArgumentException if the strategy is invalid, or changes after input was given
     *     since creation or {@link #reset()}
     */
    public void setStrategy(int strategy) {
        if (strategy < DEFAULT_STRATEGY || strategy > HUFFMAN_ONLY) throw new IllegalArgumentException("invalid compression strategy " + strategy);
        setParams(level, strategy);
    }

    private void setParams(int level, int strategy) {
        runExclusive(h -> CompressNative.get().deflaterSetParams(h, level, strategy));
        this.level = level;
        this.strategy = strategy;
    }

    /** Whether the input is used up and more must be set with {@code setInput}. */
    public boolean needsInput() {
        return input.remaining() <= 0;
    }

    /** Ends the input: compression ends with the current input. */
    public void finish() {
        finish = true;
    }

    /** Whether all compressed output, trailer included, has been returned. */
    public boolean finished() {
        return finished;
    }

    /** Compresses into {@code out}; returns the bytes written (0 means more input is needed). */
    public int deflate(byte[] out) {
        Checks.requireNonNull(out, "out");
        return deflate(out, 0, out.length, NO_FLUSH);
    }

    /** Compresses into {@code out[off, off + len)}; returns the bytes written. */
    public int deflate(byte[] out, int off, int len) {
        return deflate(out, off, len, NO_FLUSH);
    }

    /**
     * Compresses into {@code out[off, off + len)} with flush mode {@code flush}; returns the bytes written.
     * After {@link #finish()}, the stream is ended whatever the mode. As with the JDK, if a
     * {@code SYNC_FLUSH}/{@code FULL_FLUSH} call fills the output, call again with the same mode.
     */
    public int deflate(byte[] out, int off, int len, int flush) {
        Checks.requireNonNull(out, "out");
        Checks.checkFromIndexSize(off, len, out.length);
        return run(out, null, off, len, flush);
    }

    /** Compresses into the remaining space of {@code out} (advancing its position); a direct buffer in place. */
    public int deflate(ByteBuffer out) {
        return deflate(out, NO_FLUSH);
    }

    /** {@link #deflate(ByteBuffer)} with flush mode {@code flush}. */
    public int deflate(ByteBuffer out, int flush) {
        Checks.requireNonNull(out, "out");
        ByteRange o = ByteRange.writable(out);
        int n = run(o.array, o.direct, o.off, o.len, flush);
        out.position(out.position() + n);
        return n;
    }

    private int run(byte[] outArray, ByteBuffer outBuffer, int outOff, int outLen, int flush) {
        if (flush != NO_FLUSH && flush != SYNC_FLUSH && flush != FULL_FLUSH) throw new IllegalArgumentException("Illegal flush mode " + flush);
        int mode = finish ? FINISH : flush;
        ByteRange in = input.range();
        runExclusive(h -> step.deflate(h, in.array, in.direct, in.off, in.len, outArray, outBuffer, outOff, outLen, mode));
        input.advance(step);
        finished = step.finished;
        return step.produced;
    }

    /** Uncompressed bytes consumed since creation or reset. */
    public long getBytesRead() {
        return input.bytesRead;
    }

    /** Compressed bytes produced since creation or reset. */
    public long getBytesWritten() {
        return input.bytesWritten;
    }

    /** {@link #getBytesRead()} as an int (saturating), as the JDK's {@code getTotalIn}. */
    public int getTotalIn() {
        return (int) Math.min(input.bytesRead, Integer.MAX_VALUE);
    }

    /** {@link #getBytesWritten()} as an int (saturating), as the JDK's {@code getTotalOut}. */
    public int getTotalOut() {
        return (int) Math.min(input.bytesWritten, Integer.MAX_VALUE);
    }

    /** Starts a new stream with the same settings; the current input is dropped. */
    public void reset() {
        runExclusive(h -> CompressNative.get().deflaterReset(h));
        input.clear();
        finish = false;
        finished = false;
    }

    /** Frees the native state, as {@link #close()}. */
    public void end() {
        close();
    }
}
