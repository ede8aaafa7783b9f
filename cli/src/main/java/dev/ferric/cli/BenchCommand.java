package dev.ferric.cli;

import dev.ferric.blake3.Blake3;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.digests.Blake3Digest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferric bench}: a quick side-by-side throughput table of ferric against the pure-Java hashes
 * users would otherwise pick. For publishable numbers use the JMH suite in {@code benchmarks/}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Quick throughput table: ferric BLAKE3 vs Bouncy Castle BLAKE3, JDK SHA-256, commons-codec BLAKE3.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--millis", description = "Measuring time per cell in milliseconds (default ${DEFAULT-VALUE}).")
    int millis = 500;

    @Option(names = "--sizes", split = ",", description = "Input sizes in bytes (default 64,1024,65536,1048576).")
    int[] sizes = {64, 1024, 64 * 1024, 1024 * 1024};

    /** One contender: hashes {@code in} into {@code out}. */
    interface Contender {
        void hash(byte[] in, byte[] out) throws Exception;
    }

    static final class Entry {
        final String name;
        final Contender c;

        Entry(String name, Contender c) {
            this.name = name;
            this.c = c;
        }
    }

    static List<Entry> contenders() throws NoSuchAlgorithmException {
        List<Entry> list = new ArrayList<>();
        list.add(new Entry("ferric BLAKE3", (in, out) -> Blake3.hash(in, 0, in.length, out, 0)));
        Blake3Digest bc = new Blake3Digest(256);
        list.add(new Entry("BouncyCastle BLAKE3", (in, out) -> {
            bc.update(in, 0, in.length);
            bc.doFinal(out, 0);
        }));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        list.add(new Entry("JDK SHA-256", (in, out) -> {
            sha.update(in);
            sha.digest(out, 0, 32);
        }));
        list.add(new Entry("commons-codec BLAKE3", (in, out) ->
                org.apache.commons.codec.digest.Blake3.initHash().update(in).doFinalize(out)));
        return list;
    }

    /** Bytes per second of {@code c} on {@code in}, after a warm-up of the same length. */
    static double measure(Contender c, byte[] in, long nanos) throws Exception {
        byte[] out = new byte[32];
        run(c, in, out, nanos); // warm-up: let the JIT compile the loop
        return run(c, in, out, nanos);
    }

    private static double run(Contender c, byte[] in, byte[] out, long nanos) throws Exception {
        long ops = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < 16; i++) c.hash(in, out);
            ops += 16;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return (double) ops * in.length / (elapsed / 1e9);
    }

    static String human(int size) {
        if (size >= 1 << 20 && size % (1 << 20) == 0) return (size >> 20) + " MiB";
        if (size >= 1 << 10 && size % (1 << 10) == 0) return (size >> 10) + " KiB";
        return size + " B";
    }

    @Override
    public Integer call() throws Exception {
        if (millis <= 0) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--millis must be > 0");
        List<Entry> cs = contenders();
        System.out.printf("ferric bench: throughput in MB/s (1 MB = 10^6 bytes), %d ms per cell, %s, %d cores%n%n",
                millis, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        StringBuilder header = new StringBuilder(String.format("%-8s", "size"));
        for (Entry e : cs) header.append(String.format(" %22s", e.name));
        System.out.println(header);
        Random r = new Random(1);
        for (int size : sizes) {
            if (size <= 0) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "sizes must be > 0");
            byte[] in = new byte[size];
            r.nextBytes(in);
            double[] bps = new double[cs.size()];
            for (int i = 0; i < cs.size(); i++) bps[i] = measure(cs.get(i).c, in, millis * 1_000_000L);
            StringBuilder row = new StringBuilder(String.format("%-8s", human(size)));
            for (int i = 0; i < cs.size(); i++) {
                String cell = String.format("%.0f", bps[i] / 1e6) + (i == 0 ? "" : String.format(" (%.1fx)", bps[0] / bps[i]));
                row.append(String.format(" %22s", cell));
            }
            System.out.println(row);
        }
        System.out.println();
        System.out.println("(Nx) = how many times faster ferric is than that column.");
        return 0;
    }
}
