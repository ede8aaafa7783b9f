package dev.ferric.loader;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts JVMs on the packaged jars (the paths come from the failsafe configuration) and collects what they print. */
final class Jvm {
    private Jvm() {}

    static Path apiJar() {
        return existing("ferric.test.api.jar");
    }

    static Path nativeJar() {
        return existing("ferric.test.native.jar");
    }

    static Path testClasses() {
        return existing("ferric.test.classes");
    }

    /** A fresh, empty directory under target/it-work for one test. */
    static Path workDir(String name) {
        Path p = Paths.get(System.getProperty("ferric.test.work", "target/it-work"), name).toAbsolutePath();
        try {
            if (Files.exists(p)) deleteTree(p);
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(String property) {
        String v = System.getProperty(property);
        assumeTrue(v != null && Files.exists(Paths.get(v)), property + " is not set to an existing file (run with failsafe)");
        return Paths.get(v).toAbsolutePath();
    }

    /** The java launcher of the JVM running the tests. */
    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The launcher of the JVM running the tests, as a user who follows the README starts it: with
     * {@code --enable-native-access=ALL-UNNAMED} where the JVM knows the option (17+), so JDK 22+
     * prints no restricted-method warning.
     */
    static List<String> javaCommand() {
        List<String> cmd = args(java());
        if (feature() >= 17) cmd.add("--enable-native-access=ALL-UNNAMED");
        return cmd;
    }

    /** The feature release of the JVM running the tests (8 for "1.8"). */
    static int feature() {
        String spec = System.getProperty("java.specification.version", "1.8");
        return Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec);
    }

    /** {@link #javaCommand()} followed by {@code rest}. */
    static List<String> javaCommand(String... rest) {
        List<String> cmd = javaCommand();
        cmd.addAll(Arrays.asList(rest));
        return cmd;
    }

    /** The JDK 25 launcher, or skips the test. */
    static String java25() {
        String home = System.getProperty("ferric.test.jdk25", "");
        Path java = Paths.get(home, "bin", "java");
        assumeTrue(!home.isEmpty() && Files.isExecutable(java), "no JDK 25 at '" + home + "'");
        return java.toString();
    }

    static String classpath(Path... entries) {
        StringBuilder sb = new StringBuilder();
        for (Path e : entries) sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(e);
        return sb.toString();
    }

    /** The usual class path: API jar, classifier jar, and the test classes (for the probe mains). */
    static String userClasspath() {
        return classpath(apiJar(), nativeJar(), testClasses());
    }

    /** What a finished JVM printed. */
    static final class Result {
        final int exit;
        final String out;
        final String err;
        final List<String> command;

        Result(int exit, String out, String err, List<String> command) {
            this.exit = exit;
            this.out = out;
            this.err = err;
            this.command = command;
        }

        /** The probe's {@code key=value} lines. */
        Map<String, String> values() {
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n"));
            }
            return m;
        }

        String value(String key) {
            return values().get(key);
        }

        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\nexit: " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static Process start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, new HashMap<>(), 300);
    }

    static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
        return finish(start(command, env), command, timeoutSeconds);
    }

    static Result finish(Process p, List<String> command, long timeoutSeconds) throws InterruptedException {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), out.join(), err.join(), command);
    }

    private static String drain(InputStream in) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) b.write(buf, 0, n);
            return new String(b.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static List<String> args(String... a) {
        return new ArrayList<>(Arrays.asList(a));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
