package dev.ferric.regex;

import dev.ferric.internal.ByteRange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One match in bytes: offsets are absolute indices into the array or buffer searched. Group contents
 * are copied out on request; the match keeps a reference to the input, so changing the input
 * afterwards changes what {@link #group(int)} returns (except for a read-only heap buffer, which is
 * searched, and read, in a copy). Made by {@link Regex#find(byte[])} (whole match
 * only) or {@link Regex#captures(byte[])} (every group).
 */
public final class ByteMatch {
    private final ByteRange input;
    private final int[] slots;
    private final int base;
    private final boolean captured;
    private final Groups groups;

    ByteMatch(ByteRange input, int[] slots, int base, boolean captured, Groups groups) {
        this.input = input;
        this.slots = slots;
        this.base = base;
        this.captured = captured;
        this.groups = groups;
    }

    /** Start of the match (a byte index). */
    public int start() {
        return slots[base];
    }

    /** End of the match (exclusive). */
    public int end() {
        return slots[base + 1];
    }

    /** Number of capture groups in the regex, not counting group 0. */
    public int groupCount() {
        return groups.count();
    }

    /** Whether this match carries its groups (it came from a {@code captures} method). */
    public boolean hasCaptures() {
        return captured;
    }

    /**
     * Start of group {@code g}, or -1 if it did not take part in the match.
     *
     * @throws IndexOutOfBoundsException if there is no such group
     * @throws IllegalStateException if {@code g > 0} and the groups were not captured
     */
    public int start(int g) {
        return slots[base + groups.slot(g, captured)];
    }

    /** End of group {@code g} (exclusive), or -1; see {@link #start(int)}. */
    public int end(int g) {
        return slots[base + groups.slot(g, captured) + 1];
    }

    /** A copy of the matched bytes. */
    public byte[] group() {
        return group(0);
    }

    /** A copy of the bytes of group {@code g}, or null if it did not take part; see {@link #start(int)}. */
    public byte[] group(int g) {
        int s = start(g);
        if (s < 0) return null;
        byte[] out = new byte[end(g) - s];
        int at = s - input.base + input.off; // the caller's index -> the index in the array or buffer
        if (input.array != null) {
            System.arraycopy(input.array, at, out, 0, out.length);
        } else {
            ByteBuffer d = input.direct.duplicate();
            d.limit(at + out.length).position(at);
            d.get(out);
        }
        return out;
    }

    /** Bytes of the group called {@code name}, or null; see {@link #group(int)}. */
    public byte[] group(String name) {
        return group(groups.index(name));
    }

    /** Group {@code g} decoded as UTF-8 (malformed bytes become U+FFFD), or null. */
    public String groupAsString(int g) {
        byte[] b = group(g);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** Start of the group called {@code name}, or -1. */
    public int start(String name) {
        return start(groups.index(name));
    }

    /** End of the group called {@code name}, or -1. */
    public int end(String name) {
        return end(groups.index(name));
    }

    @Override
    public String toString() {
        return "ByteMatch[" + start() + ", " + end() + ")";
    }
}
