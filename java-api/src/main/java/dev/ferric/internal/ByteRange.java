package dev.ferric.internal;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;

/**
 * The one way a byte range crosses to the native side, for every kernel: {@code [off, off + len)} of
 * a heap {@code array} or of a {@code direct} buffer, exactly one of the two non-null (the native
 * side takes the same four values as its {@code Region}). Offsets the native side reports are
 * relative to the range's first byte; {@link #base} is that byte's index in the caller's own
 * coordinates (the array index, or the buffer index), so a caller-facing offset is {@code base + relative}.
 *
 * <p>A heap buffer is reached through its array and a direct buffer in place; a read-only heap
 * buffer hides its array, so {@link #of(ByteBuffer)} copies its remaining bytes ({@link #inPlace}
 * returns null instead, for callers that would rather stream it in pieces).
 */
public final class ByteRange {
    /** The heap array holding the range, or null for a direct buffer. */
    public final byte[] array;
    /** The direct buffer holding the range, or null for an array. */
    public final ByteBuffer direct;
    /** Index of the range's first byte in {@link #array} or {@link #direct}. */
    public final int off;
    /** Length of the range in bytes. */
    public final int len;
    /** Index of the range's first byte as the caller counts: its array index or buffer position. */
    public final int base;

    private ByteRange(byte[] array, ByteBuffer direct, int off, int len, int base) {
        this.array = array;
        this.direct = direct;
        this.off = off;
        this.len = len;
        this.base = base;
    }

    /**
     * {@code array[off, off + len)}.
     *
     * @throws NullPointerException if {@code array} is null
     * @throws IndexOutOfBoundsException if the range does not lie within the array
     */
    public static ByteRange of(byte[] array, int off, int len) {
        Checks.requireNonNull(array, "input");
        Checks.checkFromIndexSize(off, len, array.length);
        return new ByteRange(array, null, off, len, off);
    }

    /**
     * The remaining bytes of {@code b} (its position is not changed): in place, or a copy for a
     * read-only heap buffer.
     *
     * @throws NullPointerException if {@code b} is null
     */
    public static ByteRange of(ByteBuffer b) {
        ByteRange r = inPlace(b);
        if (r != null) return r;
        byte[] copy = new byte[b.remaining()];
        b.duplicate().get(copy);
        return new ByteRange(copy, null, 0, copy.length, b.position());
    }

    /**
     * The remaining bytes of {@code b} in place, or null when {@code b} is a read-only heap buffer
     * (whose array is hidden).
     *
     * @throws NullPointerException if {@code b} is null
     */
    public static ByteRange inPlace(ByteBuffer b) {
        Checks.requireNonNull(b, "input");
        int pos = b.position();
        if (b.isDirect()) return new ByteRange(null, b, pos, b.remaining(), pos);
        if (b.hasArray()) return new ByteRange(b.array(), null, b.arrayOffset() + pos, b.remaining(), pos);
        return null;
    }

    /**
     * The remaining space of {@code b}, to be written in place.
     *
     * @throws NullPointerException if {@code b} is null
     * @throws ReadOnlyBufferException if {@code b} is read-only
     */
    public static ByteRange writable(ByteBuffer b) {
        Checks.requireNonNull(b, "output");
        if (b.isReadOnly()) throw new ReadOnlyBufferException();
        return inPlace(b);
    }

    /** The byte at {@code i} (0 to {@link #len} - 1) of the range, read in Java. */
    public byte byteAt(int i) {
        return array != null ? array[off + i] : direct.get(off + i);
    }
}
