package dev.ferric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.blake3.Blake3;
import dev.ferric.internal.NativeInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FerricTest {
    @Test
    void loadsFromTheClassifierJarAndReportsMatchingVersions() {
        assertTrue(Ferric.isAvailable(), () -> String.valueOf(Ferric.unavailabilityCause()));
        assertNull(Ferric.unavailabilityCause());
        assertEquals(Ferric.version(), Ferric.nativeVersion());
        assertEquals("linux-x86_64".equals(Ferric.platform()) ? "linux-x86_64" : Ferric.platform(), Ferric.loadReport().platform().classifier());
        assertNotNull(Ferric.loadReport().loadedChecksum());
        assertEquals(64, Ferric.loadReport().loadedChecksum().length());
        assertTrue(Ferric.loadReport().loadedFrom().contains(Ferric.loadReport().loadedChecksum().substring(0, 32)),
                "the cached file is named by its content hash: " + Ferric.loadReport().loadedFrom());
    }

    /** Lets the leak net finish with objects earlier tests dropped, so counts are stable. */
    static void settle() throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 50 && Ferric.nativeStats().liveHandles() != last; i++) {
            last = Ferric.nativeStats().liveHandles();
            System.gc();
            Thread.sleep(50);
        }
    }

    @Test
    void nativeStatsCountHashersAndTheirMemoryUntilClosed() throws InterruptedException {
        settle();
        NativeStats before = Ferric.nativeStats();
        List<Blake3.Hasher> hashers = new ArrayList<>();
        for (int i = 0; i < 100; i++) hashers.add(Blake3.newHasher().update(new byte[10]));
        NativeStats during = Ferric.nativeStats();
        assertEquals(before.liveHandles() + 100, during.liveHandles());
        assertEquals(before.liveByKind().getOrDefault("Blake3.Hasher", 0L) + 100, (long) during.liveByKind().get("Blake3.Hasher"));
        assertTrue(during.nativeBytes() >= before.nativeBytes() + 100 * 1000,
                "each hasher holds ~2 KiB of native memory: " + before + " -> " + during);
        for (Blake3.Hasher h : hashers) h.close();
        for (Blake3.Hasher h : hashers) h.close(); // idempotent
        NativeStats after = Ferric.nativeStats();
        assertEquals(before.liveHandles(), after.liveHandles());
        assertTrue(after.nativeBytes() <= during.nativeBytes() - 100 * 1000, "memory returned: " + during + " -> " + after);
    }

    @Test
    void reportsCpuFeatures() {
        String arch = System.getProperty("os.arch");
        if (arch.equals("amd64") || arch.equals("x86_64")) assertTrue(NativeInfo.cpuFeatures().contains("sse4.1"));
        assertEquals(dev.ferric.internal.BuildInfo.ABI_VERSION, NativeInfo.nativeAbiVersion());
    }
}
