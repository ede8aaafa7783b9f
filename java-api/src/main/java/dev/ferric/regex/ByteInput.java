package dev.ferric.regex;

import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;

/**
 * A byte input of the regex byte API: an array range, or a direct buffer range; results shifted by
 * {@code shift} to be indices into what the caller gave ({@code off} and the native results are
 * indices into {@code array} or {@code direct}).
 */
final class ByteInput {
    final byte[] array;
    final ByteBuffer direct;
    final ByteBuffer source;
    final int off;
    final int len;
    final int shift;

    ByteInput(byte[] array, ByteBuffer direct, ByteBuffer source, int off, int len, int shift) {
        this.array = array;
        this.direct = direct;
        this.source = source;
        this.off = off;
        this.len = len;
        this.shift = shift;
    }

    static ByteInput of(byte[] a, int off, int len) {
        Checks.requireNonNull(a, "input");
        Checks.checkFromIndexSize(off, len, a.length);
        return new ByteInput(a, null, null, off, len, 0);
    }

    /** The remaining bytes of {@code b}: read in place when direct or array-backed, else copied. */
    static ByteInput of(ByteBuffer b) {
        Checks.requireNonNull(b, "input");
        int pos = b.position();
        int len = b.remaining();
        if (b.isDirect()) return new ByteInput(null, b, b, pos, len, 0);
        if (b.hasArray()) return new ByteInput(b.array(), null, b, b.arrayOffset() + pos, len, -b.arrayOffset());
        byte[] copy = new byte[len];
        b.duplicate().get(copy);
        return new ByteInput(copy, null, b, 0, len, pos);
    }

    ByteMatch match(int[] slots, int base, boolean captured, Groups groups) {
        return source == null ? new ByteMatch(array, null, slots, base, captured, groups) : new ByteMatch(null, source, slots, base, captured, groups);
    }
}
