package dev.ferric.regex;

/**
 * One match in a {@code CharSequence}: offsets are UTF-16 indices (as {@link String#substring(int, int)}
 * takes them). Immutable. Made by {@link Regex#find(CharSequence)} (whole match only) or
 * {@link Regex#captures(CharSequence)} (every group).
 */
public final class Match {
    private final String input;
    private final int[] slots;
    private final int base;
    private final boolean captured;
    private final Groups groups;

    Match(String input, int[] slots, int base, boolean captured, Groups groups) {
        this.input = input;
        this.slots = slots;
        this.base = base;
        this.captured = captured;
        this.groups = groups;
    }

    /** Start of the match. */
    public int start() {
        return slots[base];
    }

    /** End of the match (exclusive). */
    public int end() {
        return slots[base + 1];
    }

    /** The matched text. */
    public String group() {
        return input.substring(start(), end());
    }

    /** Number of capture groups in the regex, not counting group 0 (as {@code Matcher.groupCount()}). */
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

    /** Text of group {@code g}, or null if it did not take part; see {@link #start(int)}. */
    public String group(int g) {
        int s = start(g);
        return s < 0 ? null : input.substring(s, end(g));
    }

    /**
     * Text of the group called {@code name}, or null if it did not take part.
     *
     * @throws IllegalArgumentException if there is no such group
     */
    public String group(String name) {
        return group(groups.index(name));
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
        return "Match[" + start() + ", " + end() + "): \"" + group() + "\"";
    }
}
