package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ferric on the module path (JPMS): the API jar is the automatic module {@code dev.ferric}. */
class ModulePathIT {
    /** The name the classifier jar needs in its manifest to be a module (a segment may not be the keyword "native"). */
    static final String NATIVE_MODULE = "dev.ferric.natives." + System.getProperty("ferric.test.classifier", "").replace('-', '_');

    private static Jvm.Result probe(String... options) throws Exception {
        assumeTrue(Jvm.feature() >= 9, "the module path needs Java 9+");
        List<String> cmd = Jvm.javaCommand("-Dferric.cache.dir=" + Jvm.workDir("module-path-" + options.length).resolve("cache"));
        Collections.addAll(cmd, options);
        cmd.add(LoaderProbe.class.getName());
        Jvm.Result r = Jvm.run(cmd);
        assertEquals(0, r.exit, r::toString);
        return r;
    }

    @Test
    void apiOnTheModulePathClassifierJarOnTheClassPath() throws Exception {
        Jvm.Result r = probe("--module-path", Jvm.classpath(Jvm.apiJar()), "--add-modules", "dev.ferric",
                "-cp", Jvm.classpath(Jvm.nativeJar(), Jvm.testClasses()));
        assertEquals("dev.ferric", r.value("module"), r::toString);
        assertEquals("true", r.value("loaded"), r::toString);
        assertEquals(r.value("pinned"), r.value("sha256"), r::toString);
    }

    @Test
    void bothJarsOnTheModulePath() throws Exception {
        Path nativeModule = Jars.withManifest(Jvm.nativeJar(), Jvm.workDir("module-path-jar").resolve("ferric-native.jar"),
                Collections.singletonMap("Automatic-Module-Name", NATIVE_MODULE));
        // Resolving one automatic module resolves them all: requiring dev.ferric is enough.
        Jvm.Result r = probe("--module-path", Jvm.classpath(Jvm.apiJar(), nativeModule), "--add-modules", "dev.ferric",
                "-cp", Jvm.testClasses().toString());
        assertEquals("dev.ferric", r.value("module"), r::toString);
        assertEquals("true", r.value("loaded"), r::toString);
        assertTrue(r.value("attempt.1").startsWith("[classpath]"), r::toString);
    }
}
