package dev.ferric.bench.small;

import dev.ferric.vectors.Vectors;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One pair of embeddings, the per-record similarity call: ferric against the scalar Java loop users
 * write first (Lucene's Panama {@code VectorUtil} is measured by {@code LuceneVectorsBench} when
 * built on JDK 21+).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SmallVectorsBench {
    @Param({"128", "384", "768", "1536"})
    int dims;

    float[] a;
    float[] b;

    @Setup
    public void setup() {
        Random r = new Random(dims);
        a = new float[dims];
        b = new float[dims];
        for (int i = 0; i < dims; i++) {
            a[i] = r.nextFloat() * 2 - 1;
            b[i] = r.nextFloat() * 2 - 1;
        }
    }

    @Benchmark
    public float ferricDot() {
        return Vectors.dot(a, b);
    }

    @Benchmark
    public float scalarDot() {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Benchmark
    public float ferricCosine() {
        return Vectors.cosine(a, b);
    }

    @Benchmark
    public float scalarCosine() {
        float dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return (float) (dot / Math.sqrt((double) na * nb));
    }
}
