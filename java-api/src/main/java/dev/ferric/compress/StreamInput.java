package dev.ferric.compress;

import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;

/**
 * What a {@link Deflater} or {@link Inflater} was given to read and has not consumed yet (an array
 * range, kept by reference, or a buffer's remaining bytes, whose position advances as they are
 * consumed), and the byte totals both report.
 */
final class StreamInput {
    private static final byte[] EMPTY = new byte[0];

    private byte[] array = EMPTY;
    private ByteBuffer buffer;
    private int off;
    private int len;
    /** Input bytes consumed since creation or the last {@link #clearTotals()}. */
    long bytesRead;
    /** Output bytes produced since then. */
    long bytesWritten;

    void set(byte[] input, int off, int len) {
        Checks.requireNonNull(input, "input");
        Checks.checkFromIndexSize(off, len, input.length);
        array = input;
        buffer = null;
        this.off = off;
        this.len = len;
    }

    void set(ByteBuffer input) {
        Checks.requireNonNull(input, "input");
        array = EMPTY;
        buffer = input;
        off = 0;
        len = 0;
    }

    /** Bytes not consumed yet. */
    int remaining() {
        return buffer != null ? buffer.remaining() : len;
    }

    /** The unconsumed bytes, for the next step. */
    ByteRange range() {
        return buffer != null ? ByteRange.of(buffer) : ByteRange.of(array, off, len);
    }

    /** Moves past what {@code step} consumed and adds its counts to the totals. */
    void advance(StreamStep step) {
        if (buffer != null) {
            buffer.position(buffer.position() + step.consumed);
        } else {
            off += step.consumed;
            len -= step.consumed;
        }
        bytesRead += step.consumed;
        bytesWritten += step.produced;
    }

    /** Drops the input and zeroes the totals. */
    void clear() {
        set(EMPTY, 0, 0);
        clearTotals();
    }

    void clearTotals() {
        bytesRead = 0;
        bytesWritten = 0;
    }
}
