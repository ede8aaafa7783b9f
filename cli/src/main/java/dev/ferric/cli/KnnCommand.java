package dev.ferric.cli;

import dev.ferric.vectors.ElementType;
import dev.ferric.vectors.FlatIndex;
import dev.ferric.vectors.Metric;
import dev.ferric.vectors.Vectors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ferric knn}: exact k-nearest neighbours of every query in a base set, read from and written
 * to the ANN benchmarks' {@code .fvecs}/{@code .bvecs}/{@code .ivecs} files.
 *
 * <p>{@code .bvecs} holds unsigned bytes. For L2 they are shifted to signed int8 (v − 128), which
 * leaves every distance unchanged, and searched with the int8 kernels; for dot and cosine (which a
 * shift would change) they are searched as float32.
 */
@Command(name = "knn", mixinStandardHelpOptions = true,
        description = "Exact k nearest neighbours of each query vector; writes them as .ivecs (ground-truth format) "
                + "and prints throughput on stderr.")
final class KnnCommand implements Callable<Integer> {
    /** Queries per native call: enough to share each pass over the base vectors. */
    static final int BATCH = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "FILE", description = "Base vectors (.fvecs or .bvecs).")
    Path base;

    @Option(names = "--query", required = true, paramLabel = "FILE", description = "Query vectors, same type as the base.")
    Path query;

    @Option(names = "-k", required = true, paramLabel = "K", description = "Neighbours per query.")
    int k;

    @Option(names = "--metric", paramLabel = "METRIC", description = "dot, cosine or l2 (squared Euclidean; default).")
    String metric = "l2";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the neighbour ids as .ivecs here (default: text on stdout).")
    Path out;

    static char kindOf(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".fvecs")) return 'f';
        if (name.endsWith(".bvecs")) return 'b';
        return '?';
    }

    static Metric parseMetric(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "dot": return Metric.DOT_PRODUCT;
            case "cosine": return Metric.COSINE;
            case "l2": return Metric.L2_SQUARED;
            default: return null;
        }
    }

    @Override
    public Integer call() throws IOException {
        Metric m = parseMetric(metric);
        if (m == null) throw new ParameterException(spec.commandLine(), "--metric must be dot, cosine or l2, was " + metric);
        if (k <= 0) throw new ParameterException(spec.commandLine(), "-k must be > 0, was " + k);
        char kind = kindOf(base);
        if (kind == '?') throw new ParameterException(spec.commandLine(), "--base must be a .fvecs or .bvecs file: " + base);
        if (kindOf(query) != kind) throw new ParameterException(spec.commandLine(), "--query must have the same type as --base (." + kind + "vecs)");
        PrintStream err = System.err;
        VecsFiles.Vecs b;
        VecsFiles.Vecs q;
        try {
            b = VecsFiles.read(base, kind);
            q = VecsFiles.read(query, kind);
        } catch (IOException e) {
            err.println("ferric knn: " + e.getMessage());
            return 1;
        }
        if (q.dim != b.dim) {
            err.println("ferric knn: queries have dimension " + q.dim + ", base vectors " + b.dim);
            return 1;
        }
        boolean int8 = kind == 'b' && m == Metric.L2_SQUARED;
        int dim = b.dim;
        int kk = Math.min(k, b.count);
        int[] ids = new int[q.count * kk];
        long start = System.nanoTime();
        try (FlatIndex index = new FlatIndex(dim, m, int8 ? ElementType.INT8 : ElementType.FLOAT32)) {
            if (int8) {
                index.add(shift(b.unsignedBytes));
            } else {
                index.add(b.floats != null ? b.floats : toFloats(b.unsignedBytes));
            }
            long loaded = System.nanoTime();
            float[] qf = int8 ? null : (q.floats != null ? q.floats : toFloats(q.unsignedBytes));
            byte[] qb = int8 ? shift(q.unsignedBytes) : null;
            int[] blockIds = new int[BATCH * kk];
            float[] blockScores = new float[BATCH * kk];
            for (int first = 0; first < q.count; first += BATCH) {
                int n = Math.min(BATCH, q.count - first);
                if (int8) {
                    byte[] block = java.util.Arrays.copyOfRange(qb, first * dim, (first + n) * dim);
                    index.searchBatch(block, kk, blockIds, blockScores);
                } else {
                    float[] block = java.util.Arrays.copyOfRange(qf, first * dim, (first + n) * dim);
                    index.searchBatch(block, kk, blockIds, blockScores);
                }
                System.arraycopy(blockIds, 0, ids, first * kk, n * kk);
            }
            long done = System.nanoTime();
            double secs = (done - loaded) / 1e9;
            double scanned = (double) q.count * b.count * dim * (int8 ? 1 : 4);
            err.printf(Locale.ROOT, "ferric knn: %d queries x %d vectors, dimension %d, %s, %s, kernel %s: load %.1f ms, search %.1f ms, "
                            + "%.0f queries/s, %.2f GB/s of vectors compared%n",
                    q.count, b.count, dim, metric, int8 ? "int8" : "float32", Vectors.kernelName(), (loaded - start) / 1e6,
                    secs * 1e3, q.count / secs, scanned / secs / 1e9);
        }
        if (out != null) {
            VecsFiles.writeIvecs(out, ids, q.count, kk, kk);
        } else {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < q.count; i++) {
                line.setLength(0);
                for (int j = 0; j < kk; j++) line.append(j == 0 ? "" : " ").append(ids[i * kk + j]);
                System.out.println(line);
            }
        }
        return 0;
    }

    /** Unsigned bytes to signed int8 by subtracting 128: squared distances are unchanged. */
    static byte[] shift(byte[] unsigned) {
        byte[] s = new byte[unsigned.length];
        for (int i = 0; i < s.length; i++) s[i] = (byte) ((unsigned[i] & 0xFF) - 128);
        return s;
    }

    static float[] toFloats(byte[] unsigned) {
        float[] f = new float[unsigned.length];
        for (int i = 0; i < f.length; i++) f[i] = unsigned[i] & 0xFF;
        return f;
    }
}
