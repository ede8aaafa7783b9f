package dev.ferric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferric grep} against ripgrep on a real source tree (this repository's Java and Rust sources,
 * copied so that no ignore file applies): the same lines for every flag both support, and counts
 * equal to {@code rg -c}'s. ripgrep's output order across files is not fixed, so lines are compared sorted.
 */
class GrepInteropTest {
    @TempDir
    static Path dir;
    static Path tree;

    static boolean hasRg() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, "rg"))) return true;
        }
        return false;
    }

    @BeforeAll
    static void copyTree() throws IOException {
        tree = dir.resolve("tree");
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        for (String sub : new String[] {"java-api/src/main/java", "rust-core/src", "cli/src/main/java"}) {
            Path from = repo.resolve(sub);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    Path to = tree.resolve(sub).resolve(from.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.write(tree.resolve("odd.txt"), "no newline at end: fn x\n\nfoo\r\nFN Y\nnaïve fn".getBytes(StandardCharsets.UTF_8));
    }

    static List<String> run(List<String> cmd) throws Exception {
        Subprocess.Result r = Subprocess.run(null, cmd);
        List<String> lines = new ArrayList<>(Arrays.asList(new String(r.out, StandardCharsets.UTF_8).split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        lines.sort(null);
        return lines;
    }

    static List<String> ferric(List<String> args) {
        List<String> c = new ArrayList<>(List.of("grep"));
        c.addAll(args);
        return Subprocess.ferric(c);
    }

    static List<String> rg(List<String> args) {
        List<String> c = new ArrayList<>(Arrays.asList("rg", "--no-config", "--no-heading", "--no-ignore", "--hidden", "--color", "never"));
        c.addAll(args);
        return c;
    }

    static void same(String... args) throws Exception {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.add(tree.toString());
        List<String> want = run(rg(a));
        List<String> got = run(ferric(a));
        assertEquals(want, got, String.join(" ", args));
    }

    @Test
    void countsEqualRipgrep() throws Exception {
        assumeTrue(hasRg(), "ripgrep (rg) not installed");
        for (String p : new String[] {"Regex", "fn \\w+", "\\bpub\\b", "[A-Z][a-z]+Exception", "^\\s*//", "\\d+", "^$", "é|ï", "[[:upper:]]{3,}", "(?i)native", "\\s+$"}) {
            same("-c", p);
        }
        same("-c", "-i", "REGEX");
        same("-c", "-w", "self");
        same("-c", "-F", "(&");
        same("-c", "-v", "^\\s*$");
        List<String> counts = run(ferric(List.of("-c", "fn", tree.toString())));
        assertTrue(counts.size() > 5, "the tree has matches: " + counts);
    }

    @Test
    void linesEqualRipgrep() throws Exception {
        assumeTrue(hasRg(), "ripgrep (rg) not installed");
        same("unsafe");
        same("-n", "pub fn [a-z_]+");
        same("-o", "-n", "0x[0-9A-Fa-f]+");
        same("-o", "\\b[A-Z]{2,}\\b");
        same("-n", "-i", "-w", "fn");
        same("-v", "-n", ";");
    }

    @Test
    void singleFileHasNoNamePrefix() throws Exception {
        assumeTrue(hasRg(), "ripgrep (rg) not installed");
        String f = tree.resolve("odd.txt").toString();
        for (String[] args : new String[][] {{"-c", "fn"}, {"-n", "fn"}, {"-i", "fn"}, {"-o", "\\w+"}}) {
            List<String> a = new ArrayList<>(Arrays.asList(args));
            a.add(f);
            assertEquals(run(rg(a)), run(ferric(a)), String.join(" ", args));
        }
    }
}
