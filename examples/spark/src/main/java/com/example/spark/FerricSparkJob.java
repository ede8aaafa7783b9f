package com.example.spark;

import dev.ferric.Ferric;
import dev.ferric.blake3.Blake3;
import dev.ferric.compress.GzipOutputStream;
import dev.ferric.regex.Regex;
import dev.ferric.vectors.ElementType;
import dev.ferric.vectors.FlatIndex;
import dev.ferric.vectors.Metric;
import dev.ferric.vectors.SearchResult;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs four kinds of per-record work on Spark executors with ferric and with the JDK alone, checks that
 * the results agree and prints the time of each stage for both.
 *
 * <ol>
 *   <li>hash: BLAKE3 vs SHA-256, once per row and once per partition;
 *   <li>regex: a ferric {@link Regex} (compiled once per executor JVM) vs {@link Pattern}, filtering
 *       row by row and counting matches in each partition's text with one call;
 *   <li>gzip: each partition written through ferric's {@link GzipOutputStream} vs the JDK's, a row
 *       at a time and in 64 KiB blocks;
 *   <li>top-k: exact nearest neighbours of a query set among vectors broadcast to the executors,
 *       {@link FlatIndex#searchBatch} vs a scalar loop.
 * </ol>
 *
 * <p>First it checks that every executor JVM loaded ferric from the expected cache directory and
 * prints where from. Exits non-zero (an exception out of {@code main}) when an executor did not load
 * ferric or two results that must agree differ.
 *
 * <pre>
 * spark-submit --jars ferric.jar,ferric-native-linux-x86_64.jar --class com.example.spark.FerricSparkJob \
 *     ferric-spark-example-1.0.0.jar INPUT OUT_DIR CACHE_DIR EXECUTORS [PARTITIONS [ROUNDS]]
 * </pre>
 *
 * INPUT is a text file (one record a line), OUT_DIR an empty directory the executors can write to
 * (the gzip stage leaves each partition there, as ferric/part-N.gz and jdk/part-N.gz), CACHE_DIR the
 * directory every executor must have loaded its library from, EXECUTORS how many executors to expect.
 */
public final class FerricSparkJob {
    /** Matches the same lines in both engines: ASCII classes only, no look-around, no back-references. */
    static final String PATTERN = "level=(ERROR|WARN) .*latency=[0-9]{3,} ms";

    static final int DIM = 128;
    static final int BASE_VECTORS = 10_000;
    static final int QUERIES = 1_000;
    static final int K = 10;

    /** BLAKE3 of the empty input, from the BLAKE3 specification's test vectors. */
    static final String BLAKE3_OF_NOTHING = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";

    private FerricSparkJob() {}

    /** Compiled once per executor JVM, on first use, and shared by its task threads (a Regex is immutable). */
    static final class FerricPattern {
        static final Regex REGEX = Regex.compile(PATTERN);
    }

    /** The baseline's, held the same way. */
    static final class JdkPattern {
        static final Pattern PATTERN = Pattern.compile(FerricSparkJob.PATTERN);
    }

    /**
     * One index per executor JVM and broadcast, built from the broadcast on first use and kept for the
     * life of the executor (an application that drops the broadcast would close its index too).
     */
    static final class Indexes {
        private static final Map<Long, FlatIndex> BY_BROADCAST = new ConcurrentHashMap<>();

        static FlatIndex of(Broadcast<float[]> base) {
            return BY_BROADCAST.computeIfAbsent(base.id(), id -> {
                FlatIndex index = new FlatIndex(DIM, Metric.DOT_PRODUCT, ElementType.FLOAT32);
                index.add(base.value());
                return index;
            });
        }
    }

    /** A query vector and its number. */
    record Query(int id, float[] vector) implements Serializable {}

    /** The top k of one query: ids best first, and their scores. */
    record Hits(int query, int[] ids, float[] scores) implements Serializable {}

    /** What one partition of the gzip stage wrote, and what was wrong if the file did not read back to its rows. */
    record Written(int partition, long rawBytes, long gzipBytes, String problem) implements Serializable {}

    /** One stage's figures: wall time of its Spark jobs on the driver, and time spent in the work inside tasks. */
    record Timing(long jobNanos, long taskNanos) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                    "usage: FerricSparkJob INPUT OUT_DIR CACHE_DIR EXECUTORS [PARTITIONS [ROUNDS]]");
        }
        String input = args[0];
        Path out = Paths.get(args[1]).toAbsolutePath();
        Path cacheDir = Paths.get(args[2]).toAbsolutePath();
        int executors = Integer.parseInt(args[3]);
        int partitions = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;

        SparkConf conf = new SparkConf().setAppName("ferric on Spark");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            List<String> probes = checkExecutors(sc, executors, cacheDir);
            probes.forEach(System.out::println);

            JavaRDD<String> lines = sc.textFile(input, partitions).cache();
            long rows = lines.count();
            long distinctRows = lines.distinct().count();
            long bytes = lines.map(l -> (long) l.getBytes(StandardCharsets.UTF_8).length + 1).reduce(Long::sum);

            Random random = new Random(20261206);
            Broadcast<float[]> base = sc.broadcast(integerVectors(random, BASE_VECTORS));
            float[] queryData = integerVectors(random, QUERIES);
            List<Query> queryList = IntStream.range(0, QUERIES)
                    .mapToObj(q -> new Query(q, Arrays.copyOfRange(queryData, q * DIM, (q + 1) * DIM)))
                    .collect(Collectors.toList());
            JavaRDD<Query> queries = sc.parallelize(queryList, partitions).cache();
            queries.count();

            Map<String, Timing[]> best = new LinkedHashMap<>();
            List<String> partitionLines = List.of();
            for (int round = 0; round < rounds; round++) {
                Stages s = new Stages(sc);

                long[] hashF = s.time("hash, per row", true, () -> new long[] {distinctDigestsPerRow(lines, s.acc, true)});
                long[] hashJ = s.time("hash, per row", false, () -> new long[] {distinctDigestsPerRow(lines, s.acc, false)});
                agree("hash, per row: distinct digests", hashF[0], hashJ[0]);
                agree("hash, per row: distinct digests vs distinct rows", hashF[0], distinctRows);

                List<String> partF = s.time("hash, per partition", true, () -> digestsPerPartition(lines, s.acc, true));
                List<String> partJ = s.time("hash, per partition", false, () -> digestsPerPartition(lines, s.acc, false));
                agree("hash, per partition: partitions", partF.size(), partJ.size());
                partitionLines = joinDigests(partF, partJ);

                long[] regexF = s.time("regex filter, per row", true, () -> filter(lines, s.acc, true));
                long[] regexJ = s.time("regex filter, per row", false, () -> filter(lines, s.acc, false));
                agree("regex filter: matching rows", regexF[0], regexJ[0]);
                agree("regex filter: sum of matching rows' hash codes", regexF[1], regexJ[1]);
                long countF = s.time("regex count, per partition", true, () -> countMatches(lines, s.acc, true));
                long countJ = s.time("regex count, per partition", false, () -> countMatches(lines, s.acc, false));
                agree("regex count: matches", countF, countJ);
                agree("regex count: matches vs matching rows", countF, regexF[0]);
                if (regexF[0] == 0 || regexF[0] == rows) {
                    throw new IllegalStateException("regex filter: " + regexF[0] + " of " + rows
                            + " rows match; the input should have some of both");
                }

                Path roundOut = out.resolve("round-" + round);
                long[] rowsF = s.time("gzip, row by row", true, () -> gzip(lines, roundOut, s.acc, true, false));
                long[] rowsJ = s.time("gzip, row by row", false, () -> gzip(lines, roundOut, s.acc, false, false));
                long[] gzF = s.time("gzip, 64 KiB blocks", true, () -> gzip(lines, roundOut, s.acc, true, true));
                long[] gzJ = s.time("gzip, 64 KiB blocks", false, () -> gzip(lines, roundOut, s.acc, false, true));
                for (long[] in : List.of(rowsF, rowsJ, gzF, gzJ)) agree("gzip: bytes in vs rows", in[0], bytes);

                List<Hits> topF = s.time("top-k search, per partition", true, () -> search(queries, base, s.acc, true));
                List<Hits> topJ = s.time("top-k search, per partition", false, () -> search(queries, base, s.acc, false));
                agreeHits(topF, topJ);

                s.timings.forEach((stage, t) -> best.merge(stage, t, FerricSparkJob::faster));
                if (round == 0) {
                    System.out.printf(Locale.ROOT, "gzip: %d bytes in, ferric %d bytes out, JDK %d bytes out%n",
                            gzF[0], gzF[1], gzJ[1]);
                    System.out.printf(Locale.ROOT, "regex filter: %d of %d rows match%n", regexF[0], rows);
                }
            }
            partitionLines.forEach(System.out::println);

            System.out.println();
            System.out.printf(Locale.ROOT, "%-30s %14s %14s %16s %16s%n",
                    "stage", "ferric job ms", "JDK job ms", "ferric task ms", "JDK task ms");
            best.forEach((stage, t) -> System.out.printf(Locale.ROOT, "%-30s %14.1f %14.1f %16.1f %16.1f%n",
                    stage, t[0].jobNanos / 1e6, t[1].jobNanos / 1e6, t[0].taskNanos / 1e6, t[1].taskNanos / 1e6));
            System.out.printf(Locale.ROOT,
                    "Spark %s, driver Java %s, %d executors, %d rows (%d bytes) in %d partitions, best of %d rounds;"
                            + " job ms: wall time of the stage's Spark jobs, task ms: time in the work summed over tasks%n",
                    sc.version(), System.getProperty("java.version"), executors, rows, bytes,
                    lines.getNumPartitions(), rounds);
            System.out.println("OK: every stage's results agree, every executor loaded ferric");
        }
    }

    /** Times one stage's Spark jobs for one side and keeps the figures. */
    static final class Stages {
        final Map<String, Timing[]> timings = new LinkedHashMap<>();
        final LongAccumulator acc;

        Stages(JavaSparkContext sc) {
            acc = sc.sc().longAccumulator();
        }

        interface Work<T> {
            T run() throws Exception;
        }

        <T> T time(String stage, boolean ferric, Work<T> work) throws Exception {
            acc.reset();
            long t0 = System.nanoTime();
            T result = work.run();
            long job = System.nanoTime() - t0;
            timings.computeIfAbsent(stage, k -> new Timing[2])[ferric ? 0 : 1] = new Timing(job, acc.value());
            return result;
        }
    }

    static Timing[] faster(Timing[] a, Timing[] b) {
        Timing[] r = new Timing[2];
        for (int i = 0; i < 2; i++) {
            r[i] = new Timing(Math.min(a[i].jobNanos, b[i].jobNanos), Math.min(a[i].taskNanos, b[i].taskNanos));
        }
        return r;
    }

    // ---------------------------------------------------------------- executors

    /**
     * Asks every executor JVM whether ferric loaded and from where (the health probe of docs/spark.md),
     * and fails unless {@code executors} distinct executors answered, each with ferric loaded from
     * inside {@code cacheDir} and hashing a known input right.
     */
    static List<String> checkExecutors(JavaSparkContext sc, int executors, Path cacheDir) {
        Map<String, String[]> byExecutor = new TreeMap<>();
        int tasks = executors * 8;
        // Tasks go to whichever executor has a free core, so ask until each has answered.
        for (int attempt = 0; attempt < 20 && byExecutor.size() < executors; attempt++) {
            List<Integer> seeds = IntStream.range(0, tasks).boxed().collect(Collectors.toList());
            for (String[] p : sc.parallelize(seeds, tasks).map(i -> probe()).collect()) {
                byExecutor.put(p[0], p);
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String[] p : byExecutor.values()) {
            // executor id, pid, host, java version, available, loaded from, load ms, native version,
            // BLAKE3 of nothing, native-access flag, cause, call path
            lines.add(String.format(Locale.ROOT,
                    "executor %s: pid %s on %s, Java %s: ferric %s %s, loaded from %s in %s ms; %s; calls: %s",
                    p[0], p[1], p[2], p[3], p[7], "true".equals(p[4]) ? "available" : "NOT available", p[5], p[6],
                    p[9], p[11]));
            if (!"true".equals(p[4])) {
                problems.add("executor " + p[0] + " (pid " + p[1] + ") did not load ferric: " + p[10]);
            } else if (!Paths.get(p[5]).toAbsolutePath().startsWith(cacheDir)) {
                problems.add("executor " + p[0] + " loaded " + p[5] + ", not from the cache directory " + cacheDir);
            } else if (!BLAKE3_OF_NOTHING.equals(p[8])) {
                problems.add("executor " + p[0] + " hashed the empty input to " + p[8] + ", not " + BLAKE3_OF_NOTHING);
            } else if (!Ferric.version().equals(p[7])) {
                problems.add("executor " + p[0] + " loaded native version " + p[7] + ", not " + Ferric.version());
            }
        }
        if (byExecutor.size() != executors) {
            problems.add(byExecutor.size() + " executors answered, expected " + executors);
        }
        if (!problems.isEmpty()) {
            lines.forEach(System.err::println);
            throw new IllegalStateException("executor check failed:\n  " + String.join("\n  ", problems));
        }
        return lines;
    }

    /** Runs on an executor: who it is and what ferric's loader did there. */
    static String[] probe() throws IOException {
        boolean available = Ferric.isAvailable();
        var report = Ferric.loadReport();
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return new String[] {
            SparkEnv.get().executorId(),
            Long.toString(ProcessHandle.current().pid()),
            InetAddress.getLocalHost().getHostName(),
            System.getProperty("java.version"),
            Boolean.toString(available),
            String.valueOf(report.loadedFrom()),
            Long.toString(report.durationNanos() / 1_000_000),
            String.valueOf(Ferric.nativeVersion()),
            available ? Blake3.hashHex(new byte[0]) : "-",
            jvmArgs.stream().filter(a -> a.startsWith("--enable-native-access")).findFirst().orElse("no --enable-native-access"),
            available ? "" : String.valueOf(Ferric.unavailabilityCause()),
            // the "calls" line of ferric doctor: whether the multi-release jar's FFM path is in use
            dev.ferric.internal.FastPath.describe(),
        };
    }

    // ---------------------------------------------------------------- stages

    /** Hashes each row on its own and counts the distinct digests (equal to the distinct rows for both). */
    static long distinctDigestsPerRow(JavaRDD<String> lines, LongAccumulator acc, boolean ferric) {
        return lines.mapPartitions((Iterator<String> it) -> {
            List<byte[]> rows = new ArrayList<>();
            it.forEachRemaining(l -> rows.add(l.getBytes(StandardCharsets.UTF_8)));
            // Both write each digest into one array: no allocation per row on either side.
            byte[] digests = new byte[rows.size() * 32];
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long t0 = System.nanoTime();
            for (int i = 0; i < rows.size(); i++) {
                byte[] row = rows.get(i);
                if (ferric) {
                    Blake3.hash(row, 0, row.length, digests, i * 32);
                } else {
                    sha.update(row);
                    sha.digest(digests, i * 32, 32);
                }
            }
            acc.add(System.nanoTime() - t0);
            List<String> hex = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) hex.add(HexFormat.of().formatHex(digests, i * 32, i * 32 + 32));
            return hex.iterator();
        }).distinct().count();
    }

    /** One digest per partition over its rows, each followed by a newline: "index digest". */
    static List<String> digestsPerPartition(JavaRDD<String> lines, LongAccumulator acc, boolean ferric) {
        return lines.mapPartitionsWithIndex((Integer index, Iterator<String> it) -> {
            List<byte[]> rows = new ArrayList<>();
            it.forEachRemaining(l -> rows.add(l.getBytes(StandardCharsets.UTF_8)));
            byte[] data = lines(rows);
            long t0 = System.nanoTime();
            byte[] digest = ferric ? Blake3.hash(data) : MessageDigest.getInstance("SHA-256").digest(data);
            acc.add(System.nanoTime() - t0);
            return Collections.singletonList(index + " " + data.length + " " + HexFormat.of().formatHex(digest)).iterator();
        }, true).collect();
    }

    /** Counts the rows the pattern finds a match in, and sums their hash codes. */
    static long[] filter(JavaRDD<String> lines, LongAccumulator acc, boolean ferric) {
        return lines.mapPartitions((Iterator<String> it) -> {
            List<String> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            long count = 0;
            long hashes = 0;
            long t0 = System.nanoTime();
            for (String row : rows) {
                if (ferric ? FerricPattern.REGEX.isMatch(row) : JdkPattern.PATTERN.matcher(row).find()) {
                    count++;
                    hashes += row.hashCode();
                }
            }
            acc.add(System.nanoTime() - t0);
            return Collections.singletonList(new long[] {count, hashes}).iterator();
        }).reduce((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }

    /**
     * Counts the matches in each partition's text, one call per partition. The pattern cannot cross a
     * newline ({@code .} does not match one), so this equals the number of matching rows.
     */
    static long countMatches(JavaRDD<String> lines, LongAccumulator acc, boolean ferric) {
        return lines.mapPartitions((Iterator<String> it) -> {
            List<byte[]> rows = new ArrayList<>();
            it.forEachRemaining(l -> rows.add(l.getBytes(StandardCharsets.UTF_8)));
            byte[] data = lines(rows);
            String text = ferric ? null : new String(data, StandardCharsets.UTF_8);
            long count = 0;
            long t0 = System.nanoTime();
            if (ferric) {
                count = FerricPattern.REGEX.count(data);
            } else {
                java.util.regex.Matcher m = JdkPattern.PATTERN.matcher(text);
                while (m.find()) count++;
            }
            acc.add(System.nanoTime() - t0);
            return Collections.singletonList(count).iterator();
        }).reduce(Long::sum);
    }

    /**
     * Writes each partition's rows through a gzip stream to {@code out/<ferric|jdk>-<rows|blocks>/part-N.gz},
     * each row handed to the stream on its own or, if {@code blocks}, gathered into 64 KiB writes by a
     * {@link BufferedOutputStream}; then reads the file back with the JDK's decoder and compares it with
     * the rows. Returns bytes in, bytes out.
     */
    static long[] gzip(JavaRDD<String> lines, Path out, LongAccumulator acc, boolean ferric, boolean blocks) {
        String side = (ferric ? "ferric" : "jdk") + (blocks ? "-blocks" : "-rows");
        String dir = out.resolve(side).toString();
        List<Written> written = lines.mapPartitionsWithIndex((Integer index, Iterator<String> it) -> {
            List<byte[]> rows = new ArrayList<>();
            it.forEachRemaining(l -> rows.add(l.getBytes(StandardCharsets.UTF_8)));
            Path file = Paths.get(dir, String.format(Locale.ROOT, "part-%05d.gz", index));
            Files.createDirectories(file.getParent());
            long t0 = System.nanoTime();
            OutputStream gzip = ferric ? new GzipOutputStream(Files.newOutputStream(file))
                                       : new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024);
            try (OutputStream gz = blocks ? new BufferedOutputStream(gzip, 64 * 1024) : gzip) {
                for (byte[] row : rows) {
                    gz.write(row);
                    gz.write('\n');
                }
            }
            acc.add(System.nanoTime() - t0);
            byte[] expected = lines(rows);
            byte[] back;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                back = in.readAllBytes();
            }
            String problem = Arrays.equals(expected, back) ? null : file + " does not read back to the partition's rows";
            return Collections.singletonList(new Written(index, expected.length, Files.size(file), problem)).iterator();
        }, true).collect();
        long in = 0;
        long gz = 0;
        for (Written w : written) {
            if (w.problem() != null) throw new IllegalStateException("gzip (" + side + "): " + w.problem());
            in += w.rawBytes();
            gz += w.gzipBytes();
        }
        return new long[] {in, gz};
    }

    /** The top K of every query among the broadcast vectors, by dot product. */
    static List<Hits> search(JavaRDD<Query> queries, Broadcast<float[]> base, LongAccumulator acc, boolean ferric) {
        return queries.mapPartitions((Iterator<Query> it) -> {
            List<Query> qs = new ArrayList<>();
            it.forEachRemaining(qs::add);
            List<Hits> hits = new ArrayList<>(qs.size());
            if (qs.isEmpty()) return hits.iterator();
            long t0 = System.nanoTime();
            if (ferric) {
                FlatIndex index = Indexes.of(base);
                float[][] batch = qs.stream().map(Query::vector).toArray(float[][]::new);
                SearchResult[] results = index.searchBatch(batch, K);
                for (int i = 0; i < results.length; i++) {
                    hits.add(new Hits(qs.get(i).id(), results[i].ids(), results[i].scores()));
                }
            } else {
                float[] vectors = base.value();
                for (Query q : qs) hits.add(scalarTopK(q, vectors));
            }
            acc.add(System.nanoTime() - t0);
            return hits.iterator();
        }).collect();
    }

    /** The baseline: every dot product in a plain loop, the best K kept by insertion (ties: lower id first). */
    static Hits scalarTopK(Query q, float[] vectors) {
        int[] ids = new int[K];
        float[] scores = new float[K];
        int n = 0;
        int count = vectors.length / DIM;
        for (int id = 0; id < count; id++) {
            float s = 0;
            int off = id * DIM;
            for (int j = 0; j < DIM; j++) s += q.vector()[j] * vectors[off + j];
            if (n == K && s <= scores[K - 1]) continue;
            int at = n < K ? n++ : K - 1;
            while (at > 0 && scores[at - 1] < s) {
                scores[at] = scores[at - 1];
                ids[at] = ids[at - 1];
                at--;
            }
            scores[at] = s;
            ids[at] = id;
        }
        return new Hits(q.id(), Arrays.copyOf(ids, n), Arrays.copyOf(scores, n));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * {@code count} vectors of small integers: every product and sum of a dot product is then an integer
     * below 2^24, exact in float32 whatever the order of the additions, so both sides must return the
     * same scores and, ties ranked by ascending id on both, the same ids.
     */
    static float[] integerVectors(Random random, int count) {
        float[] v = new float[count * DIM];
        for (int i = 0; i < v.length; i++) v[i] = random.nextInt(17) - 8;
        return v;
    }

    /** The rows, each followed by a newline: what the gzip stage writes. */
    static byte[] lines(List<byte[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : rows) {
            out.writeBytes(r);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** "partition N: B bytes, blake3 X, sha256 Y" for each partition, for run.sh to check with b3sum and sha256sum. */
    static List<String> joinDigests(List<String> blake3, List<String> sha256) {
        Map<String, String[]> sha = new HashMap<>();
        for (String s : sha256) sha.put(s.split(" ")[0], s.split(" "));
        List<String> out = new ArrayList<>();
        for (String b : blake3) {
            String[] f = b.split(" ");
            String[] j = sha.get(f[0]);
            if (j == null || !j[1].equals(f[1])) {
                throw new IllegalStateException("hash, per partition: partition " + f[0] + " hashed different bytes");
            }
            out.add("partition " + f[0] + ": " + f[1] + " bytes, blake3 " + f[2] + ", sha256 " + j[2]);
        }
        return out;
    }

    static void agree(String what, long ferric, long jdk) {
        if (ferric != jdk) {
            throw new IllegalStateException(what + " differ: ferric " + ferric + ", JDK " + jdk);
        }
    }

    static void agreeHits(List<Hits> ferric, List<Hits> jdk) {
        agree("top-k search: queries answered", ferric.size(), jdk.size());
        Map<Integer, Hits> byQuery = new HashMap<>();
        for (Hits h : jdk) byQuery.put(h.query(), h);
        for (Hits f : ferric) {
            Hits j = byQuery.get(f.query());
            if (j == null || !Arrays.equals(f.ids(), j.ids()) || !Arrays.equals(f.scores(), j.scores())) {
                throw new IllegalStateException("top-k search: query " + f.query() + " differs: ferric ids "
                        + Arrays.toString(f.ids()) + " scores " + Arrays.toString(f.scores()) + ", JDK "
                        + (j == null ? "none" : Arrays.toString(j.ids()) + " scores " + Arrays.toString(j.scores())));
            }
        }
    }
}
