package dev.ferric.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random patterns built from constructs both engines support, on random ASCII inputs without line
 * terminators (where the documented differences cannot show): ferric and java.util.regex must agree on
 * the match found from every start position, on {@code matches()} and on {@code isMatch}.
 */
class RegexDifferentialTest {
    private static final String[] ATOMS = {"a", "b", "c", "1", " ", ".", "[ab]", "[^a]", "[a-c1]", "\\d", "\\w", "\\s", "\\W", "\\b", "\\B", "^", "$"};
    private static final String[] QUANTIFIERS = {"*", "+", "?", "{1,2}", "{2}", "*?", "+?", "??", "{0,2}?"};

    private final Random random = new Random(20261126);

    private String pattern(int depth) {
        int parts = 1 + random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            String atom;
            int kind = random.nextInt(10);
            if (depth > 0 && kind < 2) {
                atom = (random.nextBoolean() ? "(" : "(?:") + pattern(depth - 1) + ")";
            } else if (depth > 0 && kind == 2) {
                atom = "(" + pattern(depth - 1) + "|" + pattern(depth - 1) + ")";
            } else {
                atom = ATOMS[random.nextInt(ATOMS.length)];
            }
            sb.append(atom);
            boolean quantifiable = !atom.equals("^") && !atom.equals("$") && !atom.startsWith("\\b") && !atom.startsWith("\\B");
            if (quantifiable && random.nextInt(3) == 0) sb.append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
        }
        return sb.toString();
    }

    private String input() {
        String alphabet = "abc1 ";
        int n = random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    @Test
    void agreesWithJavaUtilRegexOnSharedSyntax() {
        int compared = 0;
        for (int p = 0; p < 400; p++) {
            String pattern = pattern(2);
            Pattern jdk = Pattern.compile(pattern);
            try (Regex re = Regex.compile(pattern)) {
                for (int k = 0; k < 8; k++) {
                    String s = input();
                    Matcher m = jdk.matcher(s);
                    assertEquals(m.matches(), re.matches(s), () -> "matches " + pattern + " on '" + s + "'");
                    assertEquals(jdk.matcher(s).find(), re.isMatch(s), () -> "isMatch " + pattern + " on '" + s + "'");
                    for (int from = 0; from <= s.length(); from++) {
                        Matcher jm = jdk.matcher(s);
                        String want = jm.find(from) ? jm.start() + "-" + jm.end() : "none";
                        Optional<Match> got = re.find(s, from);
                        String have = got.map(x -> x.start() + "-" + x.end()).orElse("none");
                        int f = from;
                        assertEquals(want, have, () -> "find(" + f + ") " + pattern + " on '" + s + "'");
                        compared++;
                    }
                }
            }
        }
        assertEquals(true, compared > 10_000, "compared " + compared);
    }

    /**
     * Patterns the translator once read differently from Java (a hex escape's `}` taken for a counted
     * repetition's, a `-` after a class escape taken for a range, `~~` after a `[:` nested class
     * reaching the engine as an operator, a `]` first in a class taken for its end): every find on inputs that exercise them equals Java's.
     */
    @Test
    void onceMistranslatedPatternsNowMatchLikeJava() {
        String[] patterns = {"\\x{28}+", "\\x{61}+?", "a\\x{62}{2}", "[\\d-z]+", "[\\w-]+", "[a\\s-]+", "[\\p{L}-9]+",
            "[[:a]~~b]+", "[x[:a]~]+", "[](]+(a)?", "[^]a]+"};
        String[] inputs = {"((( a((b", "aaab", "abbb abb", "1-z-q 9", "a-b c_d-", "a -a", "Q-9x", "~:ab-~b", "x~:a", "](a]b("}; // ASCII: \\w and \\d are Unicode-aware in ferric (docs/regex.md)
        for (String pattern : patterns) {
            Pattern jdk = Pattern.compile(pattern);
            try (Regex re = Regex.compile(pattern)) {
                for (String s : inputs) {
                    for (int from = 0; from <= s.length(); from++) {
                        Matcher jm = jdk.matcher(s);
                        String want = jm.find(from) ? jm.start() + "-" + jm.end() : "none";
                        String have = re.find(s, from).map(x -> x.start() + "-" + x.end()).orElse("none");
                        int f = from;
                        assertEquals(want, have, () -> "find(" + f + ") " + pattern + " on '" + s + "'");
                    }
                }
            }
        }
    }

    /** COMMENTS skips ASCII whitespace only, as in Java: other Unicode whitespace is a literal. */
    @Test
    void commentsModeKeepsNonAsciiWhitespaceLikeJava() {
        for (char space : new char[] {'\u00a0', '\u2007', '\u202f', '\u0085', '\u3000'}) {
            String s = "a" + space + "b";
            try (Regex quoted = Regex.compile(Regex.quote(s), Regex.COMMENTS)) {
                assertEquals(true, quoted.matches(s), "quote(" + s + ") under COMMENTS");
            }
            for (String pattern : new String[] {"(?x)a" + space + "b", "(?x)[" + space + "]+", "(?x) a \t" + space + " b "}) {
                Pattern jdk = Pattern.compile(pattern);
                try (Regex re = Regex.compile(pattern)) {
                    for (String input : new String[] {s, "ab", "a b", String.valueOf(space) + space}) {
                        assertEquals(jdk.matcher(input).find(), re.isMatch(input), () -> pattern + " on " + input);
                    }
                }
            }
        }
    }

    /** An inline {@code x} flag ends with its group, as in Java: after it, {@code #} and spaces are literals again. */
    @Test
    void inlineCommentsModeEndsWithItsGroupLikeJava() {
        for (String pattern : new String[] {"(?x:a )#(b)", "((?x)a )#(b) ", "(?x)(a) #(b)\n(c)", "(?x:(?-x: ))(a)"}) {
            Pattern jdk = Pattern.compile(pattern);
            try (Regex re = Regex.compile(pattern)) {
                assertEquals(jdk.matcher("").groupCount(), re.groupCount(), pattern);
                for (String input : new String[] {"a#b", "a#b ", "a#b c", "a", " a", "ac"}) {
                    Matcher m = jdk.matcher(input);
                    Optional<Match> got = re.captures(input);
                    assertEquals(m.find(), got.isPresent(), () -> pattern + " on " + input);
                    if (got.isPresent()) {
                        for (int g = 0; g <= m.groupCount(); g++) {
                            assertEquals(m.start(g) + "-" + m.end(g), got.get().start(g) + "-" + got.get().end(g), pattern + " on " + input + " group " + g);
                        }
                    }
                }
            }
        }
    }

    @Test
    void capturingGroupsAgreeWithJavaUtilRegex() {
        for (int p = 0; p < 200; p++) {
            String pattern = "(" + pattern(2) + ")(" + pattern(1) + ")?";
            Pattern jdk = Pattern.compile(pattern);
            try (Regex re = Regex.compile(pattern)) {
                for (int k = 0; k < 8; k++) {
                    String s = input();
                    Matcher m = jdk.matcher(s);
                    Optional<Match> got = re.captures(s);
                    assertEquals(m.find(), got.isPresent(), pattern);
                    if (!got.isPresent()) continue;
                    assertEquals(m.groupCount(), got.get().groupCount());
                    for (int g = 0; g <= m.groupCount(); g++) {
                        int gg = g;
                        assertEquals(m.start(g) + "-" + m.end(g), got.get().start(g) + "-" + got.get().end(g),
                                () -> "group " + gg + " of " + pattern + " on '" + s + "'");
                    }
                }
            }
        }
    }

    /** Groups under a {@code {0}} repetition exist (they count, and have their names) but never take part. */
    @Test
    void groupsUnderAZeroRepetitionCountAsInJava() {
        String[][] cases = {{"(a){0}", "x", "[$1]"}, {"b(a){0}", "abba", "[$1]"}, {"b(?<n>a){0}", "abba", "[${n}]"},
            {"(?<x>a){0}(?<y>b)", "abab", "<${x}|${y}>"}, {"((a){0}b)", "bb", "$1$2"}, {"b(?:(a)|(c)){0}", "bcb", "[$2]"}};
        for (String[] c : cases) {
            Pattern jdk = Pattern.compile(c[0]);
            try (Regex re = Regex.compile(c[0])) {
                Matcher m = jdk.matcher(c[1]);
                assertEquals(m.groupCount(), re.groupCount(), c[0]);
                assertEquals(m.replaceAll(c[2]), re.replaceAll(c[1], c[2]), c[0]);
                m.reset();
                Optional<Match> got = re.captures(c[1]);
                assertEquals(m.find(), got.isPresent(), c[0]);
                if (!got.isPresent()) continue;
                for (int g = 0; g <= m.groupCount(); g++) {
                    assertEquals(m.start(g) + "-" + m.end(g), got.get().start(g) + "-" + got.get().end(g), c[0] + " group " + g);
                }
            }
        }
        try (Regex re = Regex.compile("b(?<n>a){0}")) {
            assertEquals(Pattern.compile("b(?<n>a){0}").matcher("b").replaceAll("[${n}]"), re.replaceAll("b", "[${n}]"));
            assertEquals(java.util.Collections.singletonMap("n", 1), re.namedGroups());
        }
        // a name defined twice: refused by both, at the second definition
        java.util.regex.PatternSyntaxException jdkError = assertThrows(java.util.regex.PatternSyntaxException.class, () -> Pattern.compile("(?<a>x)(?<a>y)"));
        RegexSyntaxException error = assertThrows(RegexSyntaxException.class, () -> Regex.compile("(?<a>x)(?<a>y)"));
        assertEquals(7, error.getIndex());
        assertEquals(true, jdkError.getIndex() >= 7, "Java points at or after the second name: " + jdkError.getIndex());
    }

    /** NO_UNICODE (ASCII classes, as Java's defaults) searches text too; {@code .} and negations match whole characters. */
    @Test
    void asciiRegexesSearchTextLikeJava() {
        String s = "a\u00e9\ud83d\ude00\n_9\u0663 b";
        for (String p : new String[] {".", "\\W", "\\w+", "[^a\\n]+", "\\S+", "\\D", "(?i)A\u00e9?", "[^\\w\\s]", "\\x{E9}", "\\u00e9+"}) {
            // Java: UNIX_LINES for '.'; ASCII \w \d \s and ASCII case folding are its defaults (not \b: row 2)
            Matcher m = Pattern.compile(p, Pattern.UNIX_LINES).matcher(s);
            StringBuilder want = new StringBuilder();
            while (m.find()) want.append('[').append(m.start()).append(',').append(m.end()).append(')');
            try (Regex re = Regex.compile(p, Regex.NO_UNICODE)) {
                String got = re.findAll(s).map(x -> "[" + x.start() + "," + x.end() + ")").collect(Collectors.joining());
                assertEquals(want.toString(), got, p);
                assertEquals(Pattern.compile(p, Pattern.UNIX_LINES).matcher(s).find(), re.isMatch(s), p);
                assertEquals(Pattern.compile(p, Pattern.UNIX_LINES).matcher("\u00e9").matches(), re.matches("\u00e9"), p);
            }
        }
        assertEquals("\u00e9", Pattern.compile("[\u00e9]").matcher("\u00e9").replaceAll("$0"));
        assertThrows(RegexSyntaxException.class, () -> Regex.compile("[\u00e9]", Regex.NO_UNICODE), "documented: no non-ASCII class members without Unicode");
    }

    /** With Unicode on, the byte API reports an empty match only between characters, as the String API does. */
    @Test
    void byteSearchesDoNotSplitCharactersWithEmptyMatches() {
        String s = "\u00e9a\ud83d\ude00";
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (String p : new String[] {"", "x*", "\\b", "\\B", "a??"}) {
            try (Regex re = Regex.compile(p)) {
                Matcher m = Pattern.compile(p, Pattern.UNICODE_CHARACTER_CLASS).matcher(s);
                StringBuilder want = new StringBuilder();
                while (m.find()) {
                    // Java's empty match between the two halves of a pair: never reported by ferric (docs/regex.md row 9)
                    if (m.start() < s.length() && Character.isLowSurrogate(s.charAt(m.start()))) continue;
                    int a = s.substring(0, m.start()).getBytes(StandardCharsets.UTF_8).length;
                    int b = s.substring(0, m.end()).getBytes(StandardCharsets.UTF_8).length;
                    want.append('[').append(a).append(',').append(b).append(')');
                }
                String got = re.findAll(utf8).map(x -> "[" + x.start() + "," + x.end() + ")").collect(Collectors.joining());
                assertEquals(want.toString(), got, p);
            }
        }
        try (Regex ascii = Regex.compile("", Regex.NO_UNICODE)) {
            assertEquals(3, ascii.count(new byte[] {(byte) 0xc3, (byte) 0xa9}), "NO_UNICODE: every byte offset");
        }
    }
}
