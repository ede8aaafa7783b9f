package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cache directories on real noexec, read-only and full file systems: each is skipped for the next
 * candidate, and when none works the error lists every attempt. The mounts are made in a private
 * mount namespace of the JVM under test ({@code unshare --mount}), so they vanish with it; without
 * the privilege to mount, the tests are skipped.
 */
class UnusableCacheDirsIT {
    private static Path work;
    private static Path noexec;
    private static Path readOnly;
    private static Path full;
    private static Path good;

    @BeforeAll
    static void canMount() throws Exception {
        work = Jvm.workDir("unusable-dirs");
        noexec = Files.createDirectories(work.resolve("noexec"));
        readOnly = Files.createDirectories(work.resolve("ro"));
        full = Files.createDirectories(work.resolve("full"));
        good = Files.createDirectories(work.resolve("good"));
        Jvm.Result probe;
        try {
            probe = Jvm.run(Jvm.args("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "mount -t tmpfs -o size=1m tmpfs \"$1\"", "sh", noexec.toString()));
        } catch (IOException e) {
            probe = null;
        }
        assumeTrue(probe != null && probe.exit == 0, "cannot mount in a private namespace here: " + probe);
    }

    /**
     * Runs the probe with noexec, ro and full (64 KiB) tmpfs mounts in place; {@code libOnNoexec}
     * also puts a real copy of the library on the noexec mount.
     */
    private static Jvm.Result probe(String xdgCacheHome, String tmpDir, String javaLibraryPath, boolean libOnNoexec)
            throws Exception {
        return probe(xdgCacheHome, tmpDir, javaLibraryPath, libOnNoexec, null);
    }

    /** ... and, unless {@code cachedName} is null, a private cache directory on it holding the library under that name. */
    private static Jvm.Result probe(String xdgCacheHome, String tmpDir, String javaLibraryPath, boolean libOnNoexec,
                                    String cachedName) throws Exception {
        String script = "mount -t tmpfs -o noexec,size=8m tmpfs \"$NOEXEC\""
                + " && mount -t tmpfs -o ro tmpfs \"$RO\""
                + " && mount -t tmpfs -o size=64k tmpfs \"$FULL\""
                + (libOnNoexec ? " && mkdir \"$NOEXEC/lib\" && cp \"$LIB\" \"$NOEXEC/lib/\"" : "")
                + (cachedName != null ? " && mkdir -m 700 \"$NOEXEC/ferric\" && cp \"$LIB\" \"$NOEXEC/ferric/$CACHED\""
                        + " && chmod 500 \"$NOEXEC/ferric/$CACHED\"" : "")
                + " && exec \"$@\"";
        List<String> cmd = Jvm.args("unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh");
        cmd.addAll(Jvm.javaCommand("-Djava.io.tmpdir=" + tmpDir, "-Djava.library.path=" + javaLibraryPath,
                "-cp", Jvm.userClasspath(), LoaderProbe.class.getName()));
        Map<String, String> env = new HashMap<>();
        env.put("NOEXEC", noexec.toString());
        env.put("RO", readOnly.toString());
        env.put("FULL", full.toString());
        env.put("XDG_CACHE_HOME", xdgCacheHome);
        if (libOnNoexec || cachedName != null) env.put("LIB", extractedLibrary().toString());
        if (cachedName != null) env.put("CACHED", cachedName);
        Jvm.Result r = Jvm.run(cmd, env, 300);
        assertEquals(0, r.exit, r::toString);
        return r;
    }

    /** The real library, taken out of the classifier jar (as a user would find it on java.library.path). */
    private static Path extractedLibrary() throws IOException {
        Path out = work.resolve("libferric.so");
        if (Files.exists(out)) return out;
        try (ZipFile z = new ZipFile(Jvm.nativeJar().toFile())) {
            ZipEntry e = z.stream().filter(x -> x.getName().endsWith("/libferric.so")).findFirst()
                    .orElseThrow(() -> new AssertionError("no libferric.so in " + Jvm.nativeJar()));
            Files.copy(z.getInputStream(e), out);
        }
        return out;
    }

