package dev.ferric.bench.small;

import dev.ferric.regex.Regex;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Regex per record: one call on one short line, the way a log parser or a validator calls it. Each
 * operation runs over three records of {@code size} characters: the match at the start, in the
 * middle, and nowhere; so a score is the time for three calls. ferric and {@code java.util.regex}
 * in the same run, on {@code String} and (ferric only, java.util.regex has none) on UTF-8 {@code byte[]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SmallRegexBench {
    /** Validation and log-parsing patterns, each with a sample it matches. */
    static final String[][] PATTERNS = {
        {"date", "\\d{4}-\\d{2}-\\d{2}", "2026-12-06"},
        {"ipv4", "\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b", "192.168.10.254"},
        {"email", "[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}", "jane.doe@example.org"},
        {"uuid", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "123e4567-e89b-12d3-a456-426614174000"},
        {"level", "\\b(?:ERROR|WARN|FATAL)\\b", "ERROR"},
        {"latency", "took (\\d+) ms", "took 42 ms"},
        {"keyvalue", "user=([A-Za-z0-9_]+)", "user=alice_01"},
        {"literal", "timeout", "timeout"},
    };

    @Param({"date", "ipv4", "email", "uuid", "level", "latency", "keyvalue", "literal"})
    String pattern;

    @Param({"30", "80", "150", "1000"})
    int size;

    String[] text;
    byte[][] bytes;
    Regex ferric;
    Pattern jdk;
    Matcher matcher;

    @Setup
    public void setup() {
        String[] p = null;
        for (String[] candidate : PATTERNS) if (candidate[0].equals(pattern)) p = candidate;
        String sample = p[2];
        String filler = "the quick brown fox jumps over the lazy dog; ";
        text = new String[] {line(sample, 0, filler), line(sample, (size - sample.length()) / 2, filler), line(null, 0, filler)};
        bytes = new byte[3][];
        for (int i = 0; i < 3; i++) bytes[i] = text[i].getBytes(StandardCharsets.UTF_8);
        ferric = Regex.compile(p[1]);
        jdk = Pattern.compile(p[1]);
        matcher = jdk.matcher("");
        for (int i = 0; i < 3; i++) {
            if (ferric.isMatch(text[i]) != jdk.matcher(text[i]).find()) throw new AssertionError(pattern + " disagrees on " + text[i]);
        }
    }

    /** A line of {@code size} characters: filler with {@code sample} at {@code at} (none if null). */
    private String line(String sample, int at, String filler) {
        StringBuilder b = new StringBuilder(size);
        while (b.length() < size) b.append(filler);
        b.setLength(size);
        if (sample != null) b.replace(at, at + sample.length(), sample);
        b.setLength(size);
        return b.toString();
    }

    @TearDown
    public void close() {
        ferric.close();
    }

    @Benchmark
    public void ferricIsMatch(Blackhole bh) {
        for (String t : text) bh.consume(ferric.isMatch(t));
    }

    @Benchmark
    public void ferricIsMatchBytes(Blackhole bh) {
        for (byte[] t : bytes) bh.consume(ferric.isMatch(t));
    }

    @Benchmark
    public void jdkFind(Blackhole bh) {
        for (String t : text) bh.consume(matcher.reset(t).find());
    }

    @Benchmark
    public void ferricFind(Blackhole bh) {
        for (String t : text) bh.consume(ferric.find(t));
    }

    @Benchmark
    public void ferricMatches(Blackhole bh) {
        for (String t : text) bh.consume(ferric.matches(t));
    }

    @Benchmark
    public void jdkMatches(Blackhole bh) {
        for (String t : text) bh.consume(matcher.reset(t).matches());
    }

    @Benchmark
    public void ferricCaptures(Blackhole bh) {
        for (String t : text) bh.consume(ferric.captures(t));
    }

    @Benchmark
    public void jdkCaptures(Blackhole bh) {
        for (String t : text) bh.consume(matcher.reset(t).find() ? matcher.toMatchResult() : null);
    }

    @Benchmark
    public void ferricReplaceAll(Blackhole bh) {
        for (String t : text) bh.consume(ferric.replaceAll(t, "<x>"));
    }

    @Benchmark
    public void jdkReplaceAll(Blackhole bh) {
        for (String t : text) bh.consume(matcher.reset(t).replaceAll("<x>"));
    }

    @Benchmark
    public void ferricSplit(Blackhole bh) {
        for (String t : text) bh.consume(ferric.split(t));
    }

    @Benchmark
    public void jdkSplit(Blackhole bh) {
        for (String t : text) bh.consume(jdk.split(t));
    }
}
