package dev.ferric.regex;

/**
 * A pattern that is not valid, or uses a construct ferric does not support (backreferences,
 * look-around, atomic groups, possessive quantifiers...: everything that would need backtracking).
 * Like {@link java.util.regex.PatternSyntaxException}, it carries the pattern, the position of the
 * problem and the engine's description.
 */
public class RegexSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final String pattern;
    private final int index;

    /**
     * @param description what is wrong
     * @param pattern the pattern (may be null)
     * @param index position of the problem in {@code pattern}, in UTF-16 units, or -1 if unknown
     */
    public RegexSyntaxException(String description, String pattern, int index) {
        super(description);
        this.description = description;
        this.pattern = pattern;
        this.index = index;
    }

    /** A copy naming {@code pattern}, for the exception thrown to the user. */
    RegexSyntaxException withPattern(String pattern) {
        RegexSyntaxException e = new RegexSyntaxException(description, pattern, index);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** What is wrong, without the pattern. */
    public String getDescription() {
        return description;
    }

    /** The pattern, or null if unknown. */
    public String getPattern() {
        return pattern;
    }

    /** Position of the problem in the pattern (UTF-16 units), or -1. */
    public int getIndex() {
        return index;
    }

    /** The description, the pattern, and a caret under the position, as {@code PatternSyntaxException} prints them. */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(description);
        if (index >= 0) sb.append(" near index ").append(index);
        if (pattern != null) {
            sb.append(System.lineSeparator()).append(pattern);
            if (index >= 0 && index <= pattern.length()) {
                sb.append(System.lineSeparator());
                for (int i = 0; i < index; i++) sb.append(' ');
                sb.append('^');
            }
        }
        return sb.toString();
    }
}
