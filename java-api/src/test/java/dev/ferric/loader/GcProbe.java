package dev.ferric.loader;

import dev.ferric.blake3.Blake3;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hashes {@code args[1]} MiB arrays {@code args[2]} times on each of {@code args[0]} threads while
 * another thread allocates continuously, timing every allocation; prints {@code key=value} lines.
 * Run with {@code -Xlog:gc:file=...} to record the collector's pauses as well.
 */
public final class GcProbe {
    private GcProbe() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int mb = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        byte[][] inputs = new byte[threads][];
        for (int t = 0; t < threads; t++) {
            inputs[t] = new byte[mb << 20];
            for (int i = 0; i < inputs[t].length; i += 4096) inputs[t][i] = (byte) (i * 31 + t);
        }
        long start = System.nanoTime();
        byte[] expected = Blake3.hash(inputs[0]);
        long oneHashNanos = System.nanoTime() - start;

        AtomicBoolean done = new AtomicBoolean();
        long[] allocStats = new long[2]; // max nanos, count
        Thread allocator = new Thread(() -> {
            Object[] ring = new Object[512]; // keeps ~128 MiB alive so collections have work to do
            long max = 0;
            long n = 0;
            while (!done.get()) {
                long t0 = System.nanoTime();
                ring[(int) (n % ring.length)] = new byte[(int) (64 * 1024 + (n % 8) * 64 * 1024)];
                long dt = System.nanoTime() - t0;
                if (dt > max) max = dt;
                n++;
            }
            allocStats[0] = max;
            allocStats[1] = n;
        });
        allocator.start();
        List<Thread> hashers = new ArrayList<>();
        boolean[] ok = new boolean[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            Thread h = new Thread(() -> {
                byte[] first = Blake3.hash(inputs[id]);
                boolean same = true;
                for (int r = 1; r < rounds; r++) same &= java.util.Arrays.equals(first, Blake3.hash(inputs[id]));
                ok[id] = same;
            });
            h.start();
            hashers.add(h);
        }
        for (Thread h : hashers) h.join();
        done.set(true);
        allocator.join();
        boolean allOk = java.util.Arrays.equals(expected, Blake3.hash(inputs[0]));
        for (boolean b : ok) allOk &= b;
        System.out.println("oneHashMillis=" + oneHashNanos / 1_000_000);
        System.out.println("maxAllocationMillis=" + allocStats[0] / 1_000_000);
        System.out.println("allocations=" + allocStats[1]);
        System.out.println("consistent=" + allOk);
    }
}
