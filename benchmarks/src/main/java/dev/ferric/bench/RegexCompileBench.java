package dev.ferric.bench;

import dev.ferric.regex.Regex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile time of each {@link RegexBench} pattern in ferric (compile and free), java.util.regex and
 * re2j. {@link #main} prints each pattern's compiled size in ferric and the match counts per engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class RegexCompileBench {
    @Param({"literal", "literal-ci", "alternation", "alternation-ci", "class", "word", "suffix", "anchored-line",
        "email", "ipv4", "date", "log-captures", "unicode-cyrillic", "quoted"})
    String name;

    @Benchmark
    public long ferric() {
        try (Regex re = Regex.compile(RegexBench.pattern(name))) {
            return re.groupCount();
        }
    }

    @Benchmark
    public Object javaUtilRegex() {
        return java.util.regex.Pattern.compile(RegexBench.pattern(name));
    }

    @Benchmark
    public Object re2j() {
        return com.google.re2j.Pattern.compile(RegexBench.pattern(name));
    }

    /** Prints, per pattern: ferric's compiled size (byte engine; after a String search, with the text engine too) and match counts. */
    public static void main(String[] args) {
        String text = RegexBench.TEXT;
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.out.printf("corpus: %d chars, %d UTF-8 bytes%n", text.length(), bytes.length);
        System.out.println("| pattern | ferric size (bytes engine) | ferric size (+ text engine) | matches ferric bytes | ferric String | java.util.regex | re2j |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String p : RegexBench.PATTERNS) {
            String name = p.substring(0, p.indexOf('='));
            String pat = RegexBench.pattern(name);
            try (Regex re = Regex.compile(pat)) {
                long bytesOnly = re.compiledSize();
                int nb = re.count(bytes);
                int ns = re.count(text);
                long both = re.compiledSize();
                java.util.regex.Matcher jm = java.util.regex.Pattern.compile(pat).matcher(text);
                int nj = 0;
                while (jm.find()) nj++;
                com.google.re2j.Matcher rm = com.google.re2j.Pattern.compile(pat).matcher(text);
                int nr = 0;
                while (rm.find()) nr++;
                System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", name, bytesOnly, both, nb, ns, nj, nr);
            }
        }
    }
}
