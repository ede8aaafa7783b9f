package dev.ferric.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.compress.Deflate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ferric bench} runs every row and prints the table; no timing is asserted, only its shape. */
class BenchCommandTest {
    private static String bench(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "bench";
            System.arraycopy(args, 0, all, 1, args.length);
            assertEquals(0, FerricCli.run(all));
        } finally {
            System.setOut(saved);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void printsHashAndCompressionRows() {
        String out = bench("--millis", "1", "--sizes", "64", "--compress-size", "100000", "--regex-size", "0", "--vectors", "0");
        assertTrue(Pattern.compile("(?m)^64 B +\\d+ +\\d+ \\(\\d+\\.\\dx\\)").matcher(out).find(), out);
        assertTrue(out.contains("compression: 100000 B of mixed data"), out);
        for (String row : new String[] {"gzip -6 compress", "gzip decompress"}) {
            assertTrue(Pattern.compile("(?m)^" + row + " +\\d+ +\\d+ \\(\\d+\\.\\dx\\)$").matcher(out).find(), row + " in\n" + out);
        }
        for (String row : new String[] {"LZ4 block compress", "LZ4 block decompress"}) {
            assertTrue(Pattern.compile("(?m)^" + row + " +\\d+ +-$").matcher(out).find(), row + " in\n" + out);
        }
        assertTrue(Pattern.compile("compressed sizes: gzip -6 ferric \\d+ bytes .*LZ4 block \\d+ bytes").matcher(out).find(), out);
    }

    @Test
    void compressionAndPerRecordRowsCanBeSkipped() {
        String out = bench("--millis", "1", "--sizes", "64", "--compress-size", "0", "--regex-size", "0", "--vectors", "0",
                "--no-per-record");
        assertTrue(!out.contains("compression:") && !out.contains("per record:"), out);
    }

    @Test
    void printsOnePerRecordRowPerKernel() {
        String out = bench("--millis", "1", "--sizes", "64", "--compress-size", "0", "--regex-size", "0", "--vectors", "0");
        assertTrue(out.contains("per record: one call on one small input, ns per call (calls: "), out);
        for (String row : new String[] {"BLAKE3 hash of a 154-byte row", "regex isMatch on an 80-char log line",
            "gzip of a 1 KiB JSON record", "dot product of two 768-float embeddings"}) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(row) + " +\\d+ +.* \\d+ \\(\\d+\\.\\d\\dx\\)$").matcher(out).find(),
                    row + " in\n" + out);
        }
    }

    @Test
    void printsRegexAndVectorRowsWhenTheEnginesAgree() {
        String out = bench("--millis", "1", "--sizes", "64", "--compress-size", "0", "--regex-size", "200000", "--vectors", "500");
        for (String p : KernelRows.PATTERNS) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(p) + " +\\d+ +\\d+ +\\d+ \\(\\d+\\.\\dx\\)$").matcher(out).find(), p + " in\n" + out);
        }
        assertTrue(out.contains("(a+)+b on 1,000 a's"), out);
        for (String row : new String[] {"float32", "int8", "binary"}) {
            assertTrue(Pattern.compile("(?m)^" + row + " +[\\d.]+ +[\\d.]+ \\([\\d.]+x\\)$").matcher(out).find(), row + " in\n" + out);
        }
    }

    @Test
    void javaTopKKeepsTheBestScoresTiesToTheSmallerId() {
        KernelRows.TopK top = new KernelRows.TopK(3);
        float[] s = {1, 5, 3, 5, 0, 7};
        for (int i = 0; i < s.length; i++) top.offer(i, s[i]);
        assertArrayEquals(new int[] {5, 1, 3}, top.ids);
    }

    @Test
    void jdkGzipPeerWritesRealGzip() throws Exception {
        byte[] data = MixedData.build(50_000);
        assertEquals(50_000, data.length);
        BenchCommand.JdkGzip jdk = new BenchCommand.JdkGzip(data.length);
        int n = jdk.compress(data);
        // what the peer writes, ferric reads; and the peer's reader accepts ferric's gzip
        assertArrayEquals(data, Deflate.GZIP.decompress(java.util.Arrays.copyOf(jdk.out, n)));
        byte[] fz = Deflate.GZIP.compress(data, 6);
        byte[] back = new byte[data.length];
        assertEquals(data.length, jdk.decompress(fz, fz.length, back));
        assertArrayEquals(data, back);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, FerricCli.run("bench", "--compress-size", "-1", "--sizes", "64", "--millis", "1"));
    }
}
