package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.blake3.Blake3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A million hashers dropped without close(): the leak net frees them and native memory stays bounded. */
class LeakNetIT {
    private static final long MB = 1 << 20;

    @Test
    void aMillionUnclosedHashersComeBackToTheStartingLevel() throws Exception {
        Path cache = Jvm.workDir("leak-net");
        // with leak detection at simple (the default, named here): sampling must not hold the memory back
        Jvm.Result r = Jvm.run(Jvm.javaCommand("-Xmx1g", "-Dferric.cache.dir=" + cache, "-Dferric.leakDetection=simple",
                "-cp", Jvm.userClasspath(),
                LeakProbe.class.getName(), "1000000"), new java.util.HashMap<>(), 600);
        assertEquals(0, r.exit, r::toString);
        Map<String, String> v = r.values();
        System.out.println("leak net: " + v);
        assertEquals(v.get("start.live"), v.get("end.live"), r::toString);
        assertEquals(v.get("start.native"), v.get("end.native"), r::toString);
        assertTrue(Long.parseLong(v.get("freedByLeakNet")) >= 1_000_000, r::toString);
        // A hasher holds ~1.9 KB natively: a million alive at once would be ~1.9 GB.
        long peakNative = Long.parseLong(v.get("peak.native"));
        assertTrue(peakNative < 256 * MB, "native heap peaked at " + peakNative / MB + " MB");
        long rssGrowth = Long.parseLong(v.get("peak.rss")) - Long.parseLong(v.get("start.rss"));
        if (Long.parseLong(v.get("start.rss")) > 0) {
            assertTrue(rssGrowth < 512 * MB, "RSS grew by " + rssGrowth / MB + " MB");
        }
        assertEquals(Blake3.hashHex("probe".getBytes(StandardCharsets.US_ASCII)), v.get("hash"));
    }
}
