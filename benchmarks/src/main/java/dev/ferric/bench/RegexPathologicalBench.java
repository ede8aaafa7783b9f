package dev.ferric.bench;

import dev.ferric.regex.Regex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Patterns that make a backtracking engine blow up, on inputs that almost match: java.util.regex
 * against ferric and re2j. Single-shot timing, because java.util.regex takes seconds per call at the
 * largest sizes. (JDK 9+ memoizes some nested loops, so these blow-ups are polynomial there, not
 * exponential as on JDK 8.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss1g"})
public class RegexPathologicalBench {
    @Param({"nested-plus", "alternation-star", "nested-star", "words-to-end"})
    String name;

    /** Input size step; the length for each pattern is chosen so java.util.regex takes up to seconds on JDK 17. */
    @Param({"small", "medium", "large"})
    String size;

    String input;
    Regex ferric;
    java.util.regex.Pattern jdk;
    com.google.re2j.Pattern re2j;

    static String pattern(String name) {
        switch (name) {
            case "nested-plus": return "(a+)+b";
            case "alternation-star": return "(a|aa)*c";
            case "nested-star": return "(x+x+)+y";
            case "words-to-end": return "(\\w+\\s?)*$";
            default: throw new IllegalArgumentException(name);
        }
    }

    /** {@code n} characters that match a prefix of the pattern but never the whole pattern (or, for words-to-end, only the empty match at the end). */
    static String input(String name, int n) {
        switch (name) {
            case "nested-star": return "x".repeat(n);
            case "words-to-end": return "a".repeat(n) + "!";
            default: return "a".repeat(n);
        }
    }

    static int length(String name, String size) {
        int step = size.equals("small") ? 0 : size.equals("medium") ? 1 : 2;
        // JDK 17 memoizes simple nested loops, leaving polynomial (not exponential) blow-ups: cubic for
        // (x+x+)+y, so its sizes are smaller. (a|aa)*c is memoized into linear time but recurses once per
        // character: StackOverflowError beyond ~2,000 characters at the default stack, hence -Xss1g, and
        // seconds only at a million characters.
        switch (name) {
            case "nested-star": return new int[] {100, 300, 1000}[step];
            case "alternation-star": return new int[] {1000, 16000, 1000000}[step];
            default: return new int[] {1000, 4000, 16000}[step];
        }
    }

    @Setup(Level.Trial)
    public void setup() {
        String p = pattern(name);
        input = input(name, length(name, size));
        ferric = Regex.compile(p);
        jdk = java.util.regex.Pattern.compile(p);
        re2j = com.google.re2j.Pattern.compile(p);
    }

    @TearDown(Level.Trial)
    public void close() {
        ferric.close();
    }

    @Benchmark
    public boolean ferric() {
        return ferric.isMatch(input);
    }

    @Benchmark
    public boolean javaUtilRegex() {
        return jdk.matcher(input).find();
    }

    @Benchmark
    public boolean re2j() {
        return re2j.matcher(input).find();
    }
}
