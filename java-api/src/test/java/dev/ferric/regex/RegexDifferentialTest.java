package dev.ferric.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
     * reaching the engine as an operator): every find on inputs that exercise them equals Java's.
     */
    @Test
    void onceMistranslatedPatternsNowMatchLikeJava() {
        String[] patterns = {"\\x{28}+", "\\x{61}+?", "a\\x{62}{2}", "[\\d-z]+", "[\\w-]+", "[a\\s-]+", "[\\p{L}-9]+",
            "[[:a]~~b]+", "[x[:a]~]+"};
        String[] inputs = {"((( a((b", "aaab", "abbb abb", "1-z-q 9", "a-b c_d-", "a -a", "Q-9x", "~:ab-~b", "x~:a"}; // ASCII: \\w and \\d are Unicode-aware in ferric (docs/regex.md)
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
}
