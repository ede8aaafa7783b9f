package dev.ferric.regex;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compiled patterns behind {@link Regex#matches(String, CharSequence)} and
 * {@link Regex#isMatch(String, CharSequence)}: like Python's {@code re} module cache, the most recently
 * used patterns stay compiled, so a pattern seen before costs a map lookup, not a compile. At most
 * {@value #CAPACITY} are kept (least recently used out first); an evicted regex is closed once the
 * calls using it at that moment have returned, so its native memory comes back without waiting for
 * the garbage collector.
 */
final class RegexCache {
    static final int CAPACITY = 256;

    private RegexCache() {}

    /** One cached regex and the calls using it now. */
    static final class Entry {
        final Regex regex;
        private int users;
        private boolean evicted;

        Entry(Regex regex) {
            this.regex = regex;
        }
    }

    private static final class Key {
        final String pattern;
        final int flags;

        Key(String pattern, int flags) {
            this.pattern = pattern;
            this.flags = flags;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).flags == flags && ((Key) o).pattern.equals(pattern);
        }

        @Override
        public int hashCode() {
            return pattern.hashCode() * 31 + flags;
        }
    }

    /** Access-ordered: iteration starts at the least recently used entry. Guarded by itself. */
    private static final LinkedHashMap<Key, Entry> ENTRIES = new LinkedHashMap<>(64, 0.75f, true);

    /** The regex for {@code pattern} and {@code flags}, compiled if not cached; pair with {@link #release}. */
    static Entry acquire(String pattern, int flags) {
        Key key = new Key(pattern, flags);
        synchronized (ENTRIES) {
            Entry e = ENTRIES.get(key);
            if (e != null) {
                e.users++;
                return e;
            }
        }
        // compiled outside the lock: a long compile does not hold up calls with cached patterns
        Entry fresh = new Entry(Regex.compile(pattern, flags));
        Regex duplicate = null;
        synchronized (ENTRIES) {
            Entry e = ENTRIES.get(key);
            if (e == null) {
                e = fresh;
                ENTRIES.put(key, e);
                evictOverCapacity();
            } else {
                duplicate = fresh.regex; // another thread compiled it meanwhile
            }
            e.users++;
            if (duplicate == null) return e;
            fresh = e;
        }
        duplicate.close();
        return fresh;
    }

    /** Ends a call begun by {@link #acquire}; closes the regex if it was evicted meanwhile and this was its last call. */
    static void release(Entry e) {
        boolean close;
        synchronized (ENTRIES) {
            close = --e.users == 0 && e.evicted;
        }
        if (close) e.regex.close();
    }

    /** Number of cached patterns. */
    static int size() {
        synchronized (ENTRIES) {
            return ENTRIES.size();
        }
    }

    private static void evictOverCapacity() {
        Iterator<Map.Entry<Key, Entry>> it = ENTRIES.entrySet().iterator();
        while (ENTRIES.size() > CAPACITY && it.hasNext()) {
            Entry old = it.next().getValue();
            it.remove();
            old.evicted = true;
            if (old.users == 0) old.regex.close(); // close() only marks and frees: cheap under the lock
        }
    }
}
