package dev.ferric.cli;

import dev.ferric.regex.Regex;
import dev.ferric.vectors.ElementType;
import dev.ferric.vectors.FlatIndex;
import dev.ferric.vectors.Metric;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regex and vector-search rows of {@code ferric bench}: ferric against the pure-Java code users
 * would otherwise run ({@code java.util.regex}; a scalar loop with a top-k selection). Every pair of
 * contenders is checked to agree before it is timed.
 */
final class KernelRows {
    private KernelRows() {}

    static final String[] PATTERNS = {"\"status\":500", "(?i)error|warn", "\"trace\":\"[0-9a-f]{12,}\"", "\\b\\d{6}\\b"};

    /** Counting all matches of a few log-search patterns in {@code size} bytes of prose and JSON lines. */
    static void regex(int size, long nanos) throws Exception {
        byte[] all = MixedData.build(size * 2); // its first half is prose and JSON log lines (ASCII)
        byte[] bytes = Arrays.copyOf(all, size);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        System.out.printf("%nregex: count all matches in %s of prose and JSON log lines, MB/s of input%n", BenchCommand.human(size));
        System.out.println(String.format("%-28s", "pattern") + String.format(" %16s %16s %22s", "ferric byte[]", "ferric String", "java.util.regex"));
        for (String p : PATTERNS) {
            try (Regex re = Regex.compile(p)) {
                Pattern jdk = Pattern.compile(p);
                int want = jdkCount(jdk, text);
                if (re.count(bytes) != want || re.count(text) != want) throw new IllegalStateException("engines disagree on " + p);
                double b = BenchCommand.opsPerSecond(() -> re.count(bytes), nanos);
                double s = BenchCommand.opsPerSecond(() -> re.count(text), nanos);
                double j = BenchCommand.opsPerSecond(() -> jdkCount(jdk, text), nanos);
                System.out.println(String.format("%-28s", p) + String.format(" %16.0f %16.0f %22s", b * size / 1e6, s * size / 1e6,
                        String.format("%.0f (%.1fx)", j * size / 1e6, s / j)));
            }
        }
        String as = new String(new char[1000]).replace('\0', 'a');
        try (Regex re = Regex.compile("(a+)+b")) {
            Pattern jdk = Pattern.compile("(a+)+b");
            double f = BenchCommand.opsPerSecond(() -> re.isMatch(as), nanos);
            double j = BenchCommand.opsPerSecond(() -> jdk.matcher(as).find(), nanos);
            System.out.printf("%-28s %16s %16.1f %22s%n", "(a+)+b on 1,000 a's, µs", "", 1e6 / f, String.format("%.1f (%.0fx)", 1e6 / j, f / j));
        }
        System.out.println("(java.util.regex's (Nx): how many times faster ferric's String API is.)");
    }

    private static int jdkCount(Pattern p, String text) {
        int n = 0;
        for (Matcher m = p.matcher(text); m.find(); ) n++;
        return n;
    }

