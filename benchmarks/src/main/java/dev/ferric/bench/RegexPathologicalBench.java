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
 * Patterns that make a backtracking engine take exponential time, on inputs of {@code n} characters
 * that almost match: java.util.regex against ferric and re2j. Single-shot timing, because
 * java.util.regex takes seconds per call at the larger sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss16m"})
public class RegexPathologicalBench {
    @Param({"nested-plus", "alternation-star", "nested-star"})
    String name;

    @Param({"16", "22", "26"})
    int n;

    String input;
    Regex ferric;
    java.util.regex.Pattern jdk;
    com.google.re2j.Pattern re2j;

    static String pattern(String name) {
        switch (name) {
            case "nested-plus": return "(a+)+b";
            case "alternation-star": return "(a|aa)*c";
            case "nested-star": return "(x+x+)+y";
            default: throw new IllegalArgumentException(name);
        }
    }

    /** {@code n} characters that match the pattern's prefix but never the whole pattern. */
    static String input(String name, int n) {
        return (name.equals("nested-star") ? "x" : "a").repeat(n);
    }

    @Setup(Level.Trial)
    public void setup() {
        String p = pattern(name);
        input = input(name, n);
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
