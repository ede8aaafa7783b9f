package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StartupPrefetchTest {
    private static final String ROOT = "dev.ferric.";

    /** A renamed or removed class would silently drop out of the prefetch: each name must be a class. */
    @Test
    void everyNamedClassExists() throws ClassNotFoundException {
        Set<String> seen = new HashSet<>();
        for (String name : StartupPrefetch.CLASSES) {
            Class<?> c = Class.forName(ROOT + name, false, StartupPrefetch.class.getClassLoader());
            assertEquals(ROOT + name, c.getName());
            assertEquals(true, seen.add(name), "listed twice: " + name);
        }
    }

    /** Every class the library registers natives with is loaded at every start: each is prefetched. */
    @Test
    void everyClassWithRegisteredNativesIsPrefetched() {
        NativeLoader.ensureLoaded();
        Set<String> prefetched = new HashSet<>(java.util.Arrays.asList(StartupPrefetch.CLASSES));
        for (String method : CoreNative.natives()) { // "blake3.Blake3Native.hash ([BII[BII)V"
            String owner = method.substring(0, method.lastIndexOf('.', method.indexOf(' ')));
            assertEquals(true, prefetched.contains(owner), owner + " (registers " + method + ")");
        }
    }

    @Test
    void runsToTheEndAndStopsAtAnUnknownRoot() {
        new StartupPrefetch(StartupPrefetch.class.getClassLoader(), ROOT).run();
        new StartupPrefetch(StartupPrefetch.class.getClassLoader(), "no.such.package.").run(); // returns, throws nothing
    }
}