    @Test
    void noexecCacheIsSkippedForTheNextCandidate() throws Exception {
        Jvm.Result r = probe(noexec.toString(), good.toString(), "", false);
        assertEquals("true", r.value("loaded"), r::toString);
        assertTrue(r.value("from").startsWith(good.toString()), r::toString);
        String first = r.value("attempt.1");
        assertTrue(first.contains(noexec.toString()) && first.contains("mounted noexec"), first);
        assertEquals("", r.err, r::toString);
    }

    /**
     * A cache directory that already holds the library is not checked for noexec up front (a warm
     * start does not read the mount table): its load fails, the attempt says why in the same words,
     * and the next candidate serves.
     */
    @Test
    void aLibraryAlreadyCachedOnANoexecMountIsExplainedAndTheNextCandidateServes() throws Exception {
        String sha = sha256(extractedLibrary());
        Jvm.Result r = probe(noexec.toString(), good.toString(), "", false, "libferric-" + sha.substring(0, 32) + ".so");
        assertEquals("true", r.value("loaded"), r::toString);
        assertTrue(r.value("from").startsWith(good.toString()), r::toString);
        boolean explained = false;
        for (int i = 1; i <= Integer.parseInt(r.value("attempts")); i++) {
            String a = r.value("attempt." + i);
            explained |= a.contains(noexec.resolve("ferric").toString()) && a.contains("failed to map segment")
                    && a.contains("mounted noexec at " + noexec);
        }
        assertTrue(explained, r::toString);
    }

    private static String sha256(Path file) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        StringBuilder sb = new StringBuilder();
        for (byte b : d) sb.append(String.format("%02x", b));
        return sb.toString();
    }

    @Test
    void readOnlyCacheIsSkippedForTheNextCandidate() throws Exception {
        Jvm.Result r = probe(readOnly.toString(), good.toString(), "", false);
        assertEquals("true", r.value("loaded"), r::toString);
        assertTrue(r.value("from").startsWith(good.toString()), r::toString);
        assertTrue(r.value("attempt.1").contains("Read-only file system"), r::toString);
    }

    @Test
    void fullCacheIsSkippedForTheNextCandidate() throws Exception {
        Jvm.Result r = probe(full.toString(), good.toString(), "", false);
        assertEquals("true", r.value("loaded"), r::toString);
        assertTrue(r.value("from").startsWith(good.toString()), r::toString);
        assertTrue(r.value("attempt.1").contains("No space left on device"), r::toString);
        try (java.util.stream.Stream<Path> s = Files.list(good.resolve("ferric-" + System.getProperty("user.name")))) {
            assertEquals(1, s.count(), "the good directory holds just the library");
        }
    }

    @Test
    void whenNothingWorksTheErrorListsEveryAttempt() throws Exception {
        // full cache, read-only temp dir, and a real library on java.library.path that noexec stops mapping
        Jvm.Result r = probe(full.toString(), readOnly.toString(), noexec.resolve("lib").toString(), true);
        assertEquals("false", r.value("loaded"), r::toString);
        assertEquals("3", r.value("attempts"), r::toString);
        String failure = r.value("failure");
        assertTrue(r.value("attempt.1").contains(full.toString()) && r.value("attempt.1").contains("No space left on device"), failure);
        assertTrue(r.value("attempt.2").contains(readOnly.toString()) && r.value("attempt.2").contains("Read-only file system"), failure);
        String third = r.value("attempt.3");
        assertTrue(third.startsWith("[java.library.path]") && third.contains("failed to map segment"), failure);
        assertTrue(third.contains("mounted noexec at " + noexec), failure);
        for (int i = 1; i <= 3; i++) assertTrue(failure.contains("\n  " + i + ". " + r.value("attempt." + i)), failure);
    }
}
