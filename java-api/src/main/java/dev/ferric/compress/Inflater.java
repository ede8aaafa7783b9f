package dev.ferric.compress;

import dev.ferric.NativeResource;
import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

/**
 * A streaming decompressor shaped like {@link java.util.zip.Inflater}: {@code setInput}, then
 * {@code inflate} into caller buffers until {@code finished()}; {@link #getRemaining()} tells how many
 * input bytes follow the end of the stream. It also reads one gzip member (header, CRC-32 and length
 * checked), whose header fields {@link #gzipHeader()} returns. No call allocates: input stays in the
 * caller's array or buffer, which must not be changed until {@link #needsInput()}.
 *
 * <p>Owns about 40 KiB of native memory (the 32 KiB window) until closed; not thread-safe (concurrent
 * use throws {@link java.util.ConcurrentModificationException}). {@link #end()} is {@link #close()}.
 */
public final class Inflater extends NativeResource {
    private final Deflate format;
    private final StreamInput input = new StreamInput();
    private boolean finished;
    private boolean needsDictionary;
    private final StreamStep step = new StreamStep();

    /** zlib format, like {@code new java.util.zip.Inflater()}. */
    public Inflater() {
        this(Deflate.ZLIB);
    }

    /** Raw deflate if {@code nowrap}, else zlib, as the JDK constructor. */
    public Inflater(boolean nowrap) {
        this(nowrap ? Deflate.RAW : Deflate.ZLIB);
    }

    /** A decompressor of {@code format} (for gzip: one member; call {@link #reset()} for the next). */
    public Inflater(Deflate format) {
        super(create(format), h -> CompressNative.get().inflaterFree(h), "Inflater");
        this.format = format;
    }

    private static long create(Deflate format) {
        Checks.requireNonNull(format, "format");
        return CompressNative.get().inflaterNew(format.id);
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

    /** Sets the remaining bytes of {@code input} as the next input; its position advances as they are consumed. */
    public void setInput(ByteBuffer input) {
        this.input.set(input);
    }

    /** Supplies the preset dictionary a zlib stream asked for ({@link #needsDictionary()}), or one for raw deflate. */
    public void setDictionary(byte[] dict, int off, int len) {
        Checks.requireNonNull(dict, "dict");
        Checks.checkFromIndexSize(off, len, dict.length);
        runExclusive(h -> CompressNative.get().inflaterSetDictionary(h, dict, off, len));
        needsDictionary = false;
    }

    /** Supplies all of {@code dict} as the preset dictionary. */
    public void setDictionary(byte[] dict) {
        Checks.requireNonNull(dict, "dict");
        setDictionary(dict, 0, dict.length);
    }

    /** Input bytes not yet consumed (after {@link #finished()}: the bytes following the stream). */
    public int getRemaining() {
        return input.remaining();
    }

    /** Whether the input is used up and more must be set with {@code setInput}. */
    public boolean needsInput() {
        return getRemaining() <= 0;
    }

    /** Whether a zlib stream asks for a preset dictionary before it can go on. */
    public boolean needsDictionary() {
        return needsDictionary;
    }

    /** Whether the end of the stream (for gzip: the checked trailer) has been reached. */
    public boolean finished() {
        return finished;
    }

    /** Decompresses into {@code out}; returns the bytes written (0: see needsInput/needsDictionary/finished). */
    public int inflate(byte[] out) throws DataFormatException {
        Checks.requireNonNull(out, "out");
        return inflate(out, 0, out.length);
    }

    /**
     * Decompresses into {@code out[off, off + len)}; returns the bytes written.
     *
     * @throws DataFormatException if the input is corrupt (including a gzip CRC or length mismatch)
     */
    public int inflate(byte[] out, int off, int len) throws DataFormatException {
        Checks.requireNonNull(out, "out");
        Checks.checkFromIndexSize(off, len, out.length);
        return run(out, null, off, len);
    }

    /** Decompresses into the remaining space of {@code out} (advancing its position); a direct buffer in place. */
    public int inflate(ByteBuffer out) throws DataFormatException {
        Checks.requireNonNull(out, "out");
        ByteRange o = ByteRange.writable(out);
        int n = run(o.array, o.direct, o.off, o.len);
        out.position(out.position() + n);
        return n;
    }

    private int run(byte[] outArray, ByteBuffer outBuffer, int outOff, int outLen) throws DataFormatException {
        ByteRange in = input.range();
        try {
            runExclusive(h -> step.inflate(h, in.array, in.direct, in.off, in.len, outArray, outBuffer, outOff, outLen));
        } catch (ZipException e) {
            DataFormatException d = new DataFormatException(e.getMessage());
            d.initCause(e);
            throw d;
        }
        input.advance(step);
        finished = step.finished;
        needsDictionary = step.needsDictionary;
        return step.produced;
    }

    /** Whether the gzip header of the current member has been read (always true for other formats). */
    boolean gzipHeaderRead() {
        return withExclusive(h -> CompressNative.get().inflaterHeaderDone(h));
    }

    /** The header of the last gzip member whose header was read, or null (none yet, or not gzip). */
    public GzipHeader gzipHeader() {
        byte[] raw = withExclusive(h -> CompressNative.get().inflaterHeader(h));
        return raw == null ? null : GzipHeader.parse(raw);
    }

    /** Compressed bytes consumed since creation or reset. */
    public long getBytesRead() {
        return input.bytesRead;
    }

    /** Decompressed bytes produced since creation or reset. */
    public long getBytesWritten() {
        return input.bytesWritten;
    }

    /** {@link #getBytesRead()} as an int (saturating). */
    public int getTotalIn() {
        return (int) Math.min(input.bytesRead, Integer.MAX_VALUE);
    }

    /** {@link #getBytesWritten()} as an int (saturating). */
    public int getTotalOut() {
        return (int) Math.min(input.bytesWritten, Integer.MAX_VALUE);
    }

    /** Starts over for a new stream (for gzip: the next member); the current input is kept. */
    public void reset() {
        runExclusive(h -> CompressNative.get().inflaterReset(h));
        finished = false;
        needsDictionary = false;
        input.clearTotals();
    }

    /** Frees the native state, as {@link #close()}. */
    public void end() {
        close();
    }
}
