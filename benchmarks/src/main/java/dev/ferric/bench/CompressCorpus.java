package dev.ferric.bench;

import dev.ferric.compress.Deflate;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.SplittableRandom;

/**
 * The compression benchmark corpus: 16 MiB, generated deterministically (same bytes on every machine and
 * JDK), mixing what services compress: prose and source-like text, JSON log lines with varied fields,
 * structured binary records and incompressible bytes. Run {@code main} (or
 * {@code benchmarks/compress-corpus.sh}) to write it to a file and print its composition and the
 * compressed sizes at every level.
 */
public final class CompressCorpus {
    /** Total size. */
    public static final int SIZE = 16 << 20;
    private static final String[] WORDS = ("the of and to in is that for it as with was on be by this are or his from at which but have an not "
            + "they had were all their one has been would there more will when some what can other into could time only new these "
            + "compression stream buffer native memory window block length offset literal match header trailer checksum").split(" ");
    private static final String[] CODE = {
        "    public static int %s(byte[] in, int off, int len) {\n", "        if (len < 0) throw new IllegalArgumentException(\"len\");\n",
        "        for (int i = off; i < off + len; i++) {\n", "            h = h * 31 + (in[i] & 0xff);\n", "        }\n", "        return %s;\n",
        "    }\n\n", "    // %s keeps the window between calls\n", "    private final long %s = 0L;\n"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
    private static final String[] PATHS = {"/api/v1/orders", "/api/v1/users/%d", "/health", "/api/v2/search?q=%s", "/static/app.%s.js"};

    private CompressCorpus() {}

    /** The corpus: 6 MiB text (prose and code), 6 MiB JSON logs, 2 MiB binary records, 2 MiB random. */
    public static byte[] build() {
        SplittableRandom r = new SplittableRandom(20261126);
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE);
        fill(out, 6 << 20, () -> text(r));
        fill(out, 12 << 20, () -> json(r));
        fill(out, 14 << 20, () -> binary(r));
        byte[] noise = new byte[SIZE - out.size()];
        for (int i = 0; i < noise.length; i++) noise[i] = (byte) r.nextInt(256);
        out.write(noise, 0, noise.length);
        return out.toByteArray();
    }

    private static void fill(ByteArrayOutputStream out, int upTo, java.util.function.Supplier<byte[]> part) {
        while (out.size() < upTo) {
            byte[] b = part.get();
            out.write(b, 0, Math.min(b.length, upTo - out.size()));
        }
    }

    private static String word(SplittableRandom r) {
        // Zipf-like: low indexes far more frequent, as in natural text.
        double u = r.nextDouble();
        return WORDS[(int) (WORDS.length * u * u * u)];
    }

    private static byte[] text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(3) == 0) {
            for (int i = 0; i < 30; i++) sb.append(String.format(CODE[r.nextInt(CODE.length)], word(r) + r.nextInt(100)));
        } else {
            for (int s = 0; s < 8; s++) {
                int n = 5 + r.nextInt(20);
                for (int i = 0; i < n; i++) sb.append(i == 0 ? capital(word(r)) : word(r)).append(i == n - 1 ? ". " : " ");
            }
            sb.append("\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static long clock = 1_764_000_000_000L;

    private static byte[] json(SplittableRandom r) {
        clock += r.nextInt(50);
        String path = String.format(PATHS[r.nextInt(PATHS.length)], r.nextInt(100_000), Long.toHexString(r.nextLong()).substring(0, 8));
        String line = "{\"ts\":" + clock + ",\"level\":\"" + LEVELS[r.nextInt(LEVELS.length)] + "\",\"service\":\"checkout-" + r.nextInt(12)
                + "\",\"trace\":\"" + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong()) + "\",\"method\":\"" + (r.nextInt(4) == 0 ? "POST" : "GET")
                + "\",\"path\":\"" + path + "\",\"status\":" + (r.nextInt(20) == 0 ? 500 : 200) + ",\"latency_ms\":" + String.format("%.3f", r.nextDouble() * 250)
                + ",\"user\":" + r.nextInt(1_000_000) + ",\"msg\":\"" + word(r) + " " + word(r) + " " + word(r) + "\"}\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binary(SplittableRandom r) {
        // 4 KiB of 32-byte sensor records: id, timestamp, three floats drifting slowly, flags.
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int id = r.nextInt(64);
        float t = 20 + r.nextInt(10);
        while (b.remaining() >= 32) {
            clock += 1000;
            t += (float) (r.nextDouble() - 0.5) * 0.1f;
            b.putInt(id).putLong(clock).putFloat(t).putFloat(t * 1.8f + 32).putFloat((float) r.nextDouble()).putInt(r.nextInt(4)).putInt(0);
        }
        return b.array();
    }

    /** Writes the corpus to {@code args[0]} and prints its composition and sizes per level. */
    public static void main(String[] args) throws Exception {
        byte[] c = build();
        if (args.length > 0) Files.write(Paths.get(args[0]), c);
        System.out.println("corpus: " + c.length + " bytes = 6 MiB text (prose + Java-like code), 6 MiB JSON log lines, 2 MiB binary records, 2 MiB random");
        System.out.println("level  ferric-gzip-bytes  jdk-deflater-bytes  ferric/jdk  ferric-ms  jdk-ms   (single-shot best of 3, not JMH)");
        for (int level = 0; level <= 9; level++) {
            long fBest = Long.MAX_VALUE, jBest = Long.MAX_VALUE;
            int fSize = 0, jSize = 0;
            byte[] out = new byte[Deflate.GZIP.maxCompressedLength(c.length)];
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                fSize = Deflate.GZIP.compress(c, 0, c.length, out, 0, out.length, level);
                long t1 = System.nanoTime();
                java.util.zip.Deflater d = new java.util.zip.Deflater(level, true);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(c, 0, c.length);
                d.setInput(c);
                d.finish();
                jSize = 18;
                while (!d.finished()) jSize += d.deflate(out);
                d.end();
                long t2 = System.nanoTime();
                fBest = Math.min(fBest, t1 - t0);
                jBest = Math.min(jBest, t2 - t1);
            }
            System.out.printf("%5d  %17d  %18d  %10.4f  %9.1f  %6.1f%n", level, fSize, jSize, (double) fSize / jSize, fBest / 1e6, jBest / 1e6);
        }
    }
}
