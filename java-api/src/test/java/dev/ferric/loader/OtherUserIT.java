package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The loader as a user who is not root: every other test JVM runs as whoever runs the build (root on
 * CI), which once hid that the loader took every user for root (it read the owner of the
 * {@code /proc/self} link instead of the process's directory). Runs the probe as uid 65534 with
 * {@code setpriv} when the tests run as root, from copies of the jars anyone can read.
 */
class OtherUserIT {
    private static final int NOBODY = 65534;

    @Test
    void aUserWhoIsNotRootLoadsFromACacheOfTheirOwn() throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Paths.get("/proc/self").toRealPath(), "unix:uid")),
                "needs root to run a JVM as another user");
        Path dir = Files.createTempDirectory("ferric-other-user");
        try {
            Files.setAttribute(dir, "unix:mode", 0755);
            Path api = Files.copy(Jvm.apiJar(), dir.resolve("api.jar"));
            Path nat = Files.copy(Jvm.nativeJar(), dir.resolve("native.jar"), StandardCopyOption.REPLACE_EXISTING);
            Path probe = Jars.withClasses(dir.resolve("probe.jar"), new Manifest(), LoaderProbe.class);
            for (Path p : new Path[] {api, nat, probe}) Files.setAttribute(p, "unix:mode", 0644);
            Path cache = Files.createDirectory(dir.resolve("cache"));
            Files.setAttribute(cache, "unix:uid", NOBODY);
            Files.setAttribute(cache, "unix:mode", 0700);
            List<String> asNobody = new ArrayList<>(Jvm.args("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
            List<String> version = new ArrayList<>(asNobody);
            version.addAll(Jvm.args(Jvm.java(), "-version"));
            assumeTrue(Jvm.run(version).exit == 0, "the JDK is not readable by another user here");
            List<String> cmd = new ArrayList<>(asNobody);
            cmd.addAll(Jvm.javaCommand("-Dferric.cache.dir=" + cache, "-Djava.io.tmpdir=" + dir, "-cp",
                    Jvm.classpath(api, nat, probe), LoaderProbe.class.getName()));
            Jvm.Result r = Jvm.run(cmd);
            assertEquals(0, r.exit, r::toString);
            assertEquals("true", r.value("loaded"), r::toString);
            Path loaded = Paths.get(r.value("from"));
            assertTrue(loaded.startsWith(cache), r::toString);
            assertEquals(NOBODY, Files.getAttribute(loaded, "unix:uid", LinkOption.NOFOLLOW_LINKS), "extracted as the user");
            assertTrue(r.value("hashing").startsWith("by the verifier " + cache), r::toString);
        } finally {
            Jvm.deleteTree(dir);
        }
    }
}
