package dev.ferric.regex;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The capture groups of a compiled regex: their count and names; shared by its matches. */
final class Groups {
    /** Names by group index; null for unnamed groups and group 0. */
    final String[] names;
    private final Map<String, Integer> byName;

    Groups(String[] names) {
        this.names = names;
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) m.put(names[i], i);
        }
        byName = Collections.unmodifiableMap(m);
    }

    /** Number of groups, not counting group 0. */
    int count() {
        return names.length - 1;
    }

    /** Index of the group called {@code name}. */
    int index(String name) {
        if (name == null) throw new NullPointerException("name is null");
        Integer i = byName.get(name);
        if (i == null) throw new IllegalArgumentException("No group with name <" + name + ">");
        return i;
    }

    Map<String, Integer> byName() {
        return byName;
    }

    /** Checks {@code group} and returns the index of its start slot in a match of {@code slotsPerMatch}. */
    int slot(int group, boolean captured) {
        if (group < 0 || group > count()) throw new IndexOutOfBoundsException("No group " + group);
        if (group > 0 && !captured) {
            throw new IllegalStateException("groups were not captured for this match: use captures()/capturesAll() instead of find()/findAll()");
        }
        return 2 * group;
    }
}
