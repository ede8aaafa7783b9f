package dev.ferric.bench.small;

import dev.ferric.blake3.Blake3;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What leak detection costs per native object: create, use once and close a {@code Blake3.Hasher} at
 * each {@code -Dferric.leakDetection} level (one fork each). {@code simple} records the creation stack
 * of 1 in 128 objects, {@code paranoid} of every one. {@code hashOneShot} creates no object: the
 * per-call cost without a handle, for scale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SmallHandleBench {
    private final byte[] input = new byte[64];
    private final byte[] out = new byte[32];

    private byte[] hasherLife() {
        try (Blake3.Hasher h = Blake3.newHasher()) {
            h.update(input);
            h.digestInto(out, 0, 32);
        }
        return out;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dferric.leakDetection=disabled"})
    public byte[] hasherDisabled() {
        return hasherLife();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dferric.leakDetection=simple"})
    public byte[] hasherSimple() {
        return hasherLife();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dferric.leakDetection=paranoid"})
    public byte[] hasherParanoid() {
        return hasherLife();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dferric.leakDetection=simple"})
    public byte[] hashOneShot() {
        Blake3.hash(input, 0, input.length, out, 0);
        return out;
    }
}
