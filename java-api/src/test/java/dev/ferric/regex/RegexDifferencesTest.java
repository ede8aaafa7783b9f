package dev.ferric.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per row of the differences table in docs/regex.md (row numbers in the method names). */
class RegexDifferencesTest {
    private static boolean ferric(String pattern, int flags, String input) {
        try (Regex re = Regex.compile(pattern, flags)) {
            return re.isMatch(input);
        }
    }

    private static boolean jdk(String pattern, int flags, String input) {
        return Pattern.compile(pattern, flags).matcher(input).find();
    }

    private static List<String> words(String pattern, String input) {
        try (Regex re = Regex.compile(pattern)) {
            return re.findAll(input).map(Match::group).collect(Collectors.toList());
        }
    }

    @Test
    void row01_perlClassesAreUnicodeByDefault() {
        assertTrue(ferric("^\\d$", 0, "٣"));
        assertFalse(jdk("^\\d$", 0, "٣"));
        assertTrue(jdk("^\\d$", Pattern.UNICODE_CHARACTER_CLASS, "٣"));
        assertFalse(ferric("^\\d$", Regex.NO_UNICODE, "٣"));
        assertEquals(Collections.singletonList("naïve"), words("\\w+", "naïve"));
        assertTrue(ferric("^\\s$", 0, "\u2003"));
        assertFalse(jdk("^\\s$", 0, "\u2003"));
    }

    @Test
    void row02_wordBoundaryFollowsUnicodeWordCharacters() {
        assertFalse(ferric("a\\b", 0, "aé"));
        assertTrue(ferric("a\\b", Regex.NO_UNICODE, "aé"));
    }

    @Test
    void row03_caseFoldingIsUnicodeByDefault() {
        assertTrue(ferric("é", Regex.CASE_INSENSITIVE, "É"));
        assertFalse(jdk("é", Pattern.CASE_INSENSITIVE, "É"));
        assertTrue(jdk("é", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE, "É"));
        assertFalse(ferric("é", Regex.CASE_INSENSITIVE | Regex.NO_UNICODE, "É"));
    }

    @Test
    void row04_dollarIsTheVeryEnd() {
        assertFalse(ferric("a$", 0, "a\n"));
        assertTrue(jdk("a$", 0, "a\n"));
        assertTrue(ferric("a$", Regex.MULTILINE, "a\n"));
    }

    @Test
    void row05_dotExcludesOnlyNewline() {
        assertTrue(ferric("^.$", 0, "\r"));
        assertFalse(jdk("^.$", 0, "\r"));
        assertFalse(ferric("^.$", Regex.CRLF, "\r"));
        assertTrue(ferric("^.$", 0, "\u2028"));
        assertFalse(ferric("^.$", 0, "\n"));
        assertTrue(ferric("^.$", Regex.DOTALL, "\n"));
    }

    @Test
    void row06_lineAnchorsSeeOnlyNewlineUnlessCrlf() {
        assertFalse(ferric("a$", Regex.MULTILINE, "a\r\nb"));
        assertTrue(jdk("a$", Pattern.MULTILINE, "a\r\nb"));
        assertTrue(ferric("a$", Regex.MULTILINE | Regex.CRLF, "a\r\nb"));
    }

    @Test
    void row07_emptyMatchRightAfterAMatchIsSkipped() {
        try (Regex re = Regex.compile("a*")) {
            assertEquals("-b-b-", re.replaceAll("baaab", "-"));
        }
        assertEquals("-b--b-", "baaab".replaceAll("a*", "-"));
        try (Regex re = Regex.compile("\\s*")) {
            assertEquals(Arrays.asList("x", "y"), Arrays.asList(re.split(" x  y")).subList(1, 3));
            assertEquals(3, re.count(" x  y"));
        }
        assertEquals(Arrays.asList("", "", "x", "", "y"), Arrays.asList(Pattern.compile("\\s*").split(" x  y")));
    }

