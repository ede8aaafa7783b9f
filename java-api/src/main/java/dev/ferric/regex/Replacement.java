package dev.ferric.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed replacement string in {@code java.util.regex} syntax: {@code $n} (digits taken greedily
 * while they name an existing group), {@code ${name}}, and {@code \} quoting the next character.
 */
final class Replacement {
    /** Literal strings and Integer group references, in order. */
    private final List<Object> parts = new ArrayList<>();
    private final boolean usesGroups;

    Replacement(String replacement, Groups groups) {
        StringBuilder lit = new StringBuilder();
        boolean refs = false;
        int i = 0;
        int n = replacement.length();
        while (i < n) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                if (++i == n) throw new IllegalArgumentException("character to be escaped is missing");
                lit.append(replacement.charAt(i++));
            } else if (c == '$') {
                if (++i == n) throw new IllegalArgumentException("Illegal group reference: group index is missing");
                int group;
                if (replacement.charAt(i) == '{') {
                    int close = replacement.indexOf('}', i);
                    if (close < 0) throw new IllegalArgumentException("named capturing group is missing trailing '}'");
                    String name = replacement.substring(i + 1, close);
                    if (name.isEmpty()) throw new IllegalArgumentException("named capturing group has 0 length name");
                    group = groups.index(name);
                    i = close + 1;
                } else {
                    int d = replacement.charAt(i) - '0';
                    if (d < 0 || d > 9) throw new IllegalArgumentException("Illegal group reference");
                    group = d;
                    i++;
                    while (i < n) {
                        int next = replacement.charAt(i) - '0';
                        if (next < 0 || next > 9) break;
                        int wider = group * 10 + next;
                        if (wider > groups.count()) break;
                        group = wider;
                        i++;
                    }
                    if (group > groups.count()) throw new IndexOutOfBoundsException("No group " + group);
                }
                if (lit.length() > 0) {
                    parts.add(lit.toString());
                    lit.setLength(0);
                }
                parts.add(group);
                refs |= group > 0;
            } else {
                lit.append(c);
                i++;
            }
        }
        if (lit.length() > 0) parts.add(lit.toString());
        usesGroups = refs;
    }

    /** Whether groups other than 0 are referenced (so matches must carry their groups). */
    boolean usesGroups() {
        return usesGroups;
    }

    void appendTo(StringBuilder sb, Match m) {
        for (Object p : parts) {
            if (p instanceof String) {
                sb.append((String) p);
            } else {
                int g = (Integer) p;
                int s = m.start(g);
                if (s >= 0) sb.append(m.group(g));
            }
        }
    }
}
