package dev.ferric.regex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegexApiTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> spans(Regex re, String s) {
        return re.findAll(s).map(m -> m.start() + "-" + m.end()).collect(Collectors.toList());
    }

    /**
     * Short ASCII strings are searched in batches written into Java arrays (a batch grows when it
     * fills): many matches, empty matches and limits must give what java.util.regex gives, on both
     * sides of the ASCII route's 1024-char bound.
     */
    @Test
    void asciiTextBatchesAgreeWithJavaUtilRegex() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 700; i++) many.append(i % 7).append(',');
        String[] inputs = {many.substring(0, 1000), many.toString(), "", "abc", "a,,b,,,c,", xs(1024), xs(1025)};
        // (no pattern that can match empty right after a match: a documented difference, docs/regex.md row 7)
        String[] patterns = {",", "\\d", "(\\d)(,)?", "", "(\\d)?,", "x{3}", "x+"};
        for (String p : patterns) {
            Pattern jdk = Pattern.compile(p);
            try (Regex re = Regex.compile(p)) {
                for (String in : inputs) {
                    String where = "/" + p + "/ on " + in.length() + " chars";
                    List<String> want = new ArrayList<>();
                    java.util.regex.Matcher m = jdk.matcher(in);
                    while (m.find()) want.add(m.start() + "-" + m.end() + (m.groupCount() > 0 ? ":" + m.start(1) : ""));
                    List<String> got = re.capturesAll(in)
                            .map(x -> x.start() + "-" + x.end() + (x.groupCount() > 0 ? ":" + x.start(1) : ""))
                            .collect(Collectors.toList());
                    assertEquals(want, got, where);
                    assertEquals(jdk.matcher(in).replaceAll("<$0>"), re.replaceAll(in, "<$0>"), where);
                    for (int limit : new int[] {-1, 0, 1, 2, 9, 10, 500}) {
                        assertArrayEquals(jdk.split(in, limit), re.split(in, limit), where + " limit " + limit);
                    }
                }
            }
        }
    }

    private static String xs(int n) {
        char[] c = new char[n];
        Arrays.fill(c, 'x');
        return new String(c);
    }

    @Test
    void basicTextOperations() {
        try (Regex re = Regex.compile("(?<year>\\d{4})-(?<month>\\d{2})")) {
            String s = "from 2024-01 to 2026-11.";
            assertTrue(re.isMatch(s));
            assertFalse(re.matches(s));
            assertTrue(re.matches("2024-01"));
            assertEquals(2, re.count(s));
            assertEquals(2, re.groupCount());
            Map<String, Integer> groups = new HashMap<>();
            groups.put("year", 1);
            groups.put("month", 2);
            assertEquals(groups, re.namedGroups());
            Match m = re.captures(s).get();
            assertEquals("2024-01", m.group());
            assertEquals("2024", m.group(1));
            assertEquals("01", m.group("month"));
            assertEquals(10, m.start("month"));
            assertEquals(Arrays.asList("5-12", "16-23"), spans(re, s));
            assertEquals(Arrays.asList("2026"), re.capturesAll(s).skip(1).map(x -> x.group("year")).collect(Collectors.toList()));
            assertEquals("from 01/2024 to 11/2026.", re.replaceAll(s, "$2/${year}"));
            assertEquals("from 01/2024 to 2026-11.", re.replaceFirst(s, "$2/$1"));
            assertEquals("from [2024-01] to [2026-11].", re.replaceAll(s, x -> "[" + x.group() + "]"));
            assertEquals("16-23", re.find(s, 6).map(x -> x.start() + "-" + x.end()).get());
        }
    }

    @Test
    void findDoesNotCaptureGroupsButSaysSo() {
        try (Regex re = Regex.compile("(a)(b)?")) {
            Match m = re.find("xab").get();
            assertFalse(m.hasCaptures());
            assertEquals("ab", m.group(0));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.group(1));
            assertTrue(e.getMessage().contains("captures"));
            Match c = re.captures("xa").get();
            assertNull(c.group(2));
            assertEquals(-1, c.start(2));
            assertThrows(IndexOutOfBoundsException.class, () -> c.group(3));
            assertThrows(IllegalArgumentException.class, () -> c.group("nope"));
        }
    }

    @Test
    void byteApiReportsByteOffsetsForArraysAndBuffers() {
        try (Regex re = Regex.compile("(\\w+)@(\\w+)")) {
            byte[] in = utf8("é ab@cd x@y");
            ByteMatch m = re.captures(in).get();
            assertEquals(3, m.start());
            assertEquals("cd", m.groupAsString(2));
            assertEquals(2, re.count(in));
            assertEquals(Arrays.asList(3, 9), re.findAll(in).map(ByteMatch::start).collect(Collectors.toList()));
            // a range: offsets stay absolute, the range is the whole input for anchors
            assertEquals(9, re.find(in, 8, 4).get().start());
            try (Regex anchored = Regex.compile("^x")) {
                assertTrue(anchored.isMatch(in, 9, 3));
                assertFalse(anchored.isMatch(in));
            }
            ByteBuffer direct = ByteBuffer.allocateDirect(in.length + 2);
            direct.put(new byte[] {'#', '#'}).put(in).flip().position(2);
            ByteMatch d = re.captures(direct).get();
            assertEquals(5, d.start());
            assertEquals("ab", new String(d.group(1), StandardCharsets.US_ASCII));
            assertEquals(2, direct.position(), "position unchanged");
            ByteBuffer heap = ByteBuffer.wrap(("##" + "é ab@cd x@y").getBytes(StandardCharsets.UTF_8), 1, in.length + 1).slice();
            heap.position(1);
            assertEquals(Arrays.asList(4, 10), re.findAll(heap).map(ByteMatch::start).collect(Collectors.toList()));
            ByteBuffer readOnly = heap.asReadOnlyBuffer();
            assertEquals("4:cd", re.captures(readOnly).map(x -> x.start() + ":" + x.groupAsString(2)).get());
            assertTrue(re.matches(utf8("a@b")));
        }
    }

    @Test
    void manyMatchesAcrossBatchesEqualOnePass() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) sb.append(i % 7 == 0 ? "  " : "w").append(i).append(' ');
        String s = sb.toString();
        for (String p : new String[] {"\\d+", "\\b", "x*", "(\\w)(\\d)?"}) {
            try (Regex re = Regex.compile(p)) {
                List<String> text = spans(re, s);
                List<String> bytes = re.findAll(utf8(s)).map(m -> m.start() + "-" + m.end()).collect(Collectors.toList());
                ByteBuffer direct = ByteBuffer.allocateDirect(s.length()).put(utf8(s));
                direct.flip();
                List<String> buf = re.capturesAll(direct).map(m -> m.start() + "-" + m.end()).collect(Collectors.toList());
                assertEquals(text, bytes, p);
                assertEquals(text, buf, p);
                assertEquals(text.size(), re.count(s));
                assertEquals(text.size(), re.count(utf8(s)));
                assertTrue(text.size() > 256, "more than one batch");
            }
        }
    }

    @Test
    void splitFollowsPatternSplit() {
        String[] inputs = {"a,b,,c,,", ",a,b", "", "abc", "a1b22c333", " x  y "};
        String[] patterns = {",", "\\d+", "\\s+", "", "b|,"};
        for (String p : patterns) {
            try (Regex re = Regex.compile(p)) {
                for (String in : inputs) {
                    for (int limit : new int[] {0, -1, 1, 2, 3}) {
                        assertArrayEquals(Pattern.compile(p).split(in, limit), re.split(in, limit), p + " / '" + in + "' / " + limit);
                    }
                }
            }
        }
    }

    @Test
    void replacementSyntaxIsJavas() {
        try (Regex re = Regex.compile("(\\w)(\\d)")) {
            Pattern jdk = Pattern.compile("(\\w)(\\d)");
            String s = "a1 b2 cc";
            for (String r : new String[] {"$2$1", "\\$1", "$1\\\\", "<$0>", "$12", Regex.quoteReplacement("$1\\x")}) {
                assertEquals(jdk.matcher(s).replaceAll(r), re.replaceAll(s, r), r);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> re.replaceAll(s, "$3"));
            assertThrows(IllegalArgumentException.class, () -> re.replaceAll(s, "${x}"));
            assertThrows(IllegalArgumentException.class, () -> re.replaceAll(s, "$"));
            assertThrows(IllegalArgumentException.class, () -> re.replaceAll(s, "\\"));
        }
    }

    @Test
    void quoteMakesAnyStringLiteral() {
        for (String lit : new String[] {"a.b*c", "[x]{1}", "(?i)", "\\Q\\E", "# x ~~ --", "$^|"}) {
            for (int flags : new int[] {0, Regex.COMMENTS}) {
                try (Regex re = Regex.compile(Regex.quote(lit), flags)) {
                    assertTrue(re.matches(lit), lit);
                }
            }
            try (Regex re = Regex.compile(lit, Regex.LITERAL)) {
                assertTrue(re.matches(lit), lit);
            }
        }
    }

    @Test
    void syntaxErrorsCarryPatternPositionAndMessage() {
        RegexSyntaxException e = assertThrows(RegexSyntaxException.class, () -> Regex.compile("ab(c"));
        assertEquals("ab(c", e.getPattern());
        assertEquals(2, e.getIndex());
        assertTrue(e.getMessage().contains("ab(c"), e.getMessage());
        assertTrue(e instanceof IllegalArgumentException);
        RegexSyntaxException look = assertThrows(RegexSyntaxException.class, () -> Regex.compile("😀x(?=y)"));
        assertEquals(3, look.getIndex());
        assertTrue(look.getDescription().contains("look-ahead"));
        assertTrue(look.getDescription().contains("linear time"));
        RegexSyntaxException inSet = assertThrows(RegexSyntaxException.class, () -> RegexSet.compile("a", "b)"));
        assertEquals("b)", inSet.getPattern());
        assertTrue(inSet.getDescription().startsWith("pattern 1:"));
    }

    @Test
    void limitsAreClearErrors() {
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> Regex.builder().sizeLimit(10_000).compile("\\w{50}"));
        assertTrue(big.getMessage().contains("size limit"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Regex.compile("(\\w{1000}){1000}").close());
        RegexSyntaxException deep = assertThrows(RegexSyntaxException.class, () -> Regex.builder().nestLimit(5).compile("((((((a))))))"));
        assertTrue(deep.getDescription().contains("nest"), deep.getDescription());
        try (Regex ok = Regex.builder().sizeLimit(100 << 20).compile("\\w{50}")) {
            assertTrue(ok.compiledSize() > 0);
        }
        assertThrows(IllegalArgumentException.class, () -> Regex.builder().flags(1));
        assertThrows(IllegalArgumentException.class, () -> Regex.builder().sizeLimit(-1));
        assertThrows(IllegalArgumentException.class, () -> Regex.builder().nestLimit(-1));
    }

    @Test
    void badArgumentsThrowTheDocumentedExceptions() {
        try (Regex re = Regex.compile("a")) {
            assertThrows(NullPointerException.class, () -> re.isMatch((CharSequence) null));
            assertThrows(NullPointerException.class, () -> re.isMatch((byte[]) null));
            assertThrows(NullPointerException.class, () -> re.find((ByteBuffer) null));
            assertThrows(NullPointerException.class, () -> re.replaceAll("a", (String) null));
            assertThrows(IndexOutOfBoundsException.class, () -> re.find(new byte[4], 3, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> re.count(new byte[4], -1, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> re.find("abc", 4));
            assertThrows(IndexOutOfBoundsException.class, () -> re.find("abc", -1));
        }
        assertThrows(NullPointerException.class, () -> Regex.compile(null));
        assertThrows(NullPointerException.class, () -> RegexSet.compile("a", null));
        Regex closed = Regex.compile("a");
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.isMatch("a"));
        // also where the answer needs no search ("b" cannot begin a match of "a")
        assertThrows(IllegalStateException.class, () -> closed.matches("b"));
        assertThrows(IllegalStateException.class, () -> closed.matches(new byte[] {'b'}));
        assertThrows(IllegalStateException.class, () -> closed.find("b"));
        assertThrows(IllegalStateException.class, () -> closed.count("b"));
        assertThrows(IllegalStateException.class, () -> closed.findAll(new byte[] {'a'}).count());
        // every method, also those that answer from Java-side state (as the class Javadoc says)
        assertThrows(IllegalStateException.class, closed::pattern);
        assertThrows(IllegalStateException.class, closed::groupCount);
        assertThrows(IllegalStateException.class, closed::flags);
        assertThrows(IllegalStateException.class, closed::namedGroups);
        assertThrows(IllegalStateException.class, closed::enginePattern);
        assertEquals("a", closed.toString(), "toString still names it, for logs and debuggers");
    }

    /**
     * {@code matches} answers an input whose first or last ASCII character cannot begin or end a match
     * without a search: the answers agree with java.util.regex on every form (String, array range,
     * heap and direct buffers), whichever end rules the input out.
     */
    @Test
    void matchesRulesOutInputsByTheirFirstAndLastCharacterLikeTheSearchWould() {
        String[] patterns = {"\\d{4}-\\d{2}", "(?i)time(out)?", "a*b?", "\\bERROR\\b|WARN", "x|", "\u00e9+", "[^a]", "(?m)^a$", ""};
        String[] inputs = {"", "a", "b", "ab", "aab", "ba", "2026-12", "x2026-12", "2026-12x", "TIMEOUT", "timeout ", " timeout",
            "Time", "ERROR", "WARN", "x", "\u00e9", "\u00e9a", "a\u00e9", "-", "\n"};
        for (String p : patterns) {
            Pattern jdk = Pattern.compile(p);
            try (Regex re = Regex.compile(p)) {
                for (String in : inputs) {
                    boolean expected = jdk.matcher(in).matches();
                    byte[] utf8 = in.getBytes(StandardCharsets.UTF_8);
                    byte[] padded = ("<" + in + ">").getBytes(StandardCharsets.UTF_8);
                    ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded);
                    direct.position(1).limit(padded.length - 1);
                    assertEquals(expected, re.matches(in), () -> p + " on '" + in + "'");
                    assertEquals(expected, Regex.matches(p, in), () -> "cached " + p + " on '" + in + "'");
                    assertEquals(expected, re.matches(utf8), () -> p + " on bytes of '" + in + "'");
                    assertEquals(expected, re.matches(padded, 1, utf8.length), () -> p + " on a range of '" + in + "'");
                    assertEquals(expected, re.matches(direct), () -> p + " on a direct buffer of '" + in + "'");
                }
            }
        }
    }

    /**
     * A text without the literal every match contains is answered without a search: isMatch, count,
     * find (from any index), findAll, captures, replaceAll and split agree with java.util.regex on texts
     * with and without it, ASCII or not.
     */
    @Test
    void searchesOfATextWithoutTheRequiredLiteralAgreeWithTheJdk() {
        String[] patterns = {"took (\\d+) ms", "user=([a-z_]+)", "\\d{4}-\\d{2}", "[a-z]+@[a-z]+\\.org", "(?:ab)+c", "a|b"};
        String[] inputs = {"", "took 42 ms", "it took 42 ms, then took 7 ms", "took ms", "user=bob x user=al", "user=", "2026-12",
            "x 2026-12-06 y", "20261206", "jane@example.org", "jane@example", "ababc", "abab", "é took 3 ms é", "éé", "ab"};
        for (String p : patterns) {
            Pattern jdk = Pattern.compile(p);
            try (Regex re = Regex.compile(p)) {
                for (String in : inputs) {
                    java.util.regex.Matcher m = jdk.matcher(in);
                    List<String> expected = new ArrayList<>();
                    while (m.find()) expected.add(m.start() + "-" + m.end());
                    assertEquals(!expected.isEmpty(), re.isMatch(in), () -> p + " isMatch '" + in + "'");
                    assertEquals(expected.size(), re.count(in), () -> p + " count '" + in + "'");
                    assertEquals(expected, re.findAll(in).map(x -> x.start() + "-" + x.end()).collect(Collectors.toList()), () -> p + " findAll '" + in + "'");
                    for (int from = 0; from <= in.length(); from++) {
                        boolean found = jdk.matcher(in).find(from);
                        assertEquals(found, re.find(in, from).isPresent(), p + " find '" + in + "' from " + from);
                    }
                    assertEquals(jdk.matcher(in).find(), re.captures(in).isPresent(), () -> p + " captures '" + in + "'");
                    assertEquals(jdk.matcher(in).replaceAll("<$0>"), re.replaceAll(in, "<$0>"), () -> p + " replaceAll '" + in + "'");
                    assertArrayEquals(jdk.split(in), re.split(in), () -> p + " split '" + in + "'");
                }
            }
        }
    }

    /**
     * A pattern that is a plain ASCII literal is searched with {@code String.indexOf}: every text method
     * agrees with java.util.regex, on overlapping candidates, from any index, on non-ASCII texts; a
     * closed one still throws; and only such patterns take that path.
     */
    @Test
    void plainLiteralPatternsAgreeWithTheJdk() {
        Object[][] patterns = {{"timeout", 0}, {"aa", 0}, {"a", 0}, {"key=value", Regex.MULTILINE | Regex.DOTALL}, {" - ", 0},
            {"a.b", Regex.LITERAL}, {"x+(y)", Regex.LITERAL}, {"\\d", Regex.LITERAL}};
        String[] inputs = {"", "a", "aa", "aaa", "aaaa", "timeout", "read timeout after timeout", "TIMEOUT", "key=value\nkey=value",
            "1 - 2 - 3", " - ", "a.b axb a.b", "x+(y)x+(y)", "\\d\\d", "\u00e9timeout\u00e9", "\u00e9aa\u00e9a", "\ud83d\ude00 a"};
        for (Object[] pf : patterns) {
            String p = (String) pf[0];
            int flags = (Integer) pf[1];
            Pattern jdk = Pattern.compile(p, (flags & Regex.LITERAL) != 0 ? Pattern.LITERAL : 0);
            Regex re = Regex.compile(p, flags);
            assertEquals(p, re.literal, "taken as a literal: " + p);
            try {
                for (String in : inputs) {
                    java.util.regex.Matcher m = jdk.matcher(in);
                    List<String> expected = new ArrayList<>();
                    while (m.find()) expected.add(m.start() + "-" + m.end());
                    assertEquals(!expected.isEmpty(), re.isMatch(in), () -> p + " isMatch '" + in + "'");
                    assertEquals(jdk.matcher(in).matches(), re.matches(in), () -> p + " matches '" + in + "'");
                    assertEquals(expected.size(), re.count(in), () -> p + " count '" + in + "'");
                    assertEquals(expected, re.findAll(in).map(x -> x.start() + "-" + x.end()).collect(Collectors.toList()), () -> p + " findAll '" + in + "'");
                    for (int from = 0; from <= in.length(); from++) {
                        java.util.regex.Matcher f = jdk.matcher(in);
                        String want = f.find(from) ? f.start() + "-" + f.end() : "none";
                        assertEquals(want, re.find(in, from).map(x -> x.start() + "-" + x.end()).orElse("none"), p + " find '" + in + "' from " + from);
                    }
                    assertEquals(jdk.matcher(in).replaceAll("<$0>"), re.replaceAll(in, "<$0>"), () -> p + " replaceAll '" + in + "'");
                    assertEquals(jdk.matcher(in).replaceFirst("[$0]"), re.replaceFirst(in, "[$0]"), () -> p + " replaceFirst '" + in + "'");
                    assertArrayEquals(jdk.split(in), re.split(in), () -> p + " split '" + in + "'");
                    assertArrayEquals(jdk.split(in, -1), re.split(in, -1), () -> p + " split -1 '" + in + "'");
                    if (flags == 0) {
                        assertEquals(!expected.isEmpty(), Regex.isMatch(p, in), () -> p + " cached isMatch '" + in + "'");
                        assertEquals(jdk.matcher(in).matches(), Regex.matches(p, in), () -> p + " cached matches '" + in + "'");
                    }
                }
            } finally {
                re.close();
            }
            assertThrows(IllegalStateException.class, () -> re.isMatch("timeout"));
            assertThrows(IllegalStateException.class, () -> re.count("aa"));
            assertThrows(IllegalStateException.class, () -> re.find("timeout"));
            assertThrows(IllegalStateException.class, () -> re.split("a"));
        }
        Object[][] notLiterals = {{"a.b", 0}, {"timeout", Regex.CASE_INSENSITIVE}, {"a b", Regex.COMMENTS}, {"caf\u00e9", 0}, {"", 0},
            {"(?i)a", 0}, {"a{2}", 0}, {"\\Qa\\E", 0}, {"a|b", 0}, {"^a", 0}, {"a$", 0}};
        for (Object[] pf : notLiterals) {
            try (Regex re = Regex.compile((String) pf[0], (Integer) pf[1])) {
                assertEquals(null, re.literal, () -> "not a plain literal: " + pf[0]);
            }
        }
    }

    /** Written into the pattern or as an escape, a lone surrogate is refused (it would silently match U+FFFD). */
    @Test
    void aLoneSurrogateInThePatternIsRefusedWithItsIndex() {
        for (String p : new String[] {"a\uD800", "\uDC00b", "x\uD800\uD800"}) {
            RegexSyntaxException e = assertThrows(RegexSyntaxException.class, () -> Regex.compile(p));
            int lone = 0;
            while (!Character.isSurrogate(p.charAt(lone))) lone++;
            assertEquals(lone, e.getIndex(), e.getMessage());
            assertTrue(e.getMessage().contains("lone surrogate"), e.getMessage());
            assertThrows(RegexSyntaxException.class, () -> Regex.compile(p, Regex.LITERAL));
        }
        RegexSyntaxException set = assertThrows(RegexSyntaxException.class, () -> RegexSet.compile("ok", "b\uD800"));
        assertTrue(set.getDescription().startsWith("pattern 1: the lone surrogate"), set.getDescription());
        try (Regex pair = Regex.compile("\uD83D\uDE00+")) {
            assertTrue(pair.isMatch("x\uD83D\uDE00\uD83D\uDE00"), "a pair is one character, as in Java");
        }
    }

    /** Like Matcher.replaceAll/replaceFirst: a malformed replacement is an error only when something matches. */
    @Test
    void aMalformedReplacementThrowsOnlyWhenThereIsAMatchAsInJava() {
        String[] replacements = {"$", "\\", "${", "${}", "$x", "$9", "${nope}"};
        try (Regex re = Regex.compile("(b)")) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("(b)");
            for (String r : replacements) {
                assertEquals(p.matcher("aaa").replaceAll(r), re.replaceAll("aaa", r), r);
                assertEquals(p.matcher("aaa").replaceFirst(r), re.replaceFirst("aaa", r), r);
                Class<? extends Throwable> expected = assertThrows(RuntimeException.class, () -> p.matcher("abc").replaceAll(r)).getClass();
                assertEquals(expected, assertThrows(RuntimeException.class, () -> re.replaceAll("abc", r)).getClass(), r);
            }
        }
    }

    @Test
    void setsReportWhichPatternsMatch() {
        try (RegexSet set = Regex.builder().flags(Regex.CASE_INSENSITIVE).compileSet("error", "timeout", "\\b5\\d\\d\\b", "^GET")) {
            assertEquals(4, set.size());
            assertArrayEquals(new int[] {0, 2}, set.matches("ERROR 503 upstream"));
            assertArrayEquals(new int[] {1, 3}, set.matches(utf8("get /x timeout")));
            assertArrayEquals(new int[] {}, set.matches("fine"));
            assertTrue(set.isMatch("Timeout"));
            assertFalse(set.isMatch(utf8("ok")));
            ByteBuffer direct = ByteBuffer.allocateDirect(8).put(utf8("xx 500"));
            direct.flip();
            assertArrayEquals(new int[] {2}, set.matches(direct));
            assertArrayEquals(new int[] {0}, set.matches(utf8("an error!"), 3, 6));
        }
        try (RegexSet empty = RegexSet.compile()) {
            assertEquals(0, empty.size());
            assertArrayEquals(new int[] {}, empty.matches("anything"));
            assertFalse(empty.isMatch("anything"));
        }
    }

    @Test
    void nativeStateIsCountedAndFreedOnce() {
        long before = liveOf("Regex") + liveOf("RegexSet");
        List<AutoCloseable> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) open.add(Regex.compile("\\w+" + i));
        open.add(RegexSet.compile("a", "b"));
        assertEquals(before + 6, liveOf("Regex") + liveOf("RegexSet"));
        open.forEach(c -> {
            try {
                c.close();
                c.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(before, liveOf("Regex") + liveOf("RegexSet"));
    }

    private static long liveOf(String kind) {
        return Ferric.nativeStats().liveByKind().getOrDefault(kind, 0L);
    }

    @Test
    void oneRegexIsSharedByManyThreads() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) sb.append("word").append(i).append(i % 3 == 0 ? "é " : " ");
        String s = sb.toString();
        try (Regex re = Regex.compile("\\w+\\d")) {
            int expected = re.count(s);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> fs = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    fs.add(pool.submit(() -> t(re, s)));
                }
                for (Future<Integer> f : fs) assertEquals(expected * 3, f.get());
            } finally {
                pool.shutdown();
            }
        }
    }

    private static int t(Regex re, String s) {
        return re.count(s) + re.count(utf8(s)) + (int) re.findAll(s).count();
    }
}
