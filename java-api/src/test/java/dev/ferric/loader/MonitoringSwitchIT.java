package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/**
 * The MBean is registered when the library loads from the class path, and not with
 * {@code -Dferric.jmx=false}; from a child class loader (a redeployable application) only with
 * {@code -Dferric.jmx=true} ({@code SiblingClassLoadersIT} checks that such a loader can be collected).
 */
class MonitoringSwitchIT {
    @Test
    void fromTheClassPathTheMBeanIsRegisteredUnlessTurnedOff() throws Exception {
        assertEquals("true", probe(false).value("mbean"));
        assertEquals("false", probe(false, "-Dferric.jmx=false").value("mbean"));
    }

    @Test
    void fromAnApplicationsClassLoaderOnlyWhenAskedFor() throws Exception {
        assertEquals("false", probe(true).value("mbean"));
        assertEquals("true", probe(true, "-Dferric.jmx=true").value("mbean"));
    }

    private static Jvm.Result probe(boolean ownLoader, String... options) throws Exception {
        Path cache = Jvm.workDir("monitoring-switch");
        java.util.List<String> cmd = Jvm.javaCommand("-Dferric.cache.dir=" + cache);
        cmd.addAll(java.util.Arrays.asList(options));
        cmd.addAll(java.util.Arrays.asList("-cp", Jvm.userClasspath(), MonitoringProbe.class.getName()));
        if (ownLoader) {
            cmd.add(Jvm.apiJar().toString());
            cmd.add(Jvm.nativeJar().toString());
        }
        Jvm.Result r = Jvm.run(cmd, new HashMap<>(), 60);
        assertEquals(0, r.exit, r::toString);
        assertEquals("true", r.value("loaded"), r::toString);
        return r;
    }
}
