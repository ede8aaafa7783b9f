package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JEP 472 on JDK 25: what users see with and without {@code --enable-native-access}, in deny mode,
 * on the module path, and for an executable jar whose manifest says {@code Enable-Native-Access}.
 */
class NativeAccessIT {
    private static String java25;
    private static Path cache;

    @BeforeAll
    static void jdk25() {
        java25 = Jvm.java25();
        cache = Jvm.workDir("native-access").resolve("cache");
    }

    private static Jvm.Result probe(String... options) throws Exception {
        List<String> cmd = Jvm.args(java25, "-Dferric.cache.dir=" + cache);
        Collections.addAll(cmd, options);
        cmd.add(LoaderProbe.class.getName());
        Jvm.Result r = Jvm.run(cmd);
        assertEquals(0, r.exit, r::toString);
        assertFalse(r.err.contains("A fatal error has been detected"), r::toString);
        return r;
    }

    @Test
    void withoutTheFlagTheJdkWarns() throws Exception {
        // What users who skip the README see; it also shows this test can see a warning when there is one.
        Jvm.Result r = probe("-cp", Jvm.userClasspath());
        assertEquals("true", r.value("loaded"), r::toString);
        assertTrue(r.err.contains("WARNING: A restricted method in java.lang.System has been called"), r::toString);
    }

    @Test
    void withEnableNativeAccessStderrIsClean() throws Exception {
        Jvm.Result r = probe("--enable-native-access=ALL-UNNAMED", "-cp", Jvm.userClasspath());
        assertEquals("true", r.value("loaded"), r::toString);
        assertEquals("", r.err, r::toString);
    }

    @Test
    void denyModeErrorNamesTheFlagToAdd() throws Exception {
        Jvm.Result r = probe("--illegal-native-access=deny", "-cp", Jvm.userClasspath());
        assertEquals("false", r.value("loaded"), r::toString);
        String failure = r.value("failure");
        assertTrue(failure.contains("start java with --enable-native-access=ALL-UNNAMED"), failure);
        assertTrue(failure.contains("Enable-Native-Access: ALL-UNNAMED"), failure);
        assertEquals("1", r.value("attempts"), "deny mode stops at the first load: " + failure);
    }

    @Test
    void onTheModulePathTheFlagNamesTheModule() throws Exception {
        String mp = Jvm.classpath(Jvm.apiJar());
        Jvm.Result denied = probe("--illegal-native-access=deny", "--module-path", mp, "--add-modules", "dev.ferric",
                "-cp", Jvm.classpath(Jvm.nativeJar(), Jvm.testClasses()));
        assertEquals("dev.ferric", denied.value("module"), denied::toString);
        assertEquals("false", denied.value("loaded"), denied::toString);
        assertTrue(denied.value("failure").contains("start java with --enable-native-access=dev.ferric"), denied::toString);

        Jvm.Result allowed = probe("--enable-native-access=dev.ferric", "--module-path", mp, "--add-modules", "dev.ferric",
                "-cp", Jvm.classpath(Jvm.nativeJar(), Jvm.testClasses()));
        assertEquals("true", allowed.value("loaded"), allowed::toString);
        assertEquals("", allowed.err, allowed::toString);
    }

    @Test
    void executableJarManifestGrantsAccessEvenInDenyMode() throws Exception {
        Path dir = Jvm.workDir("native-access-jar");
        Files.copy(Jvm.apiJar(), dir.resolve("ferric.jar"));
        Files.copy(Jvm.nativeJar(), dir.resolve("ferric-native.jar"));
        Path granted = app(dir.resolve("app.jar"), true);
        Path plain = app(dir.resolve("app-plain.jar"), false);

        Jvm.Result r = probe("--illegal-native-access=deny", "-jar", granted.toString());
        assertEquals("true", r.value("loaded"), r::toString);
        assertEquals("", r.err, r::toString);

        Jvm.Result without = probe("--illegal-native-access=deny", "-jar", plain.toString());
        assertEquals("false", without.value("loaded"), "the manifest attribute is what granted access: " + without);
    }

    /** An application jar as the CLI is packaged: Main-Class, Class-Path to ferric's jars, optionally the grant. */
    private static Path app(Path jar, boolean enableNativeAccess) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, LoaderProbe.class.getName());
        a.put(Attributes.Name.CLASS_PATH, "ferric.jar ferric-native.jar");
        if (enableNativeAccess) a.putValue("Enable-Native-Access", "ALL-UNNAMED");
        return Jars.withClasses(jar, m, LoaderProbe.class);
    }
}
