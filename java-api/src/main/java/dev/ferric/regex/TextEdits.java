package dev.ferric.regex;

import dev.ferric.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Replacing and splitting text (behind {@link Regex}'s replace and split methods): new strings built around the matches. */
final class TextEdits {
    private TextEdits() {}

    /** {@code s} with up to {@code limit} matches (-1: all) replaced by {@code replacement} in {@code java.util.regex} syntax. */
    static String replace(Regex re, String s, String replacement, int limit) {
        Checks.requireNonNull(replacement, "replacement");
        Groups groups = re.groups();
        // Like Matcher.replaceAll, a malformed replacement is an error only once there is a match to replace.
        Replacement r = null;
        RuntimeException malformed = null;
        try {
            r = new Replacement(replacement, groups);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            malformed = e;
        }
        boolean caps = r != null && r.usesGroups();
        int[] slots = TextSearch.find(re, s, 0, limit, caps && groups.count() > 0);
        int per = caps && groups.count() > 0 ? 2 * (groups.count() + 1) : 2;
        if (slots.length == 0) return s;
        if (malformed != null) throw malformed;
        StringBuilder sb = new StringBuilder(s.length() + 16);
        int last = 0;
        for (int base = 0; base < slots.length; base += per) {
            Match m = new Match(s, slots, base, caps, groups);
            sb.append(s, last, m.start());
            r.appendTo(sb, m);
            last = m.end();
        }
        return sb.append(s, last, s.length()).toString();
    }

    /** {@code s} with every match replaced by what {@code replacer} returns for it, used literally. */
    static String replaceAll(Regex re, String s, Function<Match, String> replacer) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        int last = 0;
        for (Match m : TextSearch.allList(re, s, true)) {
            sb.append(s, last, m.start()).append(replacer.apply(m));
            last = m.end();
        }
        return sb.append(s, last, s.length()).toString();
    }

    /** {@code s} split around matches with {@link java.util.regex.Pattern#split(CharSequence, int)}'s rules. */
    static String[] split(Regex re, String s, int limit) {
        int[] slots = TextSearch.find(re, s, 0, limit > 0 ? limit : -1, false);
        List<String> parts = new ArrayList<>();
        int index = 0;
        boolean limited = limit > 0;
        for (int k = 0; k < slots.length; k += 2) {
            int start = slots[k];
            int end = slots[k + 1];
            if (!limited || parts.size() < limit - 1) {
                if (index == 0 && start == 0 && start == end) continue;
                parts.add(s.substring(index, start));
                index = end;
            } else {
                break;
            }
        }
        if (index == 0) return new String[] {s};
        parts.add(s.substring(index));
        int size = parts.size();
        if (limit == 0) {
            while (size > 0 && parts.get(size - 1).isEmpty()) size--;
        }
        return parts.subList(0, size).toArray(new String[0]);
    }
}
