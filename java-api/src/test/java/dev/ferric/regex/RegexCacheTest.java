package dev.ferric.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The static one-shot methods and the bounded cache of compiled patterns behind them. */
class RegexCacheTest {
    @Test
    void staticMatchesAndIsMatchAnswerAsJavaUtilRegex() {
        String[][] cases = {{"\\d{4}-\\d{2}-\\d{2}", "2026-12-06"}, {"\\d{4}-\\d{2}-\\d{2}", "on 2026-12-06"}, {"[a-z]+@[a-z.]+", "x@y.org"},
            {"a|b", ""}, {"(?i)hello", "HeLLo world"}, {"é+", "ééé"}, {"", ""}, {"x*", "xxy"}};
        for (String[] c : cases) {
            assertEquals(Pattern.matches(c[0], c[1]), Regex.matches(c[0], c[1]), c[0] + " on " + c[1]);
            assertEquals(Pattern.compile(c[0]).matcher(c[1]).find(), Regex.isMatch(c[0], c[1]), c[0] + " on " + c[1]);
        }
    }

    @Test
    void badArgumentsAreRefusedAsByCompile() {
        assertThrows(NullPointerException.class, () -> Regex.matches(null, "a"));
        assertThrows(NullPointerException.class, () -> Regex.isMatch("a", null));
        assertThrows(RegexSyntaxException.class, () -> Regex.matches("(unclosed", "a"));
        assertThrows(RegexSyntaxException.class, () -> Regex.isMatch("(?<=a)b", "ab"));
    }

    @Test
    void theCacheIsBoundedAndEvictedPatternsAreFreed() {
        int extra = 100;
        for (int i = 0; i < RegexCache.CAPACITY + extra; i++) assertTrue(Regex.matches("p" + i + "x*", "p" + i));
        assertEquals(RegexCache.CAPACITY, RegexCache.size());
        long live = Ferric.nativeStats().liveByKind().getOrDefault("Regex", 0L);
        assertTrue(live <= RegexCache.CAPACITY + 16, "live Regex handles: " + live); // others' tests may hold a few
    }

    @Test
    void aRegexEvictedWhileInUseIsClosedOnlyWhenItsLastCallEnds() {
        RegexCache.Entry held = RegexCache.acquire("held-[0-9]+", 0);
        for (int i = 0; i < RegexCache.CAPACITY + 1; i++) Regex.isMatch("evict" + i, "evict" + i); // pushes it out
        assertFalse(held.regex.isClosed(), "closed while a call was using it");
        assertTrue(held.regex.isMatch("held-42"));
        RegexCache.release(held);
        assertTrue(held.regex.isClosed(), "an evicted regex is closed by its last call");
    }

    @Test
    void evictionWhileOtherThreadsUseTheSamePatternsNeverClosesOneInUse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final int seed = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 3000; i++) {
                        int p = (i * 7 + seed * 13) % (RegexCache.CAPACITY * 2); // twice the capacity: constant eviction
                        String input = "k" + p + "=" + i;
                        if (!Regex.isMatch("k" + p + "=\\d+", input)) throw new AssertionError(input);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(); // an IllegalStateException from a closed regex would surface here
        } finally {
            pool.shutdownNow();
        }
    }
}
