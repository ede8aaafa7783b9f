package dev.ferric.regex;

/** Literal strings made safe as a pattern ({@link Regex#quote}) or as a replacement ({@link Regex#quoteReplacement}). */
final class Quoting {
    private Quoting() {}

    /** {@code literal} with each metacharacter escaped and whitespace written as {@code \x{..}} (so that COMMENTS mode keeps it). */
    static String pattern(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if ("\\.+*?()|[]{}^$#&-~".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else if (Character.isWhitespace(c)) {
                sb.append("\\x{").append(Integer.toHexString(c)).append('}');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code s} with {@code \} and {@code $} quoted, so that it is replaced literally. */
    static String replacement(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('$') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '$') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
