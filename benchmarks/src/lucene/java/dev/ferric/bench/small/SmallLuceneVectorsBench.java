package dev.ferric.bench.small;

import org.apache.lucene.util.VectorUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;

/**
 * {@link SmallVectorsBench}'s pairs (same seeds, same sizes) with Lucene 10's Panama
 * {@code VectorUtil} as the peer: the vectors a JDK 21+ user would otherwise call. Built only when
 * Maven runs on JDK 21+ (the {@code lucene} profile). The inherited ferric rows run in this class too,
 * so {@code benchmarks/scripts/small-report.py} pairs them within one JMH run; select
 * {@code SmallLuceneVectorsBench.(ferric|lucene)} to leave out the inherited scalar loops.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class SmallLuceneVectorsBench extends SmallVectorsBench {
    @Benchmark
    public float luceneDot() {
        return VectorUtil.dotProduct(a, b);
    }

    @Benchmark
    public float luceneCosine() {
        return VectorUtil.cosine(a, b);
    }
}
