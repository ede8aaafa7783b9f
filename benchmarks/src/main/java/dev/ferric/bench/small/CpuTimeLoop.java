package dev.ferric.bench.small;

import dev.ferric.Ferric;
import dev.ferric.FerricProvider;
import dev.ferric.blake3.Blake3;
import dev.ferric.compress.Deflate;
import dev.ferric.compress.Lz4;
import dev.ferric.compress.Lz4Compressor;
import dev.ferric.internal.HandleFreer;
import dev.ferric.internal.HandleTracker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * A timed loop that measures the CPU time of the calling thread per operation, for machines too
 * loaded for JMH's wall-clock scores (other processes' time is not counted). Run one JVM per
 * configuration, e.g. {@code -Dferric.leakDetection=paranoid}:
 * {@code java -cp benchmarks.jar dev.ferric.bench.small.CpuTimeLoop hasher [rounds] [opsPerRound]}.
 * Operations: {@code hasher} (create a {@code Blake3.Hasher}, hash 64 bytes, close it), {@code reused}
 * (one {@code Hasher} for every record: update with 64 bytes, digest, reset), {@code digest} (the same
 * through {@code MessageDigest.getInstance("BLAKE3", new FerricProvider())}), {@code track}
 * (the Java bookkeeping of one handle alone, leak detection included: track and close, no native
 * object), {@code hash}
 * (one-shot BLAKE3 of 64 bytes), {@code gzip} (one-shot gzip of 200 bytes: allocates the encoder state
 * natively), {@code lz4frame} (one-shot LZ4 frame of 200 bytes), {@code lz4} (an LZ4 block of 200 bytes
 * into a caller array: one input and one output range across the boundary). Prints the median and the minimum over
 * the rounds, in CPU nanoseconds per operation, after 3 s of warm-up.
 */
public final class CpuTimeLoop {
    private static final HandleFreer NO_FREE = handle -> { };

    private CpuTimeLoop() {}

    public static void main(String[] args) {
        String op = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        byte[] input64 = new byte[64];
        byte[] input200 = new byte[200];
        new Random(1).nextBytes(input64);
        for (int i = 0; i < input200.length; i++) input200[i] = (byte) ("abcdefgh ,.;".charAt(i % 12));
        byte[] out = new byte[32];
        Runnable body;
        switch (op) {
            case "hasher":
                body = () -> {
                    try (Blake3.Hasher h = Blake3.newHasher()) {
                        h.update(input64);
                        h.digestInto(out, 0, 32);
                    }
                };
                break;
            case "reused": // one Hasher for every record, as a MessageDigest is used
                Blake3.Hasher reused = Blake3.newHasher();
                body = () -> {
                    reused.update(input64);
                    reused.digestInto(out, 0, 32);
                    reused.reset();
                };
                break;
            case "digest": { // the JCA form: MessageDigest.update, digest (which resets)
                MessageDigest md;
                try {
                    md = MessageDigest.getInstance("BLAKE3", new FerricProvider());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
                body = () -> {
                    md.update(input64);
                    out[0] ^= md.digest()[0];
                };
                break;
            }
            case "track":
                body = () -> HandleTracker.track(new Object(), 1, NO_FREE, "CpuTimeLoop").close();
                break;
            case "hash":
                body = () -> Blake3.hash(input64, 0, input64.length, out, 0);
                break;
            case "gzip":
                body = () -> out[0] ^= Deflate.GZIP.compress(input200, 6)[10];
                break;
            case "lz4frame":
                body = () -> out[0] ^= Lz4.compressFrame(input200)[7];
                break;
            case "lz4":
                Lz4Compressor lz4 = Lz4.fastCompressor();
                byte[] block = new byte[lz4.maxCompressedLength(input200.length)];
                body = () -> out[0] ^= (byte) lz4.compress(input200, 0, input200.length, block, 0, block.length);
                break;
            default:
                throw new IllegalArgumentException("unknown operation " + op + ": hasher, reused, digest, track, hash, gzip, lz4frame or lz4");
        }
        if (!Ferric.isAvailable()) throw new IllegalStateException("no native library", Ferric.unavailabilityCause());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (int i = 0; i < 1000; i++) body.run();
        }
        double[] perOp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) body.run();
            perOp[r] = (threads.getCurrentThreadCpuTime() - t0) / (double) perRound;
        }
        Arrays.sort(perOp);
        System.out.println(String.format(Locale.ROOT, "%s leakDetection=%s median=%.1f min=%.1f ns/op (CPU, %d rounds of %d) %s",
                op, System.getProperty("ferric.leakDetection", "simple"), perOp[rounds / 2], perOp[0], rounds, perRound,
                Ferric.loadReport().loadedFrom()));
    }
}
