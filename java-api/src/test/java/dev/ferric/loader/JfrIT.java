package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ferric's JFR events from the packaged multi-release jar (the events are Java 11+ classes in
 * META-INF/versions/11): a recording holds per-kernel native memory events and the leak event, with
 * the creating line in paranoid mode.
 */
class JfrIT {
    @Test
    void aRecordingHoldsNativeMemoryByKernelAndTheLeak() throws Exception {
        assumeTrue(ModuleLayer.boot().findModule("jdk.jfr").isPresent(), "this JVM has no jdk.jfr module");
        Path dir = Jvm.workDir("jfr");
        Path recording = dir.resolve("ferric.jfr");
        Jvm.Result r = Jvm.run(Jvm.javaCommand("-Dferric.cache.dir=" + dir, "-Dferric.leakDetection=paranoid",
                "-cp", Jvm.userClasspath(), JfrProbe.class.getName(), recording.toString()), new HashMap<>(), 120);
        assertEquals(0, r.exit, r::toString);
        Map<String, String> v = r.values();
        assertTrue(Integer.parseInt(v.get("memory.events")) >= 5, r::toString);
        for (String kernel : new String[] {"core", "blake3", "regex", "compression", "vectors"}) {
            assertNotNull(v.get("memory." + kernel + ".bytes"), kernel + " in " + r);
        }
        // the regex stays open for the whole recording
        assertTrue(Long.parseLong(v.get("memory.regex.bytes")) > 0, r::toString);
        assertEquals("1", v.get("memory.regex.handles"), r::toString);
        assertEquals("Blake3.Hasher", v.get("leak.kind"), r::toString);
        assertTrue(Long.parseLong(v.get("leak.bytes")) > 0, r::toString);
        assertEquals("dev.ferric.loader.JfrProbe.leakHasher(JfrProbe.java:" + v.get("hasherLine") + ")",
                v.get("leak.createdAt"), r::toString);
        assertTrue(Integer.parseInt(v.get("leak.stackLines")) >= 3, r::toString);
        // ferric's bookkeeping frames are left out: the stack starts at the API call
        assertTrue(v.get("leak.stackTop").startsWith("dev.ferric.blake3.Blake3$Hasher.<init>"), r::toString);
    }
}
