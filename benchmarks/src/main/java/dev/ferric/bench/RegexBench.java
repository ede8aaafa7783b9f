package dev.ferric.bench;

import dev.ferric.regex.Regex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * Counting all matches of common patterns in a 2 MiB text ({@link RegexCorpus}): ferric's byte API,
 * ferric's String API (UTF-16 to UTF-8 transcoding included), ferric on a direct buffer,
 * java.util.regex and re2j, in one run. The same pattern string is given to every engine. The
 * {@code count} methods count matches natively; the {@code findAll} ones make one object per match.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class RegexBench {
    /** Name and pattern, separated by the first '='. */
    static final String[] PATTERNS = {
        "literal=Sherlock",
        "literal-ci=(?i)sherlock",
        "alternation=Sherlock|Holmes|Watson|Irene|Adler|Lestrade|Moriarty",
        "alternation-ci=(?i)(holmes|watson|baker street)",
        "class=[A-Z][a-z]+ [A-Z][a-z]+",
        "word=\\w+",
        "suffix=\\w+ing\\b",
        "anchored-line=(?m)^Holmes\\b.*$",
        "email=[\\w.+-]+@[\\w-]+\\.[\\w.-]+",
        "ipv4=\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b",
        "date=\\d{4}-\\d{2}-\\d{2}",
        "log-captures=(?m)^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}) (INFO|WARN|ERROR) \\[([\\w.-]+)\\] (.*)$",
        "unicode-cyrillic=[а-яА-ЯёЁ]+",
        "quoted=\"[^\"]{0,30}\"",
    };

    static final String TEXT = RegexCorpus.generate(2 << 20);

    @Param({"literal", "literal-ci", "alternation", "alternation-ci", "class", "word", "suffix", "anchored-line",
        "email", "ipv4", "date", "log-captures", "unicode-cyrillic", "quoted"})
    String name;

    String text;
    byte[] bytes;
    ByteBuffer direct;
    Regex ferric;
    java.util.regex.Pattern jdk;
    com.google.re2j.Pattern re2j;

    static String pattern(String name) {
        for (String p : PATTERNS) {
            int eq = p.indexOf('=');
            if (p.substring(0, eq).equals(name)) return p.substring(eq + 1);
        }
        throw new IllegalArgumentException(name);
    }

    @Setup(Level.Trial)
    public void setup() {
        String p = pattern(name);
        text = TEXT;
        bytes = text.getBytes(StandardCharsets.UTF_8);
        direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        ferric = Regex.compile(p);
        jdk = java.util.regex.Pattern.compile(p);
        re2j = com.google.re2j.Pattern.compile(p);
    }

    @TearDown(Level.Trial)
    public void close() {
        ferric.close();
    }

    @Benchmark
    public int ferricBytes() {
        return ferric.count(bytes);
    }

    @Benchmark
    public int ferricString() {
        return ferric.count(text);
    }

    /** Every match as a {@code ByteMatch} object (start and end found), not just counted. */
    @Benchmark
    public long ferricBytesFindAll() {
        return ferric.findAll(bytes).count();
    }

    /** Every match as a {@code Match} object with UTF-16 offsets. */
    @Benchmark
    public long ferricStringFindAll() {
        return ferric.findAll(text).count();
    }

    @Benchmark
    public int ferricDirect() {
        return ferric.count(direct);
    }

    /** The alternative String path: encode in Java, then search bytes (offsets would need mapping back). */
    @Benchmark
    public int ferricStringViaJavaEncoding() {
        return ferric.count(text.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public int javaUtilRegex() {
        java.util.regex.Matcher m = jdk.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Benchmark
    public int re2j() {
        com.google.re2j.Matcher m = re2j.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
