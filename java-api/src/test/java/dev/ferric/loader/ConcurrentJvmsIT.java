package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.blake3.Blake3;
import dev.ferric.internal.BuildInfo;
import dev.ferric.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Many JVMs extracting into one empty cache at the same moment. */
class ConcurrentJvmsIT {
    private static final int JVMS = 8;

    @Test
    void eightJvmsOnAnEmptyCacheAllLoadOneFileAndNoTempFiles() throws Exception {
        Path work = Jvm.workDir("concurrent-jvms");
        Path cache = work.resolve("cache"); // does not exist yet: they race to create it too
        Path go = work.resolve("go");
        List<Process> procs = new ArrayList<>();
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < JVMS; i++) {
            List<String> cmd = Jvm.javaCommand("-Dferric.cache.dir=" + cache, "-cp", Jvm.userClasspath(),
                    LoaderProbe.class.getName(), "--ready", work.resolve("ready-" + i).toString(), "--go", go.toString());
            commands.add(cmd);
            procs.add(Jvm.start(cmd, new HashMap<>()));
        }
        // Release them together once every JVM has started and is waiting.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (countReady(work) < JVMS && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(JVMS, countReady(work), "not all JVMs started");
        Files.createFile(go);

        String pin = BuildInfo.get().pinnedChecksum(System.getProperty("ferric.test.classifier"));
        String expectedHash = Blake3.hashHex("probe".getBytes(StandardCharsets.US_ASCII));
        List<Jvm.Result> results = new ArrayList<>();
        for (int i = 0; i < JVMS; i++) results.add(Jvm.finish(procs.get(i), commands.get(i), 300));
        for (Jvm.Result r : results) {
            assertEquals(0, r.exit, r::toString);
            assertEquals("true", r.value("loaded"), r::toString);
            assertEquals(expectedHash, r.value("hash"), r::toString);
            assertEquals(pin, r.value("sha256"), r::toString);
            assertEquals("", r.err, r::toString);
        }
        List<String> files;
        try (Stream<Path> s = Files.list(cache)) {
            files = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        String classifier = System.getProperty("ferric.test.classifier");
        String verifierPin = BuildInfo.get().pinnedVerifierChecksum(classifier);
        assertEquals(2, files.size(), "exactly the library and its verifier, no temp files: " + files);
        Path lib = cache.resolve(files.get(0));
        assertEquals(pin, Sha256.ofFile(lib));
        assertEquals(verifierPin, Sha256.ofFile(cache.resolve(files.get(1))));
        for (Jvm.Result r : results) {
            assertEquals(lib.toString(), r.value("from"), r::toString);
            assertTrue(r.value("hashing").startsWith("by the verifier " + cache.resolve(files.get(1))), r::toString);
        }
    }

    private static long countReady(Path work) throws java.io.IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().startsWith("ready-")).count();
        }
    }
}
