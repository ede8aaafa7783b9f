package dev.ferric.bench;

import dev.ferric.blake3.Blake3;
import dev.ferric.internal.NativeInfo;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BLAKE3 throughput: ferric against Bouncy Castle's and commons-codec's pure-Java BLAKE3 and the JDK's
 * SHA-256, in one run. Every contender writes its 32-byte result into a reused array, so
 * {@code -prof gc} shows what each allocates per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class Blake3Bench {
    @Param({"64", "1024", "65536", "1048576"})
    int size;

    byte[] input;
    ByteBuffer direct;
    final byte[] out = new byte[32];
    final Blake3Digest bc = new Blake3Digest(256);
    MessageDigest sha256;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        input = new byte[size];
        new Random(size).nextBytes(input);
        direct = ByteBuffer.allocateDirect(size);
        direct.put(input).flip();
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    /** ferric, output into a caller array: the zero-allocation form. */
    @Benchmark
    public byte[] ferric() {
        Blake3.hash(input, 0, input.length, out, 0);
        return out;
    }

    /** ferric's convenience form, allocating the 32-byte result. */
    @Benchmark
    public byte[] ferricAllocating() {
        return Blake3.hash(input);
    }

    /** ferric reading a direct ByteBuffer in place. */
    @Benchmark
    public byte[] ferricDirectBuffer() {
        direct.clear();
        Blake3.hash(direct, out, 0);
        return out;
    }

    @Benchmark
    public byte[] bouncyCastle() {
        bc.update(input, 0, input.length);
        bc.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] commonsCodec() {
        org.apache.commons.codec.digest.Blake3.initHash().update(input).doFinalize(out);
        return out;
    }

    @Benchmark
    public byte[] jdkSha256() throws Exception {
        sha256.update(input);
        sha256.digest(out, 0, 32);
        return out;
    }

    /** Floor: one JNI call through ferric's boundary guard doing no work (independent of size). */
    @Benchmark
    public int jniCallFloor() {
        return NativeInfo.nativeAbiVersion();
    }
}