    @Test
    void row08_replacementSyntaxIsJavas() {
        try (Regex re = Regex.compile("(?<w>\\w)(\\d)")) {
            String in = "a1 b2";
            for (String r : new String[] {"$2$1", "${w}", "\\$", "$0$0"}) {
                assertEquals(Pattern.compile("(?<w>\\w)(\\d)").matcher(in).replaceAll(r), re.replaceAll(in, r));
            }
        }
        try (Regex re = Regex.compile("b(a){0}")) {
            assertEquals("[]", Pattern.compile("b(a){0}").matcher("b").replaceAll("[$1]"));
            assertEquals("[]", re.replaceAll("b", "[$1]"));
        }
    }

    @Test
    void row09_offsetsAreUtf16ForTextAndBytesForBytes() {
        try (Regex re = Regex.compile("x")) {
            assertEquals(3, re.find("é😀x").get().start());
            assertEquals(6, re.find("é😀x".getBytes(StandardCharsets.UTF_8)).get().start());
        }
        try (Regex re = Regex.compile("")) {
            // empty matches never split a surrogate pair
            assertEquals(Arrays.asList(0, 2), re.findAll("😀").map(Match::start).collect(Collectors.toList()));
            // the byte API: only between characters while Unicode is on
            assertEquals(Arrays.asList(0, 2), re.findAll("é".getBytes(StandardCharsets.UTF_8)).map(ByteMatch::start).collect(Collectors.toList()));
        }
        assertEquals("[0,0)[1,1)[2,2)", jdkSpans("x*", "😀"));
        assertEquals("[0,0)[2,2)", spans("x*", "😀"));
        try (Regex re = Regex.compile("", Regex.NO_UNICODE)) {
            assertEquals(Arrays.asList(0, 1, 2), re.findAll("é".getBytes(StandardCharsets.UTF_8)).map(ByteMatch::start).collect(Collectors.toList()));
        }
    }

    @Test
    void row10_unpairedSurrogatesReadAsReplacementCharacter() {
        String s = "a\uD800b\uDC00";
        try (Regex re = Regex.compile("a.b")) {
            assertEquals("a\uD800b", re.find(s).get().group());
        }
        try (Regex re = Regex.compile("\\x{FFFD}")) {
            assertEquals(Arrays.asList(1, 3), re.findAll(s).map(Match::start).collect(Collectors.toList()));
        }
        RegexSyntaxException e = assertThrows(RegexSyntaxException.class, () -> Regex.compile("\\uD800"));
        assertTrue(e.getDescription().contains("surrogate"));
    }

    @Test
    void row11_backtrackingConstructsAreRefusedByName() {
        String[][] cases = {
            {"(a)\\1", "backreferences"}, {"(?<n>a)\\k<n>", "named backreferences"}, {"a(?=b)", "look-ahead"},
            {"a(?!b)", "look-ahead"}, {"(?<=a)b", "look-behind"}, {"(?<!a)b", "look-behind"}, {"(?>a)", "atomic"},
            {"a*+", "possessive"}, {"a++", "possessive"}, {"a?+", "possessive"}, {"a{1,2}+", "possessive"},
        };
        for (String[] c : cases) {
            RegexSyntaxException e = assertThrows(RegexSyntaxException.class, () -> Regex.compile(c[0]), c[0]);
            assertTrue(e.getDescription().contains(c[1]), e.getDescription());
            assertTrue(e.getDescription().contains("linear time"), e.getDescription());
        }
    }

    @Test
    void row12_constructsWithoutEquivalentAreRefusedByName() {
        String[][] cases = {
            {"\\G", "\\G"}, {"a\\Z", "\\Z"}, {"\\X", "\\X"}, {"\\p{InGreek}", "blocks"},
            {"\\p{javaLowerCase}", "java.lang.Character"}, {"\\N{LATIN SMALL LETTER A}", "\\N"}, {"\\b{g}", "\\b{"},
        };
        for (String[] c : cases) {
            RegexSyntaxException e = assertThrows(RegexSyntaxException.class, () -> Regex.compile(c[0]), c[0]);
            assertTrue(e.getDescription().contains(c[1]), e.getDescription());
        }
    }

