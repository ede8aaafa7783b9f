package dev.ferric.regex;

import dev.ferric.internal.ByteRange;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Finding matches in bytes (behind {@link Regex}'s {@code byte[]} and {@code ByteBuffer} find and
 * captures methods): the first match, and all matches fetched lazily in batches. The native side
 * counts from the start of the input's {@link ByteRange}; results are shifted by its
 * {@link ByteRange#base} into indices into the caller's array or buffer. The yes/no and counting
 * calls are {@link Regex#bytesOp}.
 */
final class ByteSearch {
    /** Matches fetched per native call when iterating. */
    private static final int BATCH = 256;

    private ByteSearch() {}

    /** Fills {@code out} with matches from {@code from} (relative to the range); returns the ints written, as the caller's indices. */
    private static int findInto(Regex re, ByteRange in, int from, int prevEnd, boolean captures, int[] out) {
        int n = re.bytesFind(in, from, prevEnd, captures ? RegexNative.FIND_CAPTURES : 0, out);
        if (in.base != 0) {
            for (int i = 0; i < n; i++) if (out[i] >= 0) out[i] += in.base;
        }
        return n;
    }

    static Optional<ByteMatch> first(Regex re, ByteRange in, boolean captures) {
        Groups groups = re.groups();
        boolean withGroups = captures && groups.count() > 0;
        int[] out = new int[withGroups ? 2 * (groups.count() + 1) : 2];
        if (findInto(re, in, 0, -1, withGroups, out) == 0) return Optional.empty();
        return Optional.of(new ByteMatch(in, out, 0, captures, groups));
    }

    /** All non-overlapping matches, found lazily {@link #BATCH} per native call. */
    static Stream<ByteMatch> all(Regex re, ByteRange in, boolean captures) {
        Iterator<ByteMatch> it = new Batches(re, in, captures);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Iterates over byte matches, fetching {@link #BATCH} per native call. */
    private static final class Batches implements Iterator<ByteMatch> {
        private final Regex re;
        private final ByteRange in;
        private final boolean captures;
        private final boolean withGroups;
        private final int per;
        private int[] batch;
        private int filled;
        private int next;
        private int from; // relative to the range
        private int prevEnd = -1;
        private boolean exhausted;

        Batches(Regex re, ByteRange in, boolean captures) {
            this.re = re;
            this.in = in;
            this.captures = captures;
            this.withGroups = captures && re.groups().count() > 0;
            this.per = withGroups ? 2 * (re.groups().count() + 1) : 2;
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
                // resume after the last match (relative to the range)
                int end = batch[filled - per + 1] - in.base;
                from = end;
                prevEnd = end;
            }
            return filled > 0;
        }

        @Override
        public ByteMatch next() {
            if (!hasNext()) throw new NoSuchElementException();
            ByteMatch m = new ByteMatch(in, batch, next, captures, re.groups());
            next += per;
            return m;
        }
    }
}
