package dev.ferric.compress;

import java.nio.ByteBuffer;

/**
 * A {@link ByteBuffer}'s remaining bytes as the native side takes them: a direct buffer in place, a heap
 * buffer through its backing array, and a read-only heap buffer (whose array is hidden) as a copy.
 */
final class Bytes {
    final byte[] array;
    final ByteBuffer direct;
    final int off;
    final int len;

    private Bytes(byte[] array, ByteBuffer direct, int off, int len) {
        this.array = array;
        this.direct = direct;
        this.off = off;
        this.len = len;
    }

    static Bytes of(ByteBuffer b) {
        if (b.isDirect()) return new Bytes(null, b, b.position(), b.remaining());
        if (b.hasArray()) return new Bytes(b.array(), null, b.arrayOffset() + b.position(), b.remaining());
        byte[] copy = new byte[b.remaining()];
        b.duplicate().get(copy);
        return new Bytes(copy, null, 0, copy.length);
    }

    /** An output view of {@code b}'s remaining space; read-only buffers are refused. */
    static Bytes writable(ByteBuffer b) {
        if (b.isReadOnly()) throw new java.nio.ReadOnlyBufferException();
        return of(b);
    }
}
