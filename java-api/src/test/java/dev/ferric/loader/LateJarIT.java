package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.blake3.Blake3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JVM that starts without the classifier jar and gets it later through the thread's context class
 * loader, as Spark executors get a jar from {@code SparkContext.addJar}: the failed search is not
 * final, the kept error says when it was made, and the next search (a second later) finds the jar.
 * Before that, the first call of every kernel throws the loader's explanation (each kernel's natives
 * are reached only through their class's {@code get()}, which loads or explains).
 */
class LateJarIT {
    @Test
    void aNativeJarAddedLaterIsPickedUpByTheNextSearch() throws Exception {
        Path cache = Jvm.workDir("late-jar").resolve("cache"); // empty: nothing to load without the jar
        List<String> cmd = Jvm.javaCommand("-Dferric.cache.dir=" + cache, "-cp", Jvm.classpath(Jvm.apiJar(), Jvm.testClasses()),
                LateJarProbe.class.getName(), Jvm.nativeJar().toString());
        Jvm.Result r = Jvm.run(cmd);
        assertEquals(0, r.exit, r::toString);
        assertEquals("false", r.value("first"), r::toString);
        String first = r.value("firstMessage");
        assertTrue(first.contains("not on the classpath (searched the application class loader)"), first);
        assertTrue(first.contains("Gradle: runtimeOnly(") && first.contains("--jars or spark.jars"), first);
        for (String kernel : new String[] {"blake3", "regex", "deflate", "lz4", "vectors", "index"}) {
            assertEquals("loader error", r.value("firstUse." + kernel), kernel + ": " + r);
        }
        String kept = r.value("kept");
        assertTrue(kept.contains("This is the result of the search at ") && kept.contains("a later call searches again"), kept);
        assertEquals(1, kept.split("To fix:", -1).length - 1, "the text once: " + kept);
        assertEquals("true", r.value("later"), r::toString);
        assertEquals(Blake3.hashHex("probe".getBytes(StandardCharsets.US_ASCII)), r.value("hash"), r::toString);
    }
}