    /**
     * Exact top-10 over {@code count} random vectors of dimension 768: by dot product for float32 and
     * int8, by Hamming distance for 768-bit binary vectors.
     */
    static void vectors(int count, long nanos) throws Exception {
        final int dim = 768;
        final int k = 10;
        SplittableRandom r = new SplittableRandom(9);
        float[] f = new float[count * dim];
        for (int i = 0; i < f.length; i++) f[i] = (float) (r.nextDouble() * 2 - 1);
        byte[] b = new byte[count * dim];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (r.nextInt(256) - 128);
        float[] fq = Arrays.copyOfRange(f, 0, dim);
        byte[] bq = Arrays.copyOfRange(b, dim, 2 * dim);
        int[] ids = new int[k];
        float[] scores = new float[k];
        TopK top = new TopK(k);
        byte[] bits = Arrays.copyOf(b, count * dim / 8);
        byte[] bitsQ = Arrays.copyOfRange(b, 2 * dim, 2 * dim + dim / 8);
        long[] words = longs(bits);
        long[] wordsQ = longs(bitsQ);
        System.out.printf("%nvector search: exact top-%d (dot product; binary: Hamming), %,d vectors of dimension %d, searches per second%n", k, count, dim);
        System.out.println(String.format("%-28s", "element type") + String.format(" %16s %22s", "ferric", "scalar Java loop"));
        try (FlatIndex fi = new FlatIndex(dim, Metric.DOT_PRODUCT, ElementType.FLOAT32);
             FlatIndex bi = new FlatIndex(dim, Metric.DOT_PRODUCT, ElementType.INT8);
             FlatIndex hi = new FlatIndex(dim, Metric.HAMMING, ElementType.BINARY)) {
            fi.add(f);
            bi.add(b);
            hi.add(bits);
            fi.search(fq, k, ids, scores);
            javaFloat(f, fq, dim, top);
            if (ids[0] != top.ids[0]) throw new IllegalStateException("float32 top-1 differs: " + ids[0] + " vs " + top.ids[0]);
            bi.search(bq, k, ids, scores);
            javaInt8(b, bq, dim, top);
            if (ids[0] != top.ids[0]) throw new IllegalStateException("int8 top-1 differs: " + ids[0] + " vs " + top.ids[0]);
            hi.search(bitsQ, k, ids, scores);
            javaHamming(words, wordsQ, top);
            if (ids[0] != top.ids[0]) throw new IllegalStateException("binary top-1 differs: " + ids[0] + " vs " + top.ids[0]);
            row("float32", BenchCommand.opsPerSecond(() -> fi.search(fq, k, ids, scores), nanos),
                    BenchCommand.opsPerSecond(() -> javaFloat(f, fq, dim, top), nanos));
            row("int8", BenchCommand.opsPerSecond(() -> bi.search(bq, k, ids, scores), nanos),
                    BenchCommand.opsPerSecond(() -> javaInt8(b, bq, dim, top), nanos));
            row("binary", BenchCommand.opsPerSecond(() -> hi.search(bitsQ, k, ids, scores), nanos),
                    BenchCommand.opsPerSecond(() -> javaHamming(words, wordsQ, top), nanos));
        }
    }

    private static long[] longs(byte[] b) {
        long[] w = new long[b.length / 8];
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(w);
        return w;
    }

    /** 64 bits at a time with {@code Long.bitCount} (a popcnt intrinsic); smaller distance ranks higher. */
    static void javaHamming(long[] v, long[] q, TopK top) {
        top.clear();
        for (int id = 0, base = 0; base < v.length; id++, base += q.length) {
            int d = 0;
            for (int i = 0; i < q.length; i++) d += Long.bitCount(v[base + i] ^ q[i]);
            top.offer(id, -d);
        }
    }

    private static void row(String name, double ferric, double java) {
        System.out.println(String.format("%-28s", name) + String.format(" %16.1f %22s", ferric, String.format("%.1f (%.1fx)", java, ferric / java)));
    }

    /** The best scalar loop Java 8-17 offers: four partial sums, then the top-k insert. */
    static void javaFloat(float[] v, float[] q, int dim, TopK top) {
        top.clear();
        for (int id = 0, base = 0; base < v.length; id++, base += dim) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < dim; i += 4) {
                s0 += v[base + i] * q[i];
                s1 += v[base + i + 1] * q[i + 1];
                s2 += v[base + i + 2] * q[i + 2];
                s3 += v[base + i + 3] * q[i + 3];
            }
            top.offer(id, (s0 + s1) + (s2 + s3));
        }
    }

    static void javaInt8(byte[] v, byte[] q, int dim, TopK top) {
        top.clear();
        for (int id = 0, base = 0; base < v.length; id++, base += dim) {
            int s = 0;
            for (int i = 0; i < dim; i++) s += v[base + i] * q[i];
            top.offer(id, s);
        }
    }

    /** The k best (largest) scores seen, ties to the smaller id, kept sorted. */
    static final class TopK {
        final int[] ids;
        final float[] scores;
        int size;

        TopK(int k) {
            ids = new int[k];
            scores = new float[k];
        }

        void clear() {
            size = 0;
        }

        void offer(int id, float score) {
            int k = ids.length;
            if (size == k && score <= scores[k - 1]) return;
            int i = size == k ? k - 1 : size++;
            while (i > 0 && scores[i - 1] < score) {
                scores[i] = scores[i - 1];
                ids[i] = ids[i - 1];
                i--;
            }
            scores[i] = score;
            ids[i] = id;
        }
    }
}
