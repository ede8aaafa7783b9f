package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hashing huge arrays on several threads while another thread allocates: ferric reads arrays in
 * bounded critical sections, so the garbage collector never waits on a whole array.
 *
 * <p>The JVM's own log says when a collection had to wait for threads in JNI critical sections
 * ({@code gc+jni}: "stalled by JNI critical section" ... "Performing GC after exiting critical
 * section", JDK 17-21's GCLocker) and how long each pause took ({@code gc}). A library that pinned
 * the whole array would hold a collection off for up to one whole-array hash (measured: 162 ms of a
 * 232 ms hash of 256 MiB); ferric's waits are bounded by one slice plus scheduling delay (measured:
 * up to 43 ms on a loaded 2-core machine). The bound, a third of one whole-array hash of 512 MiB
 * measured in the same process, sits between the two. JDK 22+ pins regions instead and never waits.
 */
class GcPauseIT {
    private static final Pattern TIME = Pattern.compile("^\\[(\\d+)ns\\]");
    private static final Pattern PAUSE = Pattern.compile("Pause .* (\\d+\\.\\d+)ms$");

    @Test
    void collectionsNeverWaitLongForHashingThreads() throws Exception {
        Path work = Jvm.workDir("gc-pauses");
        Path log = work.resolve("gc.log");
        Jvm.Result r = Jvm.run(Jvm.javaCommand("-Xmx2g", "-XX:+UseG1GC",
                "-Xlog:gc=info,gc+jni=debug:file=" + log + ":uptimenanos",
                "-Dferric.cache.dir=" + work.resolve("cache"), "-cp", Jvm.userClasspath(),
                GcProbe.class.getName(), "2", "512", "3"), new java.util.HashMap<>(), 600);
        assertEquals(0, r.exit, r::toString);
        assertEquals("true", r.value("consistent"), r::toString);

        List<Long> waits = new ArrayList<>();
        List<Double> pauses = new ArrayList<>();
        long stalledAt = -1;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher t = TIME.matcher(line);
            if (!t.find()) continue;
            long nanos = Long.parseLong(t.group(1));
            if (line.contains("stalled by JNI critical section") && stalledAt < 0) stalledAt = nanos;
            if (line.contains("Performing GC after exiting critical section") && stalledAt >= 0) {
                waits.add(nanos - stalledAt);
                stalledAt = -1;
            }
            Matcher p = PAUSE.matcher(line);
            if (p.find()) pauses.add(Double.parseDouble(p.group(1)));
        }
        long maxWaitMillis = waits.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
        double maxPause = pauses.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        long oneHash = Long.parseLong(r.value("oneHashMillis"));
        System.out.println("gc: " + pauses.size() + " pauses, max " + maxPause + " ms; " + waits.size()
                + " collections waited on critical sections, longest " + maxWaitMillis + " ms; one 512 MiB hash "
                + oneHash + " ms; longest allocation " + r.value("maxAllocationMillis") + " ms (" + System.getProperty("java.version") + ")");
        assertTrue(pauses.size() > 0, "the allocating thread should have caused collections");
        assertTrue(maxWaitMillis < Math.max(50, oneHash / 3),
                "a collection waited " + maxWaitMillis + " ms for critical sections; one whole-array hash takes " + oneHash + " ms");
    }
}
