package dev.ferric.cli;

import dev.ferric.Ferric;
import dev.ferric.NativeStats;
import dev.ferric.blake3.Blake3;
import dev.ferric.compress.Deflate;
import dev.ferric.compress.Lz4;
import dev.ferric.internal.LeakDetector;
import dev.ferric.regex.Regex;
import dev.ferric.vectors.ElementType;
import dev.ferric.vectors.FlatIndex;
import dev.ferric.vectors.Metric;
import dev.ferric.vectors.Vectors;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/**
 * {@code ferric doctor --memory}: runs a short workload of each kernel (every object closed; parallel
 * compression and vector scans included, whose pieces are built on the shared pool's threads) and shows
 * that native memory comes back: bytes by kernel before and after, handles still live, what the leak
 * net found. A first round warms up what stays for the life of the process (thread pools, caches); the
 * audited round must then end where it started. A last step drops one hasher unclosed, on purpose, to
 * show that the leak net finds and reports it on this machine.
 */
final class MemoryAudit {
    private static final int ROUNDS = 200;
    private final PrintStream o;
    private final Random random = new Random(42);

    MemoryAudit(PrintStream o) {
        this.o = o;
    }

    /** Prints the audit; returns 0 when every kernel gave its memory back and the leak net works, else 1. */
    int run() throws Exception {
        o.println("leak detection  " + LeakDetector.level().name().toLowerCase(Locale.ROOT)
                + (LeakDetector.level() == LeakDetector.Level.SIMPLE ? " (1 in " + LeakDetector.samplingInterval()
                + " creations record where)" : "") + "   (-D" + LeakDetector.LEVEL_PROPERTY + "=disabled|simple|paranoid)");
        workload(); // warm-up: what stays for the life of the process is allocated now
        NativeStats before = settled();
        long t0 = System.nanoTime();
        workload();
        double ms = (System.nanoTime() - t0) / 1e6;
        NativeStats after = settled();
        o.println(String.format(Locale.ROOT, "workload        %d rounds of each kernel, every object closed (%.0f ms)", ROUNDS, ms));
        o.println();
        o.println(String.format(Locale.ROOT, "%-12s %14s %14s %10s %20s", "kernel", "bytes before", "bytes after",
                "change", "peak (since load)"));
        boolean ok = true;
        for (String k : before.nativeBytesByKernel().keySet()) {
            long b = before.nativeBytesByKernel().get(k);
            long a = after.nativeBytesByKernel().get(k);
            o.println(String.format(Locale.ROOT, "%-12s %14d %14d %10s %20d", k, b, a, signed(a - b),
                    after.peakNativeBytesByKernel().get(k)));
            ok &= a <= b;
        }
        o.println(String.format(Locale.ROOT, "%-12s %14d %14d %10s %20d", "total", before.nativeBytes(),
                after.nativeBytes(), signed(after.nativeBytes() - before.nativeBytes()), after.peakNativeBytes()));
        o.println();
        o.println("handles live    before " + before.liveHandles() + " " + before.liveByKind() + ", after "
                + after.liveHandles() + " " + after.liveByKind());
        ok &= after.liveHandles() <= before.liveHandles();
        long leaks = after.freedByLeakNet() - before.freedByLeakNet();
        o.println("leaks found     " + leaks + " during the workload; since start " + after.leakedByKind());
        ok &= leaks == 0;
        ok &= leakNetCheck();
        o.println();
        o.println(ok ? "memory          OK: every kernel returned its memory and the leak net works"
                : "memory          PROBLEM: see above (native bytes not returned, handles live or leaks)");
        return ok ? 0 : 1;
    }

    private static String signed(long v) {
        return v > 0 ? "+" + v : String.valueOf(v);
    }

    /** Drops one hasher without closing it and waits for the leak net to free it. */
    private boolean leakNetCheck() throws InterruptedException {
        long before = leaked(Ferric.nativeStats());
        dropOneHasher();
        long t0 = System.nanoTime();
        long deadline = t0 + 10_000_000_000L;
        while (leaked(Ferric.nativeStats()) == before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        boolean found = leaked(Ferric.nativeStats()) > before;
        o.println(found ? String.format(Locale.ROOT, "leak net        found a Blake3.Hasher dropped unclosed on purpose in %.0f ms"
                + " (its report, if logging is on, goes to standard error)", (System.nanoTime() - t0) / 1e6)
                : "leak net        did NOT free a Blake3.Hasher dropped unclosed within 10 s");
        return found;
    }

    private static void dropOneHasher() {
        Blake3.newHasher().update(new byte[] {1}); // deliberately never closed
    }

    private static long leaked(NativeStats s) {
        Long n = s.leakedByKind().get("Blake3.Hasher");
        return n == null ? 0 : n;
    }

    /** Stats once the leak net has nothing left to free (at most ~1 s of collections). */
    private static NativeStats settled() throws InterruptedException {
        NativeStats s = Ferric.nativeStats();
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(20);
            NativeStats next = Ferric.nativeStats();
            if (next.nativeBytes() == s.nativeBytes() && next.liveHandles() == s.liveHandles()) return next;
            s = next;
        }
        return s;
    }

    /** {@link #ROUNDS} rounds of each kernel, every object closed. */
    private void workload() throws Exception {
        byte[] text = new byte[16 << 10];
        for (int i = 0; i < text.length; i++) text[i] = (byte) ('a' + random.nextInt(26));
        for (int i = 0; i < ROUNDS; i++) {
            Blake3.hash(text);
            try (Blake3.Hasher h = Blake3.newHasher()) {
                h.update(text).digest();
            }
        }
        for (int i = 0; i < ROUNDS; i++) {
            try (Regex r = Regex.compile("[a-z]{3}" + (i % 10) + "|q[u-z]+")) {
                r.find("log line " + i + " quz");
            }
        }
        for (int i = 0; i < ROUNDS; i++) {
            byte[] z = Deflate.GZIP.compress(text, 6);
            Deflate.GZIP.decompress(z);
            Lz4.decompressFrame(Lz4.compressFrame(text));
        }
        byte[] big = new byte[4 << 20]; // parallel compression: pieces built on the pool's threads
        for (int i = 0; i < big.length; i += text.length) System.arraycopy(text, 0, big, i, Math.min(text.length, big.length - i));
        for (int i = 0; i < 3; i++) Deflate.GZIP.decompress(Deflate.GZIP.compressParallel(big, 1));
        float[] vectors = new float[64 * 256];
        for (int i = 0; i < vectors.length; i++) vectors[i] = random.nextFloat();
        float[] q = new float[64];
        for (int i = 0; i < ROUNDS; i++) {
            try (FlatIndex index = new FlatIndex(64, Metric.COSINE, ElementType.FLOAT32)) {
                index.add(vectors);
                index.search(q, 10);
            }
            Vectors.dot(q, q);
        }
        float[] many = new float[64 * 8192]; // 2 MiB: scans split across the pool's threads
        for (int i = 0; i < many.length; i++) many[i] = random.nextFloat();
        try (FlatIndex index = new FlatIndex(64, Metric.DOT_PRODUCT, ElementType.FLOAT32)) {
            index.add(many);
            for (int i = 0; i < 20; i++) index.search(q, 10);
            for (int i = 0; i < 5; i++) index.searchBatch(new float[][] {q, q, q, q, q}, 10);
        }
    }
}
