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
 * The pathological patterns of {@link RegexPathologicalBench} on inputs far too long for
 * java.util.regex (which would not finish): ferric and re2j only, to show time growing linearly with n.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class RegexLinearBench {
    @Param({"nested-plus", "alternation-star", "nested-star", "words-to-end"})
    String name;

    @Param({"1024", "65536", "1048576"})
    int n;

    String input;
    Regex ferric;
    com.google.re2j.Pattern re2j;

    @Setup(Level.Trial)
    public void setup() {
        String p = RegexPathologicalBench.pattern(name);
        input = RegexPathologicalBench.input(name, n);
        ferric = Regex.compile(p);
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
    public boolean re2j() {
        return re2j.matcher(input).find();
    }
}
