package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A leaked hasher and a leaked regex are reported with the lines that created them, and counted by kind. */
class LeakReportIT {
    private static final Pattern LEAK = Pattern.compile("LEAK: a (\\S+) \\((\\d+) native bytes\\)");

    @Test
    void paranoidReportsNameTheLinesThatLeaked() throws Exception {
        Jvm.Result r = probe("paranoid");
        Map<String, String> v = r.values();
        assertEquals("1", v.get("leaked.hasher"), r::toString);
        assertEquals("1", v.get("leaked.regex"), r::toString);
        assertTrue(r.err.contains("LEAK: a Blake3.Hasher"), r::toString);
        assertTrue(r.err.contains("LEAK: a Regex"), r::toString);
        assertTrue(r.err.contains("Created at dev.ferric.loader.LeakReportProbe.leakHasher(LeakReportProbe.java:"
                + v.get("hasherLine") + ")"), r::toString);
        assertTrue(r.err.contains("Created at dev.ferric.loader.LeakReportProbe.leakRegex(LeakReportProbe.java:"
                + v.get("regexLine") + ")"), r::toString);
        Matcher m = LEAK.matcher(r.err);
        int reports = 0;
        while (m.find()) {
            reports++;
            assertTrue(Long.parseLong(m.group(2)) > 0, "a leak report with no native bytes: " + m.group());
        }
        assertEquals(2, reports, r::toString);
        assertEquals(v.get("start.native"), v.get("end.native"), r::toString);
    }

    @Test
    void disabledCountsButDoesNotLog() throws Exception {
        Jvm.Result r = probe("disabled");
        assertEquals("1", r.values().get("leaked.hasher"), r::toString);
        assertEquals("1", r.values().get("leaked.regex"), r::toString);
        assertTrue(!r.err.contains("LEAK:"), r::toString);
    }

    @Test
    void simpleReportsEachKindEvenWhenItsPlaceWasNotSampled() throws Exception {
        Jvm.Result r = probe("simple");
        assertTrue(r.err.contains("LEAK: a Blake3.Hasher"), r::toString);
        assertTrue(r.err.contains("LEAK: a Regex"), r::toString);
    }

    private static Jvm.Result probe(String level) throws Exception {
        Path cache = Jvm.workDir("leak-report-" + level);
        Jvm.Result r = Jvm.run(Jvm.javaCommand("-Dferric.cache.dir=" + cache, "-Dferric.leakDetection=" + level,
                "-cp", Jvm.userClasspath(), LeakReportProbe.class.getName()), new HashMap<>(), 120);
        assertEquals(0, r.exit, r::toString);
        return r;
    }
}
