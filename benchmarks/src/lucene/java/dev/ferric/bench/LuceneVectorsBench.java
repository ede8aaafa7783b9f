package dev.ferric.bench;

import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.VectorUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lucene 10's {@code VectorUtil} (Panama Vector API with {@code --add-modules jdk.incubator.vector})
 * on the same data and top-k as {@link VectorsBench}; run both in one JMH invocation on JDK 21+.
 * Lucene has no multi-query call, so its per-query time is also its batch time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
public class LuceneVectorsBench {
    static final int N = VectorsData.COUNT, D = VectorsData.DIM, K = VectorsData.K;

    @State(Scope.Benchmark)
    public static class Floats {
        float[][] rows;
        float[] query;
        final TopK top = new TopK(K);

        @Setup(Level.Trial)
        public void setup() {
            float[] flat = VectorsData.floats(1, N * D);
            rows = new float[N][];
            for (int i = 0; i < N; i++) rows[i] = java.util.Arrays.copyOfRange(flat, i * D, (i + 1) * D);
            query = VectorsData.floats(2, D);
        }
    }

    @State(Scope.Benchmark)
    public static class Bytes {
        byte[][] rows;
        byte[] query;
        final TopK top = new TopK(K);

        @Setup(Level.Trial)
        public void setup() {
            byte[] flat = VectorsData.bytes(1, N * D);
            rows = new byte[N][];
            for (int i = 0; i < N; i++) rows[i] = java.util.Arrays.copyOfRange(flat, i * D, (i + 1) * D);
            query = VectorsData.bytes(2, D);
        }
    }

    @State(Scope.Benchmark)
    public static class Bits {
        byte[][] rows;
        byte[] query;
        final TopK top = new TopK(K);

        @Setup(Level.Trial)
        public void setup() {
            int bytes = D / 8;
            byte[] flat = VectorsData.bytes(5, N * bytes);
            rows = new byte[N][];
            for (int i = 0; i < N; i++) rows[i] = java.util.Arrays.copyOfRange(flat, i * bytes, (i + 1) * bytes);
            query = VectorsData.bytes(6, bytes);
        }
    }

    @State(Scope.Thread)
    public static class Pair {
        final float[] a = VectorsData.floats(3, D);
        final float[] b = VectorsData.floats(4, D);
        final byte[] x = VectorsData.bytes(3, D);
        final byte[] y = VectorsData.bytes(4, D);
    }

    @Benchmark
    public int luceneFloat32(Floats s) {
        TopK t = s.top;
        t.clear();
        for (int i = 0; i < N; i++) t.offer(i, VectorUtil.dotProduct(s.query, s.rows[i]));
        return t.ids[0];
    }

    @Benchmark
    public int luceneInt8(Bytes s) {
        TopK t = s.top;
        t.clear();
        for (int i = 0; i < N; i++) t.offer(i, VectorUtil.dotProduct(s.query, s.rows[i]));
        return t.ids[0];
    }

    /** {@code VectorUtil.xorBitCount}: Lucene's Hamming distance of binary-quantised vectors; score = -distance. */
    @Benchmark
    public int luceneHamming(Bits s) {
        TopK t = s.top;
        t.clear();
        for (int i = 0; i < N; i++) t.offer(i, -VectorUtil.xorBitCount(s.query, s.rows[i]));
        return t.ids[0];
    }

    @Benchmark
    public float lucenePairFloat32(Pair p) {
        return VectorUtil.dotProduct(p.a, p.b);
    }

    @Benchmark
    public int lucenePairInt8(Pair p) {
        return VectorUtil.dotProduct(p.x, p.y);
    }
}
