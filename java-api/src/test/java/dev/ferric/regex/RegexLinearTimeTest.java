package dev.ferric.regex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The patterns behind regex denial-of-service reports, on inputs of 200,000 characters that a
 * backtracking engine needs exponential or high-polynomial time for, through every search form of the
 * API. Each case's expected matches are written as a function of the input length and checked against
 * java.util.regex at a length it can still handle, so the large runs check results, not only termination.
 *
 * <p>The {@link Timeout} is a hang guard (these searches take milliseconds; a backtracking engine would
 * not finish this century), not a performance assertion.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RegexLinearTimeTest {
    private static final int SMALL = 18;
    private static final int LARGE = 200_000;

    /** A pattern, the input of length parameter n, and the expected match spans ({start, end} pairs). */
    static final class Case {
        final String pattern;
        final IntFunction<String> input;
        final IntFunction<int[][]> spans;

        Case(String pattern, IntFunction<String> input, IntFunction<int[][]> spans) {
            this.pattern = pattern;
            this.input = input;
            this.spans = spans;
        }

        @Override
        public String toString() {
            return pattern + " on " + input.apply(3) + "...";
        }
    }

    private static String repeat(char c, int n) {
        char[] a = new char[n];
        Arrays.fill(a, c);
        return new String(a);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("(a+)+b", n -> repeat('a', n), n -> new int[0][]),
                new Case("(a+)+b", n -> repeat('a', n) + "b", n -> new int[][] {{0, n + 1}}),
                new Case("(a|aa)*c", n -> repeat('a', n), n -> new int[0][]),
                new Case("(a|a?)+b", n -> repeat('a', n), n -> new int[0][]),
                new Case("(x+x+)+y", n -> repeat('x', n), n -> new int[0][]),
                new Case("(\\w+\\s?)*$", n -> repeat('a', n) + "!", n -> new int[][] {{n + 1, n + 1}}),
                new Case("^(([a-z])+.)+[A-Z]([a-z])+$", n -> repeat('a', n) + "!", n -> new int[0][]),
                new Case("^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@)[a-z0-9]+[.](([a-z]{2,3})|([a-z]{2,3}[.][a-z]{2,3}))$",
                        n -> repeat('a', n) + "!", n -> new int[0][]),
                new Case("(.*a){8}", n -> repeat('a', n), n -> new int[][] {{0, n}}));
    }

    private static List<String> show(int[][] spans) {
        List<String> out = new ArrayList<>();
        for (int[] s : spans) out.add(s[0] + "-" + s[1]);
        return out;
    }

    private static List<String> jdkSpans(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) out.add(m.start() + "-" + m.end());
        return out;
    }

    /** The expectations are right: java.util.regex agrees at a length where backtracking is still affordable. */
    @ParameterizedTest
    @MethodSource("cases")
    void expectationsAgreeWithJavaUtilRegexOnShortInputs(Case c) {
        String s = c.input.apply(SMALL);
        assertEquals(show(c.spans.apply(SMALL)), jdkSpans(Pattern.compile(c.pattern), s));
        try (Regex re = Regex.compile(c.pattern)) {
            assertEquals(show(c.spans.apply(SMALL)), re.findAll(s).map(m -> m.start() + "-" + m.end()).collect(Collectors.toList()));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everySearchFormIsLinearOnLongInputs(Case c) {
        String s = c.input.apply(LARGE);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(b.length);
        direct.put(b).flip();
        List<String> want = show(c.spans.apply(LARGE));
        boolean whole = want.equals(show(new int[][] {{0, s.length()}}));
        try (Regex re = Regex.compile(c.pattern)) {
            assertEquals(!want.isEmpty(), re.isMatch(s));
            assertEquals(whole, re.matches(s));
            assertEquals(want.size(), re.count(s));
            assertEquals(want, re.findAll(s).map(m -> m.start() + "-" + m.end()).collect(Collectors.toList()));
            assertEquals(want, re.capturesAll(s).map(m -> m.start() + "-" + m.end()).collect(Collectors.toList()));
            assertEquals(want.isEmpty() ? null : want.get(0), re.find(s).map(m -> m.start() + "-" + m.end()).orElse(null));
            if (want.isEmpty()) {
                assertEquals(s, re.replaceAll(s, "-"));
                assertArrayEquals(new String[] {s}, re.split(s));
            }
            assertEquals(!want.isEmpty(), re.isMatch(b));
            assertEquals(whole, re.matches(b));
            assertEquals(want.size(), re.count(b));
            assertEquals(want, re.findAll(b).map(m -> m.start() + "-" + m.end()).collect(Collectors.toList()));
            assertEquals(want.size(), re.count(direct));
            assertEquals(0, direct.position(), "a search does not move the buffer");
        }
    }
}
