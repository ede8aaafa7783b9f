package dev.ferric.bench;

import dev.ferric.vectors.ElementType;
import dev.ferric.vectors.FlatIndex;
import dev.ferric.vectors.Metric;
import dev.ferric.vectors.Vectors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact top-10 search by dot product over 100,000 vectors of dimension 768 (float32: 307 MB, int8:
 * 77 MB) and by Hamming distance over 100,000 binary vectors of 768 bits (9.6 MB): ferric's {@link
 * FlatIndex} against the best scalar Java loops (what Java 8–17 offers), plus single pairs at 768
 * dimensions. Scores are per query. Lucene's Panama {@code VectorUtil} runs in
 * {@code LuceneVectorsBench} (JDK 21+ builds only).
 *
 * <p>Each benchmark class holds only the data its methods use, so one fork does not pay for the others.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx4g"})
public class VectorsBench {
    static final int N = VectorsData.COUNT, D = VectorsData.DIM, K = VectorsData.K;

    @State(Scope.Benchmark)
    public static class Floats {
        float[] flat;
        float[] queries;
        float[] query;
        FlatIndex index;
        final int[] ids = new int[VectorsData.BATCH * K];
        final float[] scores = new float[VectorsData.BATCH * K];
        final TopK top = new TopK(K);

        @Setup(Level.Trial)
        public void setup() {
            flat = VectorsData.floats(1, N * D);
            queries = VectorsData.floats(2, VectorsData.BATCH * D);
            query = java.util.Arrays.copyOf(queries, D);
            index = new FlatIndex(D, Metric.DOT_PRODUCT, ElementType.FLOAT32);
            index.add(flat);
        }

        @TearDown(Level.Trial)
        public void close() {
            index.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Bytes {
        byte[] flat;
        byte[] queries;
        byte[] query;
        FlatIndex index;
        final int[] ids = new int[VectorsData.BATCH * K];
        final float[] scores = new float[VectorsData.BATCH * K];
        final TopK top = new TopK(K);

        @Setup(Level.Trial)
        public void setup() {
            flat = VectorsData.bytes(1, N * D);
            queries = VectorsData.bytes(2, VectorsData.BATCH * D);
            query = java.util.Arrays.copyOf(queries, D);
            index = new FlatIndex(D, Metric.DOT_PRODUCT, ElementType.INT8);
            index.add(flat);
        }

        @TearDown(Level.Trial)
        public void close() {
            index.close();
        }
    }

    /** Bit-packed binary vectors of {@code D} bits ({@code D / 8} bytes), e.g. binary-quantised embeddings. */
    @State(Scope.Benchmark)
    public static class Bits {
        static final int BYTES = D / 8, WORDS = D / 64;
        byte[] flat;
        byte[] query;
        long[] words;
        long[] queryWords;
        FlatIndex index;
        final int[] ids = new int[K];
        final float[] scores = new float[K];
        final TopK top = new TopK(K);

        @Setup(Level.Trial)
        public void setup() {
            flat = VectorsData.bytes(5, N * BYTES);
            query = VectorsData.bytes(6, BYTES);
            words = longs(flat);
            queryWords = longs(query);
            index = new FlatIndex(D, Metric.HAMMING, ElementType.BINARY);
            index.add(flat);
        }

        static long[] longs(byte[] b) {
            long[] w = new long[b.length / 8];
            java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(w);
            return w;
        }

        @TearDown(Level.Trial)
        public void close() {
            index.close();
        }
    }

    @State(Scope.Thread)
    public static class Pair {
        final float[] a = VectorsData.floats(3, D);
        final float[] b = VectorsData.floats(4, D);
        final byte[] x = VectorsData.bytes(3, D);
        final byte[] y = VectorsData.bytes(4, D);
    }

    /** The fastest scalar float dot product plain Java gets: 8 independent partial sums. */
    static float dotScalar(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
            s4 += a[ao + i + 4] * b[bo + i + 4];
            s5 += a[ao + i + 5] * b[bo + i + 5];
            s6 += a[ao + i + 6] * b[bo + i + 6];
            s7 += a[ao + i + 7] * b[bo + i + 7];
        }
        for (; i < n; i++) s0 += a[ao + i] * b[bo + i];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Scalar int8 dot product: an int sum, which C2 auto-vectorises where it can. */
    static int dotScalar(byte[] a, int ao, byte[] b, int bo, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    @Benchmark
    public int ferricFloat32(Floats s) {
        return s.index.search(s.query, K, s.ids, s.scores) + s.ids[0];
    }

    /** 16 queries in one call; the score is per query. */
    @Benchmark
    @OperationsPerInvocation(VectorsData.BATCH)
    public int ferricFloat32Batch16(Floats s) {
        return s.index.searchBatch(s.queries, K, s.ids, s.scores) + s.ids[0];
    }

    @Benchmark
    public int javaScalarFloat32(Floats s) {
        TopK t = s.top;
        t.clear();
        for (int i = 0; i < N; i++) t.offer(i, dotScalar(s.query, 0, s.flat, i * D, D));
        return t.ids[0];
    }

    @Benchmark
    public int ferricInt8(Bytes s) {
        return s.index.search(s.query, K, s.ids, s.scores) + s.ids[0];
    }

    @Benchmark
    @OperationsPerInvocation(VectorsData.BATCH)
    public int ferricInt8Batch16(Bytes s) {
        return s.index.searchBatch(s.queries, K, s.ids, s.scores) + s.ids[0];
    }

    @Benchmark
    public int javaScalarInt8(Bytes s) {
        TopK t = s.top;
        t.clear();
        for (int i = 0; i < N; i++) t.offer(i, dotScalar(s.query, 0, s.flat, i * D, D));
        return t.ids[0];
    }

    @Benchmark
    public int ferricHamming(Bits s) {
        return s.index.search(s.query, K, s.ids, s.scores) + s.ids[0];
    }

    /** Plain Java's best: 64 bits at a time, {@code Long.bitCount} (a popcnt intrinsic); score = -distance. */
    @Benchmark
    public int javaScalarHamming(Bits s) {
        TopK t = s.top;
        t.clear();
        long[] w = s.words, q = s.queryWords;
        for (int i = 0, base = 0; i < N; i++, base += Bits.WORDS) {
            int d = 0;
            for (int j = 0; j < Bits.WORDS; j++) d += Long.bitCount(w[base + j] ^ q[j]);
            t.offer(i, -d);
        }
        return t.ids[0];
    }

    @Benchmark
    public float ferricPairFloat32(Pair p) {
        return Vectors.dot(p.a, p.b);
    }

    @Benchmark
    public float javaScalarPairFloat32(Pair p) {
        return dotScalar(p.a, 0, p.b, 0, D);
    }

    @Benchmark
    public float ferricPairInt8(Pair p) {
        return Vectors.dot(p.x, p.y);
    }

    @Benchmark
    public int javaScalarPairInt8(Pair p) {
        return dotScalar(p.x, 0, p.y, 0, D);
    }
}
