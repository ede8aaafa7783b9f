package dev.ferric.regex;

import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Finding matches in a {@code CharSequence} (behind {@link Regex}'s text find and captures methods),
 * with offsets in UTF-16 units; also the cached one-off checks, and the per-thread ASCII buffer,
 * which {@link Regex#textOp} (the yes/no and count calls) uses as well. Native code transcodes the
 * text to UTF-8 and maps offsets back; short ASCII strings skip that (see {@link #ascii}).
 */
final class TextSearch {
    private TextSearch() {}

    static String text(CharSequence input) {
        return Checks.requireNonNull(input, "input").toString();
    }

    /**
     * Short ASCII strings, the common per-record input (a log line, a field), are copied into a
     * per-thread buffer here and searched as text through the byte entry points: no transcoding to
     * UTF-8 and no offset table in native code, and a byte index is the char index.
     */
    private static final int ASCII_MAX = 1024;
    private static final int[] NO_SLOTS = new int[0];

    private static final ThreadLocal<byte[]> ASCII_BUFFER = new ThreadLocal<byte[]>() {
        @Override
        protected byte[] initialValue() {
            return new byte[ASCII_MAX];
        }
    };

    /** {@code s} in the per-thread buffer if it is ASCII and short enough, else null. */
    static byte[] ascii(String s) {
        int n = s.length();
        if (n > ASCII_MAX) return null;
        byte[] b = ASCII_BUFFER.get();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return null;
            b[i] = (byte) c;
        }
        return b;
    }

    private static void checkFrom(String s, int from) {
        if (from < 0 || from > s.length()) throw new IndexOutOfBoundsException("from " + from + " out of bounds for length " + s.length());
    }

    /** {@link Regex#textOp} with the regex for {@code pattern} from {@link RegexCache}, for the static one-off checks. */
    static boolean cached(String pattern, int flags, CharSequence input, int op) {
        Checks.requireNonNull(pattern, "pattern");
        String s = text(input);
        RegexCache.Entry e = RegexCache.acquire(pattern, flags);
        try {
            return e.regex.textOp(op, s, 0) != 0;
        } finally {
            RegexCache.release(e);
        }
    }

    /**
     * Slots of up to {@code limit} matches (-1: all) at or after {@code from}: a short ASCII string
     * through the byte entry point in batches written into Java arrays, any other string in one
     * native call that transcodes it.
     */
    static int[] find(Regex re, String s, int from, int limit, boolean captures) {
        checkFrom(s, from);
        if (re.literal != null) return re.literalSlots(s, from, limit);
        if (!re.mayMatchFrom(s, from)) return NO_SLOTS;
        byte[] ascii = ascii(s);
        if (ascii == null) return re.textFind(s, from, limit, captures);
        int per = captures ? 2 * (re.groups().count() + 1) : 2;
        int flags = RegexNative.FIND_TEXT | (captures ? RegexNative.FIND_CAPTURES : 0);
        ByteRange in = ByteRange.of(ascii, 0, s.length());
        int want = limit < 0 ? Integer.MAX_VALUE : limit;
        int[] slots = new int[per * Math.min(want, 8)];
        int filled = 0;
        int prevEnd = -1;
        while (true) {
            int room = (int) Math.min(slots.length - filled, (long) per * (want - filled / per));
            int[] batch = filled == 0 && room == slots.length ? slots : new int[room];
            int n = re.bytesFind(in, from, prevEnd, flags, batch);
            if (batch != slots) System.arraycopy(batch, 0, slots, filled, n);
            filled += n;
            if (n < batch.length || filled / per == want) break;
            // the batch was full: resume after its last match, in a larger array
            from = prevEnd = slots[filled - per + 1];
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        return filled == slots.length ? slots : Arrays.copyOf(slots, filled);
    }

    static Optional<Match> first(Regex re, String s, int from, boolean captures) {
        Groups groups = re.groups();
        boolean withGroups = captures && groups.count() > 0;
        byte[] ascii = re.literal == null ? ascii(s) : null;
        int[] slots;
        if (ascii == null) {
            slots = find(re, s, from, 1, withGroups);
        } else {
            checkFrom(s, from);
            if (!re.mayMatchFrom(s, from)) return Optional.empty();
            int[] out = new int[withGroups ? 2 * (groups.count() + 1) : 2];
            int flags = RegexNative.FIND_TEXT | (withGroups ? RegexNative.FIND_CAPTURES : 0);
            slots = re.bytesFind(ByteRange.of(ascii, 0, s.length()), from, -1, flags, out) == 0 ? null : out;
        }
        if (slots == null || slots.length == 0) return Optional.empty();
        return Optional.of(new Match(s, slots, 0, captures, groups));
    }

    /** All matches, found in one native call when this is called. */
    static Stream<Match> all(Regex re, String s, boolean captures) {
        Groups groups = re.groups();
        boolean withGroups = captures && groups.count() > 0;
        int[] slots = find(re, s, 0, -1, withGroups);
        int per = withGroups ? 2 * (groups.count() + 1) : 2;
        return IntStream.range(0, slots.length / per).mapToObj(i -> new Match(s, slots, i * per, captures, groups));
    }

    static List<Match> allList(Regex re, String s, boolean captures) {
        List<Match> list = new ArrayList<>();
        all(re, s, captures).forEach(list::add);
        return list;
    }
}
