package dev.ferric.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferric gzip} and {@code ferric lz4} against the {@code gzip} and {@code lz4} tools, both ways. */
class CompressInteropTest {
    @TempDir
    static Path dir;
    static byte[] data;

    static boolean has(String tool) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, tool))) return true;
        }
        return false;
    }

    @BeforeAll
    static void makeData() {
        Random r = new Random(11);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 3_000_000) sb.append("{\"ts\":").append(r.nextInt()).append(",\"msg\":\"request ").append(r.nextInt(1000)).append("\"}\n");
        byte[] text = sb.toString().getBytes();
        byte[] noise = new byte[500_000];
        r.nextBytes(noise);
        data = new byte[text.length + noise.length];
        System.arraycopy(text, 0, data, 0, text.length);
        System.arraycopy(noise, 0, data, text.length, noise.length);
    }

    static List<String> ferric(String... args) {
        return Subprocess.ferric(Arrays.asList(args));
    }

    static Subprocess.Result run(byte[] stdin, List<String> cmd) throws Exception {
        return Subprocess.run(stdin, cmd);
    }

    @Test
    void gzipPipesBothWaysAtEveryLevelWeTry() throws Exception {
        assumeTrue(has("gzip"), "gzip tool not installed");
        for (String level : new String[] {"-1", "-6", "-9"}) {
            Subprocess.Result ours = run(data, ferric("gzip", "-c", level));
            assertEquals(0, ours.code);
            Subprocess.Result back = run(ours.out, List.of("gzip", "-d", "-c"));
            assertEquals(0, back.code);
            assertArrayEquals(data, back.out, "ferric gzip " + level + " | gzip -d");
            Subprocess.Result theirs = run(data, List.of("gzip", "-c", level));
            Subprocess.Result mine = run(theirs.out, ferric("gzip", "-d", "-c", "-"));
            assertEquals(0, mine.code);
            assertArrayEquals(data, mine.out, "gzip " + level + " | ferric gzip -d");
        }
        byte[] empty = run(new byte[0], ferric("gzip", "-c")).out;
        assertEquals(0, run(empty, List.of("gzip", "-d", "-c")).out.length);
    }

    @Test
    void gzipFilesKeepForceAndTest() throws Exception {
        assumeTrue(has("gzip"), "gzip tool not installed");
        Path f = dir.resolve("log.json");
        Files.write(f, data);
        assertEquals(0, run(null, ferric("gzip", "-k", f.toString())).code);
        Path gz = dir.resolve("log.json.gz");
        assertTrue(Files.exists(f) && Files.exists(gz));
        assertEquals(0, run(null, List.of("gzip", "-t", gz.toString())).code);
        Subprocess.Result list = run(null, List.of("gzip", "-l", "-N", gz.toString()));
        assertTrue(new String(list.out).contains("log.json"), "original name stored");
        assertNotEquals(0, run(null, ferric("gzip", "-k", f.toString())).code, "refuses to overwrite without -f");
        assertEquals(0, run(null, ferric("gzip", "-k", "-f", f.toString())).code);
        Files.delete(f);
        assertEquals(0, run(null, ferric("gzip", "-d", gz.toString())).code);
        assertFalse(Files.exists(gz), "input removed as gzip does");
        assertArrayEquals(data, Files.readAllBytes(f));
        assertEquals(0, run(null, List.of("gzip", f.toString())).code);
        assertEquals(0, run(null, ferric("gzip", "-t", gz.toString())).code);
        byte[] bad = Files.readAllBytes(gz);
        bad[bad.length - 6] ^= 1;
        Path corrupt = dir.resolve("bad.gz");
        Files.write(corrupt, bad);
        assertEquals(1, run(null, ferric("gzip", "-t", corrupt.toString())).code);
        assertEquals(1, run(null, ferric("gzip", "-d", "-c", dir.resolve("missing.gz").toString())).code);
    }

    @Test
    void lz4PipesAndFilesBothWays() throws Exception {
        assumeTrue(has("lz4"), "lz4 tool not installed");
        Subprocess.Result ours = run(data, ferric("lz4", "-c"));
        assertEquals(0, ours.code);
        assertArrayEquals(data, run(ours.out, List.of("lz4", "-d", "-c")).out, "ferric lz4 | lz4 -d");
        for (List<String> theirsCmd : List.of(List.of("lz4", "-c"), List.of("lz4", "-c", "-B4", "-BD", "--content-size"), List.of("lz4", "-c", "-9"))) {
            Subprocess.Result theirs = run(data, theirsCmd);
            Subprocess.Result mine = run(theirs.out, ferric("lz4", "-d", "-c", "-"));
            assertEquals(0, mine.code, theirsCmd.toString());
            assertArrayEquals(data, mine.out, theirsCmd + " | ferric lz4 -d");
        }
        Path f = dir.resolve("blob.bin");
        Files.write(f, data);
        assertEquals(0, run(null, ferric("lz4", "-B5", f.toString())).code);
        Path lz = dir.resolve("blob.bin.lz4");
        assertTrue(Files.exists(f) && Files.exists(lz), "lz4 keeps its input by default");
        assertEquals(0, run(null, List.of("lz4", "-t", lz.toString())).code);
        Files.delete(f);
        assertEquals(0, run(null, ferric("lz4", "-d", lz.toString())).code);
        assertArrayEquals(data, Files.readAllBytes(f));
        byte[] cut = Arrays.copyOf(Files.readAllBytes(lz), 1000);
        Path truncated = dir.resolve("cut.lz4");
        Files.write(truncated, cut);
        assertEquals(1, run(null, ferric("lz4", "-t", truncated.toString())).code);
    }
}