    @Test
    void row13_javaOnlySyntaxIsTranslated() {
        String[][] cases = {
            {"\\Qa.b\\E", "a.b"}, {"^\\h$", "\u00A0"}, {"^\\v$", "\u2028"}, {"^\\R$", "\r\n"}, {"^\\e$", "\u001B"},
            {"^\\cA$", "\u0001"}, {"^\\0101$", "A"}, {"^\\u00e9$", "é"}, {"^\\uD83D\\uDE00$", "😀"}, {"^\\p{Alpha}+$", "abc"},
            {"^\\p{IsLatin}$", "é"}, {"(?U)^\\w$", "é"}, {"(?iu)^é$", "É"}, {"^\\<a\\>$", "<a>"}, {"^[[:a]]+$", ":a"},
            {"^[a~~b]+$", "~a"}, {"^[+--]+$", "+-,"}, {"^[a-z&&[^aeiou]]+$", "xyz"},
        };
        for (String[] c : cases) {
            assertTrue(ferric(c[0], 0, c[1]), c[0]);
            assertTrue(jdk(c[0], 0, c[1]), "java.util.regex agrees on " + c[0]);
        }
        // \v is vertical whitespace as in Java 8+, not Rust's vertical tab only
        assertTrue(ferric("^\\v$", 0, "\n"));
        // POSIX classes are ASCII, as in Java
        assertFalse(ferric("^\\p{Alpha}$", 0, "é"));
    }

    @Test
    void row14_fullMatchTriesEveryAlternative() {
        try (Regex re = Regex.compile("a|ab")) {
            assertEquals("a", re.find("ab").get().group());
            assertTrue(re.matches("ab"));
        }
        assertTrue(Pattern.matches("a|ab", "ab"));
    }

    @Test
    void row15_rustSyntaxFlagPassesPatternsThrough() {
        assertTrue(ferric("(?P<x>a)\\pN", Regex.RUST_SYNTAX, "a1"));
        assertTrue(ferric("\\<word\\>", Regex.RUST_SYNTAX, "a word."));
        assertFalse(ferric("\\<word\\>", 0, "a word."));
        assertTrue(ferric("(?U)a+", Regex.RUST_SYNTAX, "aa"));
        try (Regex lazy = Regex.compile("(?U)a+", Regex.RUST_SYNTAX)) {
            assertEquals("a", lazy.find("aa").get().group(), "(?U) swaps greediness in Rust syntax");
        }
        // groups as the engine counts them: a trailing group under {0} is gone (Java syntax keeps it)
        try (Regex rust = Regex.compile("b(a){0}", Regex.RUST_SYNTAX); Regex java = Regex.compile("b(a){0}")) {
            assertEquals(0, rust.groupCount());
            assertEquals(1, java.groupCount());
        }
    }

    @Test
    void row16_quoteEscapesInsteadOfQE() {
        assertEquals("a\\.b", Regex.quote("a.b"));
        assertEquals("\\Qa.b\\E", Pattern.quote("a.b"));
        assertTrue(ferric(Pattern.quote("a.b"), 0, "a.b"), "Java's \\Q...\\E is accepted too");
    }

    @Test
    void row17_unsupportedFlagsHaveNoConstantButTheirBehaviour() {
        // UNIX_LINES is ferric's default; UNICODE_CASE and UNICODE_CHARACTER_CLASS are on unless NO_UNICODE
        assertTrue(ferric("(?d)^.$", 0, "\r"));
        assertEquals(jdk("^.$", Pattern.UNIX_LINES, "\r"), ferric("^.$", 0, "\r"));
        assertThrows(IllegalArgumentException.class, () -> Regex.compile("a", Pattern.CANON_EQ));
    }

