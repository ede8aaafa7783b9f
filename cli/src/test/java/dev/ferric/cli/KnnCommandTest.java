package dev.ferric.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferric knn} against a brute-force Java computation in double precision, on the files made by
 * {@code cli/src/test/make-knn-files.py}. Their components make every float32 sum exact, so the
 * neighbour lists (ties ordered by id) must be identical.
 */
class KnnCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void copyFiles() throws IOException {
        for (String f : new String[] {"base.fvecs", "query.fvecs", "base.bvecs", "query.bvecs"}) {
            try (InputStream in = KnnCommandTest.class.getResourceAsStream("/dev/ferric/cli/knn/" + f)) {
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static double[][] rows(VecsFiles.Vecs v) {
        double[][] r = new double[v.count][v.dim];
        for (int i = 0; i < v.count; i++) {
            for (int j = 0; j < v.dim; j++) {
                int p = i * v.dim + j;
                r[i][j] = v.floats != null ? v.floats[p] : v.unsignedBytes[p] & 0xFF;
            }
        }
        return r;
    }

    static double score(String metric, double[] v, double[] q) {
        double dot = 0, vv = 0, qq = 0, l2 = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * q[i];
            vv += v[i] * v[i];
            qq += q[i] * q[i];
            l2 += (v[i] - q[i]) * (v[i] - q[i]);
        }
        switch (metric) {
            case "dot": return dot;
            case "l2": return -l2;
            default: return qq == 0 || vv == 0 ? 0 : dot / (Math.sqrt(qq) * Math.sqrt(vv));
        }
    }

    /** Brute force: for each query the ids of the k best scores, ties by smaller id. */
    static int[] bruteForce(double[][] base, double[][] queries, String metric, int k) {
        int[] out = new int[queries.length * k];
        for (int q = 0; q < queries.length; q++) {
            double[] s = new double[base.length];
            for (int i = 0; i < base.length; i++) s[i] = score(metric, base[i], queries[q]);
            int[] order = IntStream.range(0, base.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            System.arraycopy(order, 0, out, q * k, k);
        }
        return out;
    }

    void check(String ext, String metric, int k) throws Exception {
        Path out = dir.resolve("nn-" + ext + "-" + metric + "-" + k + ".ivecs");
        int code = FerricCli.run("knn", "--base", dir.resolve("base." + ext).toString(), "--query", dir.resolve("query." + ext).toString(),
                "-k", String.valueOf(k), "--metric", metric, "--out", out.toString());
        assertEquals(0, code);
        char kind = ext.charAt(0);
        VecsFiles.Vecs base = VecsFiles.read(dir.resolve("base." + ext), kind);
        VecsFiles.Vecs queries = VecsFiles.read(dir.resolve("query." + ext), kind);
        VecsFiles.Vecs got = VecsFiles.read(out, 'i');
        int kk = Math.min(k, base.count);
        assertEquals(queries.count, got.count, "one row per query");
        assertEquals(kk, got.dim, "k per row");
        assertArrayEquals(bruteForce(rows(base), rows(queries), metric, kk), got.ints, ext + " " + metric + " k=" + k);
    }

    @Test
    void neighboursEqualBruteForceForEveryMetricAndFileType() throws Exception {
        for (String ext : new String[] {"fvecs", "bvecs"}) {
            for (String metric : new String[] {"l2", "dot", "cosine"}) {
                check(ext, metric, 10);
            }
        }
        check("fvecs", "l2", 1);
        check("bvecs", "l2", 5000); // k larger than the base: every vector, in order
    }

    @Test
    void ivecsRoundTrip() throws Exception {
        Path f = dir.resolve("rt.ivecs");
        VecsFiles.writeIvecs(f, new int[] {1, 2, 3, 4, 5, 6}, 2, 3, 3);
        VecsFiles.Vecs v = VecsFiles.read(f, 'i');
        assertEquals(3, v.dim);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, v.ints);
        assertEquals(2 * (4 + 12), Files.size(f));
    }

    @Test
    void badInputIsReported() throws Exception {
        String b = dir.resolve("base.fvecs").toString();
        assertEquals(2, FerricCli.run("knn", "--base", b, "--query", b, "-k", "0"));
        assertEquals(2, FerricCli.run("knn", "--base", b, "--query", b, "-k", "3", "--metric", "hamming"));
        assertEquals(2, FerricCli.run("knn", "--base", b, "--query", dir.resolve("query.bvecs").toString(), "-k", "3"));
        Path truncated = dir.resolve("truncated.fvecs");
        byte[] all = Files.readAllBytes(dir.resolve("base.fvecs"));
        Files.write(truncated, Arrays.copyOf(all, all.length - 3));
        assertEquals(1, FerricCli.run("knn", "--base", truncated.toString(), "--query", b, "-k", "3"));
        Path other = dir.resolve("q16.fvecs");
        Files.write(other, new byte[] {16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertEquals(1, FerricCli.run("knn", "--base", b, "--query", other.toString(), "-k", "3"), "dimension mismatch");
        assertTrue(Files.exists(dir.resolve("base.fvecs")));
    }
}
