package dev.ferric.cli;

import dev.ferric.blake3.Blake3;
import dev.ferric.compress.Deflate;
import dev.ferric.internal.FastPath;
import dev.ferric.regex.Regex;
import dev.ferric.vectors.Vectors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The per-record rows of {@code ferric bench}: one call on one small input (a 154-byte row, an
 * 80-character log line, a 1 KiB JSON record, one pair of 768-float embeddings), ferric against its
 * JDK peer, in nanoseconds per call. These are where the cost of crossing into native code shows;
 * the JMH suite ({@code benchmarks/run-small.sh}) has the full grid.
 */
final class PerRecordRows {
    private PerRecordRows() {}

    static void print(long nanos) throws Exception {
        System.out.printf("%nper record: one call on one small input, ns per call (calls: %s)%n", FastPath.describe());
        System.out.println(String.format("%-44s", "call") + String.format(" %12s %30s", "ferric", "peer"));

        byte[] row = bytes(154);
        byte[] digest = new byte[32];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        print("BLAKE3 hash of a 154-byte row", () -> Blake3.hash(row, 0, row.length, digest, 0),
                "JDK SHA-256", () -> sha.digest(row), nanos);

        String line = "2026-12-06 06:00:00 INFO GET /api/v1/users/42 took 17 ms from 10.1.2.3 ok";
        try (Regex re = Regex.compile("took (\\d+) ms")) {
            Pattern jdk = Pattern.compile("took (\\d+) ms");
            if (!re.isMatch(line) || !jdk.matcher(line).find()) throw new IllegalStateException("the regex rows disagree");
            print("regex isMatch on an 80-char log line", () -> re.isMatch(line),
                    "java.util.regex find", () -> jdk.matcher(line).find(), nanos);
        }

        byte[] record = json(1024);
        if (!Arrays.equals(record, Deflate.GZIP.decompress(Deflate.GZIP.compress(record)))) throw new IllegalStateException("gzip round trip");
        print("gzip of a 1 KiB JSON record", () -> Deflate.GZIP.compress(record),
                "java.util.zip GZIPOutputStream", () -> jdkGzip(record), nanos);

        float[] a = floats(768, 1);
        float[] b = floats(768, 2);
        print("dot product of two 768-float embeddings", () -> Vectors.dot(a, b),
                "scalar Java loop", () -> scalarDot(a, b), nanos);
        System.out.println("(Nx): how many times faster ferric is than its peer; below 1, slower.");
    }

    private static void print(String what, BenchCommand.Op ferric, String peerName, BenchCommand.Op peer, long nanos) throws Exception {
        double f = 1e9 / BenchCommand.opsPerSecond(ferric, nanos);
        double p = 1e9 / BenchCommand.opsPerSecond(peer, nanos);
        System.out.println(String.format("%-44s", what) + String.format(" %12.0f %30s", f, String.format("%s %.0f (%.2fx)", peerName, p, p / f)));
    }

    private static byte[] jdkGzip(byte[] in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(in);
        }
        return out.toByteArray();
    }

    private static float scalarDot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(n).nextBytes(b);
        return b;
    }

    private static float[] floats(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) (r.nextDouble() * 2 - 1);
        return f;
    }

    private static byte[] json(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; s.length() < n; i++) {
            s.append("{\"id\":").append(1000 + i).append(",\"user\":\"user").append(i % 17).append("\",\"event\":\"click\"},");
        }
        return s.substring(0, n).getBytes(StandardCharsets.US_ASCII);
    }
}