    @Test
    void row18_searchNeedsNoStackPerIteration() throws Exception {
        String input = new String(new char[100_000]).replace('\0', 'a');
        Object[] result = new Object[2];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = Pattern.compile("(a|aa)*c").matcher(input).find();
            } catch (StackOverflowError e) {
                result[0] = e;
            }
            try (Regex re = Regex.compile("(a|aa)*c")) {
                result[1] = re.isMatch(input);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertTrue(result[0] instanceof StackOverflowError, "java.util.regex recurses once per iteration: " + result[0]);
        assertEquals(Boolean.FALSE, result[1]);
    }
    private static String spans(String pattern, String input) {
        try (Regex re = Regex.compile(pattern)) {
            return re.findAll(input).map(m -> "[" + m.start() + "," + m.end() + ")").collect(Collectors.joining());
        }
    }

    private static String jdkSpans(String pattern, String input) {
        java.util.regex.Matcher m = Pattern.compile(pattern).matcher(input);
        StringBuilder sb = new StringBuilder();
        while (m.find()) sb.append('[').append(m.start()).append(',').append(m.end()).append(')');
        return sb.toString();
    }

    @Test
    void row19_multilineCaretAlsoMatchesAtTheEndAfterAFinalNewline() {
        assertEquals("[0,0)", jdkSpans("(?m)^", "a\n"));
        assertEquals("[0,0)[2,2)", spans("(?m)^", "a\n"));
        assertEquals("", jdkSpans("(?m)^", ""));
        assertEquals("[0,0)", spans("(?m)^", ""));
        assertEquals(jdkSpans("(?m)^a", "a\na\n"), spans("(?m)^a", "a\na\n"), "a caret followed by anything agrees");
    }

    @Test
    void row20_repetitionsOfBodiesThatCanMatchEmptyEndDifferently() {
        assertEquals("[0,1)[1,1)[2,2)", jdkSpans("(?:a*|b)+", "ab"));
        assertEquals("[0,2)", spans("(?:a*|b)+", "ab"));
        java.util.regex.Matcher m = Pattern.compile("(a|)+").matcher("a");
        assertTrue(m.find());
        assertEquals("1,1", m.start(1) + "," + m.end(1));
        try (Regex re = Regex.compile("(a|)+")) {
            Match f = re.captures("a").get();
            assertEquals("0,1", f.start(1) + "," + f.end(1));
        }
    }

    @Test
    void row21_javaRefusesTheseAndSoDoesFerric() {
        for (String p : new String[] {"a**", "a{2}*", "a*??", "a{2, 3}", "(?P<n>x)", "(?R)", "(?<a_b>x)"}) {
            assertThrows(java.util.regex.PatternSyntaxException.class, () -> Pattern.compile(p), p);
            assertThrows(RegexSyntaxException.class, () -> Regex.compile(p), p);
        }
        // Java ignores a second count (a{2}{3} is a{2}); ferric refuses it rather than differ
        assertEquals("[0,2)[2,4)[4,6)", jdkSpans("a{2}{3}", "aaaaaa"));
        RegexSyntaxException e = assertThrows(RegexSyntaxException.class, () -> Regex.compile("a{2}{3}"));
        assertEquals(4, e.getIndex());
    }

    @Test
    void row22_aGroupUnderTwoRepetitionsReportsTheLastIteration() {
        String[][] cases = {{"(?:(a)*b){2}", "abab", "0,1", "2,3"}, {"(?:(a){1,2}){2}", "aaaaa", "1,2", "3,4"}};
        for (String[] c : cases) {
            java.util.regex.Matcher m = Pattern.compile(c[0]).matcher(c[1]);
            assertTrue(m.find());
            assertEquals(c[2], m.start(1) + "," + m.end(1), c[0]);
            try (Regex re = Regex.compile(c[0])) {
                Match f = re.captures(c[1]).get();
                assertEquals(m.start() + "," + m.end(), f.start() + "," + f.end(), c[0]);
                assertEquals(c[3], f.start(1) + "," + f.end(1), c[0]);
            }
        }
    }
}
