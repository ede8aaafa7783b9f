package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import dev.ferric.NativeMXBean;
import dev.ferric.NativeStats;
import dev.ferric.blake3.Blake3;
import dev.ferric.regex.Regex;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/** {@code dev.ferric:type=Native} read over a real (RMI) JMX connection agrees with {@code Ferric.nativeStats()}. */
class NativeMBeanTest {
    @Test
    void theMBeanOverJmxShowsWhatNativeStatsShows() throws Exception {
        assertTrue(Ferric.isAvailable(), "the library loads (and registers the MBean)");
        assertTrue(MonitoringRegistration.await(30_000), "the MBean is registered on a thread of its own");
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1"), null, ManagementFactory.getPlatformMBeanServer());
        server.start();
        try (Blake3.Hasher a = Blake3.newHasher(); Blake3.Hasher b = Blake3.newHasher();
             Regex r = Regex.compile("[0-9]+");
             JMXConnector client = JMXConnectorFactory.connect(server.getAddress())) {
            r.isMatch("42");
            MBeanServerConnection c = client.getMBeanServerConnection();
            ObjectName name = new ObjectName(NativeMXBean.OBJECT_NAME);
            assertTrue(c.isRegistered(name), NativeMXBean.OBJECT_NAME + " is registered");

            // generic client (what JConsole and exporters do): attributes by name, maps as tabular data
            NativeStats before;
            Map<String, Object> seen = new HashMap<>();
            NativeStats after;
            int tries = 0;
            do { // the leak net of earlier tests may free something meanwhile: retry until nothing moved
                before = Ferric.nativeStats();
                for (String a1 : new String[] {"NativeBytes", "PeakNativeBytes", "NativeBytesByKernel", "LiveHandles",
                        "LiveHandlesByKind", "FreedByLeakNet", "LeakedByKind", "LeakDetection", "LoadReport"}) {
                    seen.put(a1, c.getAttribute(name, a1));
                }
                after = Ferric.nativeStats();
            } while (!sameCounts(before, after) && ++tries < 20);
            assertTrue(sameCounts(before, after), "native figures kept moving: " + before + " / " + after);
            assertEquals(after.nativeBytes(), seen.get("NativeBytes"));
            assertEquals(after.liveHandles(), seen.get("LiveHandles"));
            assertEquals(after.freedByLeakNet(), seen.get("FreedByLeakNet"));
            assertEquals(after.nativeBytesByKernel(), map((TabularData) seen.get("NativeBytesByKernel")));
            assertEquals(after.liveByKind(), map((TabularData) seen.get("LiveHandlesByKind")));
            assertEquals(after.leakedByKind(), map((TabularData) seen.get("LeakedByKind")));
            assertTrue((Long) seen.get("PeakNativeBytes") >= after.nativeBytes());
            assertTrue(after.liveByKind().get("Blake3.Hasher") >= 2, after::toString);
            assertTrue(after.nativeBytesByKernel().get("blake3") > 0, after::toString);
            assertTrue(after.nativeBytesByKernel().get("regex") > 0, after::toString);
            assertEquals(LeakDetector.level().name().toLowerCase(java.util.Locale.ROOT), seen.get("LeakDetection"));
            assertTrue(((String) seen.get("LoadReport")).startsWith("loaded ferric "), (String) seen.get("LoadReport"));

            // typed proxy
            NativeMXBean proxy = JMX.newMXBeanProxy(c, name, NativeMXBean.class);
            assertEquals(Ferric.version(), proxy.getVersion());
            assertEquals(Ferric.platform(), proxy.getPlatform());
            assertEquals(Ferric.nativeStats().peakNativeBytesByKernel().keySet(), proxy.getPeakNativeBytesByKernel().keySet());
        } finally {
            server.stop();
        }
    }

    private static boolean sameCounts(NativeStats a, NativeStats b) {
        return a.nativeBytes() == b.nativeBytes() && a.liveHandles() == b.liveHandles()
                && a.freedByLeakNet() == b.freedByLeakNet() && a.nativeBytesByKernel().equals(b.nativeBytesByKernel())
                && a.liveByKind().equals(b.liveByKind());
    }

    private static Map<String, Long> map(TabularData t) {
        Map<String, Long> m = new HashMap<>();
        for (Object row : t.values()) {
            CompositeData d = (CompositeData) row;
            m.put((String) d.get("key"), (Long) d.get("value"));
        }
        return m;
    }
}
