package dev.ferric.regex;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Finding matches in bytes (behind {@link Regex}'s {@code byte[]} and {@code ByteBuffer} find and
 * captures methods): the first match, and all matches fetched lazily in batches. Offsets in results
 * are indices into the caller's array or buffer ({@link ByteInput#shift}). The yes/no and counting
 * calls are {@link Regex#bytesOp}.
 */
final class ByteSearch {
    /** Matches fetched per native call when iterating. */
    private static final int BATCH = 256;

    private ByteSearch() {}

    /** Fills {@code out} with matches from {@code from} (input coordinates); returns the ints written, shifted to user offsets. */
    private static int findInto(Regex re, ByteInput in, int from, int prevEnd, boolean captures, int[] out) {
        int flags = captures ? RegexNative.FIND_CAPTURES : 0;
        int n = in.direct != null
                ? re.directFind(in.direct, in.off, in.len, from, prevEnd, flags, out)
                : re.bytesFind(in.array, in.off, in.len, from, prevEnd, flags, out);
        if (in.shift != 0) {
            for (int i = 0; i < n; i++) if (out[i] >= 0) out[i] += in.shift;
        }
        return n;
    }

    static Optional<ByteMatch> first(Regex re, ByteInput in, boolean captures) {
        Groups groups = re.groups();
        boolean withGroups = captures && groups.count() > 0;
        int[] out = new int[withGroups ? 2 * (groups.count() + 1) : 2];
        if (findInto(re, in, in.off, -1, withGroups, out) == 0) return Optional.empty();
        return Optional.of(in.match(out, 0, captures, groups));
    }

    /** All non-overlapping matches, found lazily {@link #BATCH} per native call. */
    static Stream<ByteMatch> all(Regex re, ByteInput in, boolean captures) {
        Iterator<ByteMatch> it = new Batches(re, in, captures);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Iterates over byte matches, fetching {@link #BATCH} per native call. */
    private static final class Batches implements Iterator<ByteMatch> {
        private final Regex re;
        private final ByteInput in;
        private final boolean captures;
        private final boolean withGroups;
        private final int per;
        private int[] batch;
        private int filled;
        private int next;
        private int from;
        private int prevEnd = -1;
        private boolean exhausted;

        Batches(Regex re, ByteInput in, boolean captures) {
            this.re = re;
            this.in = in;
            this.captures = captures;
            this.withGroups = captures && re.groups().count() > 0;
            this.per = withGroups ? 2 * (re.groups().count() + 1) : 2;
            this.from = in.off;
        }

        @Override
        public boolean hasNext() {
            if (next < filled) return true;
            if (exhausted) return false;
            batch = new int[per * BATCH];
            filled = findInto(re, in, from, prevEnd, withGroups, batch);
            next = 0;
            if (filled < batch.length) exhausted = true;
            if (filled > 0) {
                // resume after the last match (in input coordinates)
                int end = batch[filled - per + 1] - in.shift;
                from = end;
                prevEnd = end;
            }
            return filled > 0;
        }

        @Override
        public ByteMatch next() {
            if (!hasNext()) throw new NoSuchElementException();
            ByteMatch m = in.match(batch, next, captures, re.groups());
            next += per;
            return m;
        }
    }
}
