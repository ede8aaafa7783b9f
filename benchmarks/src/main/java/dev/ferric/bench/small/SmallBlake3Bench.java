package dev.ferric.bench.small;

import dev.ferric.blake3.Blake3;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hashing one record (a field, a log line, a row): ferric's BLAKE3 against the JDK's SHA-256 (what
 * users reach for) and Bouncy Castle's, at the sizes of a per-record call. {@code -prof gc} shows the
 * allocation of each form.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SmallBlake3Bench {
    @Param({"16", "64", "154", "1024"})
    int size;

    byte[] input;
    final byte[] out = new byte[32];
    MessageDigest sha256;
    final SHA256Digest bc = new SHA256Digest();
    Blake3.Hasher hasher;

    @Setup
    public void setup() throws Exception {
        input = new byte[size];
        new Random(size).nextBytes(input);
        sha256 = MessageDigest.getInstance("SHA-256");
        hasher = Blake3.newHasher();
    }

    @TearDown
    public void close() {
        hasher.close();
    }

    /** Into a caller array: the form that must not allocate. */
    @Benchmark
    public byte[] ferricHashInto() {
        Blake3.hash(input, 0, input.length, out, 0);
        return out;
    }

    @Benchmark
    public byte[] ferricHash() {
        return Blake3.hash(input);
    }

    @Benchmark
    public String ferricHashHex() {
        return Blake3.hashHex(input);
    }

    @Benchmark
    public byte[] ferricReusedHasher() {
        hasher.reset().update(input).digestInto(out, 0, 32);
        return out;
    }

    @Benchmark
    public byte[] jdkSha256() {
        return sha256.digest(input);
    }

    @Benchmark
    public String jdkSha256Hex() {
        byte[] d = sha256.digest(input);
        StringBuilder s = new StringBuilder(64);
        for (byte b : d) s.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        return s.toString();
    }

    @Benchmark
    public byte[] bouncyCastleSha256() {
        bc.update(input, 0, input.length);
        bc.doFinal(out, 0);
        return out;
    }
}
