package dev.ferric.cli;

import dev.ferric.blake3.Blake3;
import dev.ferric.compress.Deflate;
import dev.ferric.compress.Lz4;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import org.bouncycastle.crypto.digests.Blake3Digest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferric bench}: a quick side-by-side throughput table of ferric against what users would
 * otherwise pick: the pure-Java hashes, and {@code java.util.zip} for gzip (LZ4 has no JDK peer, so
 * its rows are ferric alone). For publishable numbers use the JMH suite in {@code benchmarks/}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Quick throughput table: ferric BLAKE3 vs Bouncy Castle BLAKE3, JDK SHA-256, commons-codec BLAKE3;",
                "ferric gzip vs java.util.zip, and ferric LZ4 blocks, on generated mixed data;",
                "ferric regex vs java.util.regex; ferric vector search vs a scalar Java loop;",
                "and per-record rows: one call on one small input, ferric vs its JDK peer."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--millis", description = "Measuring time per cell in milliseconds (default ${DEFAULT-VALUE}).")
    int millis = 500;

    @Option(names = "--sizes", split = ",", description = "Input sizes in bytes (default 64,1024,65536,1048576).")
    int[] sizes = {64, 1024, 64 * 1024, 1024 * 1024};

    @Option(names = "--compress-size", description = "Bytes of mixed data for the compression rows (default 8 MiB; 0 skips them).")
    int compressSize = 8 << 20;

    @Option(names = "--regex-size", description = "Bytes of text for the regex rows (default 1 MiB; 0 skips them).")
    int regexSize = 1 << 20;

    @Option(names = "--no-per-record", description = "Skip the per-record rows (one call on one small input).")
    boolean noPerRecord;

    @Option(names = "--vectors", description = "Number of 768-dimensional vectors for the vector-search rows (default 20000; 0 skips them).")
    int vectors = 20_000;

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
        if (compressSize < 0 || regexSize < 0 || vectors < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--compress-size, --regex-size and --vectors must be >= 0");
        }
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
        if (compressSize > 0) compressionRows(millis * 1_000_000L);
        if (regexSize > 0) KernelRows.regex(regexSize, millis * 1_000_000L);
        if (vectors > 0) KernelRows.vectors(vectors, millis * 1_000_000L);
        if (!noPerRecord) PerRecordRows.print(millis * 1_000_000L);
        System.out.println();
        System.out.println("(Nx) = how many times faster ferric is than that column.");
        return 0;
    }

    /** One operation on buffers prepared in advance. */
    interface Op {
        void run() throws Exception;
    }

    /** Operations per second of {@code op}, after a warm-up of the same length; one call per clock read (calls are long). */
    static double opsPerSecond(Op op, long nanos) throws Exception {
        for (long start = System.nanoTime(); System.nanoTime() - start < nanos; ) op.run();
        long ops = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            op.run();
            ops++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return ops / (elapsed / 1e9);
    }

    /**
     * gzip level 6 and LZ4 block rows on {@link MixedData}, in MB/s of uncompressed bytes. Every
     * operation is checked to round-trip before it is timed.
     */
    private void compressionRows(long nanos) throws Exception {
        int n = compressSize;
        byte[] data = MixedData.build(n);
        byte[] back = new byte[n];

        byte[] fz = new byte[Deflate.GZIP.maxCompressedLength(n)];
        int fzLen = Deflate.GZIP.compress(data, 0, n, fz, 0, fz.length, 6);
        JdkGzip jdk = new JdkGzip(n);
        int jzLen = jdk.compress(data);
        byte[] jz = Arrays.copyOf(jdk.out, jzLen);
        check(Deflate.GZIP.decompress(fz, 0, fzLen, back, 0, n), data, back, "ferric gzip");
        check(jdk.decompress(jz, jzLen, back), data, back, "java.util.zip gzip");

        byte[] lz = new byte[Lz4.fastCompressor().maxCompressedLength(n)];
        int lzLen = Lz4.fastCompressor().compress(data, 0, n, lz, 0, lz.length);
        check(Lz4.safeDecompressor().decompress(lz, 0, lzLen, back, 0, n), data, back, "ferric LZ4");

        System.out.printf("%ncompression: %s of mixed data (prose, JSON log lines, binary records, random), MB/s of uncompressed bytes%n", human(n));
        System.out.println(String.format("%-22s", "operation") + String.format(" %22s %22s", "ferric", "java.util.zip"));
        row("gzip -6 compress", n, opsPerSecond(() -> Deflate.GZIP.compress(data, 0, n, fz, 0, fz.length, 6), nanos),
                opsPerSecond(() -> jdk.compress(data), nanos));
        row("gzip decompress", n, opsPerSecond(() -> Deflate.GZIP.decompress(fz, 0, fzLen, back, 0, n), nanos),
                opsPerSecond(() -> jdk.decompress(jz, jzLen, back), nanos));
        row("LZ4 block compress", n, opsPerSecond(() -> Lz4.fastCompressor().compress(data, 0, n, lz, 0, lz.length), nanos), 0);
        row("LZ4 block decompress", n, opsPerSecond(() -> Lz4.safeDecompressor().decompress(lz, 0, lzLen, back, 0, n), nanos), 0);
        System.out.printf("compressed sizes: gzip -6 ferric %d bytes (%.1f%%), java.util.zip %d bytes (%.1f%%); LZ4 block %d bytes (%.1f%%)%n",
                fzLen, 100.0 * fzLen / n, jzLen, 100.0 * jzLen / n, lzLen, 100.0 * lzLen / n);
    }

    private static void check(int len, byte[] data, byte[] back, String what) {
        if (len != data.length || !Arrays.equals(data, back)) throw new IllegalStateException(what + " did not round-trip the bench data");
        Arrays.fill(back, (byte) 0);
    }

    /** One table row; {@code jdkOps} 0 means java.util.zip has no such codec. */
    private static void row(String name, int bytes, double ferricOps, double jdkOps) {
        String jdk = jdkOps == 0 ? "-" : String.format("%.0f (%.1fx)", jdkOps * bytes / 1e6, ferricOps / jdkOps);
        System.out.println(String.format("%-22s", name) + String.format(" %22s %22s", String.format("%.0f", ferricOps * bytes / 1e6), jdk));
    }

    /**
     * gzip with {@code java.util.zip} into and out of caller buffers, as ferric's one-shot calls are
     * measured: a raw {@link java.util.zip.Deflater}/{@link java.util.zip.Inflater} (reused), the 10-byte
     * header and the CRC-32 and length trailer.
     */
    static final class JdkGzip {
        private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255};
        final byte[] out;
        private final java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, true);
        private final java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        private final CRC32 crc = new CRC32();

        JdkGzip(int maxInput) {
            out = new byte[maxInput + maxInput / 1000 + 1024];
        }

        int compress(byte[] in) {
            deflater.reset();
            deflater.setInput(in);
            deflater.finish();
            System.arraycopy(HEADER, 0, out, 0, HEADER.length);
            int n = HEADER.length;
            while (!deflater.finished()) n += deflater.deflate(out, n, out.length - 8 - n);
            crc.reset();
            crc.update(in, 0, in.length);
            putIntLe(out, n, (int) crc.getValue());
            putIntLe(out, n + 4, in.length);
            return n + 8;
        }

        int decompress(byte[] gz, int len, byte[] dst) throws DataFormatException {
            inflater.reset();
            inflater.setInput(gz, HEADER.length, len - HEADER.length - 8);
            int n = 0;
            while (!inflater.finished() && n < dst.length) n += inflater.inflate(dst, n, dst.length - n);
            crc.reset();
            crc.update(dst, 0, n);
            if ((int) crc.getValue() != getIntLe(gz, len - 8) || n != getIntLe(gz, len - 4)) throw new DataFormatException("Corrupt GZIP trailer");
            return n;
        }

        private static void putIntLe(byte[] b, int at, int v) {
            for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (8 * i));
        }

        private static int getIntLe(byte[] b, int at) {
            return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
        }
    }
}
