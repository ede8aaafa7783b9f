package dev.ferric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferric b3sum} must print exactly what the b3sum tool prints, for every flag both support. */
class B3sumInteropTest {
    @TempDir
    static Path dir;
    static List<String> files = new ArrayList<>();

    static boolean hasB3sum() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, "b3sum"))) return true;
        }
        return false;
    }

    @BeforeAll
    static void makeFiles() throws IOException {
        Random r = new Random(5);
        int[] sizes = {0, 1, 63, 64, 65, 1023, 1024, 1025, 65535, 65536, 65537, 131071, 131072, 1 << 20, 40_000_017};
        for (int s : sizes) {
            byte[] b = new byte[s];
            r.nextBytes(b);
            Path f = dir.resolve("f" + s);
            Files.write(f, b);
            files.add(f.toString());
        }
        Path odd = dir.resolve("odd \\ name\nwith newline");
        Files.write(odd, new byte[] {1, 2, 3});
        files.add(odd.toString());
    }

    static List<String> ferric(List<String> args) {
        List<String> c = new ArrayList<>(List.of("b3sum"));
        c.addAll(args);
        return Subprocess.ferric(c);
    }

    static List<String> b3sum(List<String> args) {
        List<String> c = new ArrayList<>(List.of("b3sum"));
        c.addAll(args);
        return c;
    }

    void same(byte[] stdin, String... flagsThenFiles) throws Exception {
        List<String> args = Arrays.asList(flagsThenFiles);
        Subprocess.Result theirs = Subprocess.run(stdin, b3sum(args));
        Subprocess.Result ours = Subprocess.run(stdin, ferric(args));
        assertEquals(new String(theirs.out, StandardCharsets.UTF_8), new String(ours.out, StandardCharsets.UTF_8), String.join(" ", args));
        assertEquals(theirs.code, ours.code, "exit code of " + args);
    }

    private String[] withFiles(String... flags) {
        List<String> a = new ArrayList<>(Arrays.asList(flags));
        a.addAll(files);
        return a.toArray(new String[0]);
    }

    @Test
    void everyFlagCombinationMatchesTheReferenceTool() throws Exception {
        assumeTrue(hasB3sum(), "b3sum is not installed (apt-get install b3sum)");
        same(null, withFiles());
        same(null, withFiles("--no-names"));
        same(null, withFiles("--length", "131"));
        same(null, withFiles("-l", "0"));
        same(null, withFiles("--derive-key", "ferric 2026 interop context"));
        same(null, withFiles("--num-threads", "1"));
        same(null, withFiles("--num-threads", "2", "--no-names", "-l", "64"));
        same(null, withFiles("--no-mmap"));
        byte[] key = "whats the Elvish word for friend".getBytes(StandardCharsets.US_ASCII);
        same(key, withFiles("--keyed"));
        same(key, withFiles("--keyed", "--no-names", "--length", "48"));
        same(null, "--raw", files.get(3));
        same(null, "--raw", "-l", "1000", files.get(7));
        same("piped input".getBytes(), "-");
        same("piped input".getBytes());
        same(null, withFiles("missing-file"));
    }

    @Test
    void checkModeMatchesTheReferenceTool() throws Exception {
        assumeTrue(hasB3sum(), "b3sum is not installed (apt-get install b3sum)");
        Subprocess.Result sums = Subprocess.run(null, b3sum(files));
        Path good = dir.resolve("good.b3");
        Files.write(good, sums.out);
        same(null, "--check", good.toString());
        same(null, "--check", "--quiet", good.toString());
        String tampered = new String(sums.out, StandardCharsets.UTF_8).replaceFirst("^.", "0").replaceFirst("\n.", "\n1");
        Path bad = dir.resolve("bad.b3");
        Files.writeString(bad, tampered + "0000000000000000000000000000000000000000000000000000000000000000  missing\nnot a line\n");
        same(null, "-c", bad.toString());
        same(sums.out, "-c", "-");
    }
}
