package dev.ferric.regex;

import static dev.ferric.regex.TextSearch.text;

import dev.ferric.NativeResource;
import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

// The public API; the work behind it is in package-private classes: TextSearch (finding matches in text,
// the ASCII fast path, the cached one-off checks), TextEdits (replace, split), ByteSearch
// (the byte[] and ByteBuffer API, on ByteRange), Quoting. The native calls they make through this class, each under
// a call guard, are at the end, before the Builder.

/**
 * A compiled regular expression, matched in time linear in the input by Rust's {@code regex} engine
 * (finite automata, no backtracking: no pattern or input can make it take exponential time).
 *
 * <pre>{@code
 * try (Regex re = Regex.compile("(?<user>\\w+)@(?<host>[\\w.]+)")) {
 *     boolean any = re.isMatch(text);
 *     long n = re.count(text);
 *     re.capturesAll(text).forEach(m -> System.out.println(m.group("host")));
 *     String masked = re.replaceAll(text, "${user}@example.org");
 *     Optional<ByteMatch> inBytes = re.find(utf8Bytes);           // byte offsets
 * }
 * }</pre>
 *
 * <p><b>Syntax.</b> Patterns use {@code java.util.regex} syntax, translated to the engine's; constructs
 * that need backtracking (backreferences, look-around, atomic groups, possessive quantifiers) and a few
 * without an equivalent are refused with a {@link RegexSyntaxException} naming the construct. With
 * {@link #RUST_SYNTAX} the pattern is given to the engine as written. The differences in meaning
 * ({@code \w}, {@code \d}, {@code \b} and case folding are Unicode-aware; {@code $} is the very end of
 * the input; empty matches next to a match are skipped...) are listed in {@code docs/regex.md}.
 *
 * <p><b>Inputs and offsets.</b> {@code CharSequence} inputs report offsets in UTF-16 units, exactly as
 * {@link String#substring(int, int)} takes them; matches never split a surrogate pair, and an unpaired
 * surrogate is read as U+FFFD (it matches {@code .} and {@code \x{FFFD}}, and is one unit wide in
 * offsets). {@code byte[]} and {@link ByteBuffer} inputs are searched as bytes (UTF-8 or arbitrary),
 * with byte offsets that are absolute indices into the array or buffer; the range searched is the
 * whole input as far as {@code ^}, {@code \b} and look-behind context go.
 *
 * <p><b>Memory contract.</b> A {@code CharSequence} is turned into a {@code String} (no copy if it is
 * one) and its contents are transcoded to UTF-8 into native memory for the duration of one call,
 * nothing pinned; {@code findAll} and {@code capturesAll} on text find all matches in that one call.
 * A {@code byte[]} of up to 1 KiB is copied; a larger one is read in place inside one JNI critical
 * section per call (the garbage collector may wait for that search; {@code findAll} searches in batches
 * of matches, one call each). A direct {@code ByteBuffer} is read in place and never pinned: prefer it
 * for very large inputs. Buffers' positions and limits are not changed. The compiled regex owns native
 * memory ({@link #compiledSize()}, plus a search cache per thread that uses it, at most the DFA size
 * limit) until {@link #close()}; see {@link NativeResource}.
 *
 * <p><b>Searches answered in Java.</b> Some text searches never reach native code, with the same
 * results: a pattern that is a plain ASCII literal ({@code "timeout"}, or any ASCII under
 * {@link #LITERAL}; not with {@link #CASE_INSENSITIVE} or {@link #COMMENTS}) is searched with
 * {@link String#indexOf(String, int)}; a text without the ASCII literal every match contains is
 * answered by it too; and {@code matches} rejects an input whose first or last character no match can
 * begin or end with.
 *
 * <p><b>Threads.</b> Immutable: one instance may be used by any number of threads at once.
 *
 * <p>All methods throw {@link NullPointerException} for null arguments and
 * {@link IndexOutOfBoundsException} for ranges outside an array; methods of a closed regex throw
 * {@link IllegalStateException}.
 */
public final class Regex extends NativeResource {
    /** Case-insensitive matching, with Unicode simple case folding (unless {@link #NO_UNICODE}). */
    public static final int CASE_INSENSITIVE = 0x02;
    /** Whitespace and {@code #} comments in the pattern are ignored. */
    public static final int COMMENTS = 0x04;
    /** {@code ^} and {@code $} also match at line starts and ends ({@code \n}; see {@link #CRLF}). */
    public static final int MULTILINE = 0x08;
    /** The pattern is a literal string; only {@link #CASE_INSENSITIVE} and {@link #NO_UNICODE} still apply. */
    public static final int LITERAL = 0x10;
    /** {@code .} matches line terminators too. */
    public static final int DOTALL = 0x20;
    /**
     * Unicode off: {@code \w}, {@code \d}, {@code \s}, {@code \b} and case folding are ASCII-only, and in
     * the byte API {@code .} and negated classes match any single byte.
     */
    public static final int NO_UNICODE = 0x1000;
    /** {@code \r\n} and {@code \r} end lines too, for {@code ^}/{@code $} in MULTILINE mode and for {@code .}. */
    public static final int CRLF = 0x2000;
    /** The pattern is in the syntax of Rust's {@code regex} crate, given to the engine untranslated. */
    public static final int RUST_SYNTAX = 0x4000;

    private static final int ALL_FLAGS = CASE_INSENSITIVE | COMMENTS | MULTILINE | LITERAL | DOTALL | NO_UNICODE | CRLF | RUST_SYNTAX;
    private static final String KIND = "Regex";

    private final String pattern;
    private final int flags;
    private final Groups groups;
    /**
     * The ASCII characters a match can begin with (words 0-3, bit {@code c % 32} of word {@code c / 32})
     * and end with (words 4-7): {@code matches} of a non-empty input whose first or last character is
     * another ASCII one is false without crossing to native code, as {@code java.util.regex} fails such
     * an input at its first character.
     */
    private final int[] edges;
    /** An ASCII string every match contains, or null: a text without it has no match ({@link #mayMatchFrom}). */
    private final String required;
    /**
     * The pattern itself when it is a plain ASCII literal (see {@link #plainLiteral}), else null: then
     * every search of a {@code String} is {@code String.indexOf}, an intrinsic, and never crosses to
     * native code (a crossing costs more than the JDK's whole search of a short line).
     */
    final String literal;

    private Regex(long handle, String pattern, int flags) {
        super(handle, h -> RegexNative.get().free(h), KIND);
        this.pattern = pattern;
        this.flags = flags;
        this.groups = new Groups(withShared(h -> RegexNative.get().groupNames(h)));
        this.edges = withShared(h -> RegexNative.get().fullMatchEdges(h));
        this.required = withShared(h -> RegexNative.get().requiredLiteral(h));
        this.literal = plainLiteral(pattern, flags);
    }

    /**
     * {@code pattern} if it matches exactly itself, by {@code String.equals} character for character:
     * non-empty ASCII without a metacharacter (or any ASCII under {@link #LITERAL}), and no flag that
     * changes what a literal matches ({@link #CASE_INSENSITIVE}, {@link #COMMENTS}). Else null.
     */
    static String plainLiteral(String pattern, int flags) {
        if (pattern.isEmpty() || (flags & (CASE_INSENSITIVE | COMMENTS)) != 0) return null;
        boolean quoted = (flags & LITERAL) != 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c >= 0x80 || !quoted && "\\^$.|?*+()[]{}".indexOf(c) >= 0) return null;
        }
        return pattern;
    }

    /**
     * Compiles {@code pattern} with default flags and limits.
     *
     * @throws RegexSyntaxException if the pattern is invalid or uses an unsupported construct
     * @throws IllegalArgumentException if the compiled regex would exceed the size limit
     */
    public static Regex compile(String pattern) {
        return new Builder().compile(pattern);
    }

    /** Compiles {@code pattern} with {@code flags} (a bitwise OR of this class's constants); see {@link #compile(String)}. */
    public static Regex compile(String pattern, int flags) {
        return new Builder().flags(flags).compile(pattern);
    }

    /**
     * Whether {@code pattern} matches all of {@code input}, as {@link java.util.regex.Pattern#matches(String,
     * CharSequence)}: for one-off checks where holding a compiled {@code Regex} is awkward. The compiled
     * pattern is kept in a cache of the 256 most recently used ones, so a pattern
     * seen before is not compiled again; {@link #compile(String)} is still the way for a pattern used in a
     * loop (no lookup per call) or with a {@link Builder}'s limits.
     *
     * @throws RegexSyntaxException if the pattern is invalid or uses an unsupported construct
     */
    public static boolean matches(String pattern, CharSequence input) {
        return TextSearch.cached(pattern, 0, input, RegexNative.OP_FULL_MATCH);
    }

    /**
     * Whether {@code pattern} matches somewhere in {@code input}, as {@code Pattern.compile(pattern)
     * .matcher(input).find()}; compiled patterns are cached as for {@link #matches(String, CharSequence)}.
     *
     * @throws RegexSyntaxException if the pattern is invalid or uses an unsupported construct
     */
    public static boolean isMatch(String pattern, CharSequence input) {
        return TextSearch.cached(pattern, 0, input, RegexNative.OP_IS_MATCH);
    }

    /** Settings for compiling: flags and the limits that bound compile time and memory. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A pattern matching {@code literal} exactly (each metacharacter escaped; unlike
     * {@code Pattern.quote}, no {@code \Q...\E}).
     */
    public static String quote(String literal) {
        Checks.requireNonNull(literal, "literal");
        return Quoting.pattern(literal);
    }

    /** {@code s} with {@code \} and {@code $} escaped, for use as a literal replacement. */
    public static String quoteReplacement(String s) {
        Checks.requireNonNull(s, "s");
        return Quoting.replacement(s);
    }

    /** The pattern as given. */
    public String pattern() {
        requireOpen();
        return pattern;
    }

    /** The flags as given. */
    public int flags() {
        requireOpen();
        return flags;
    }

    /** Number of capture groups, not counting group 0 (as {@code Matcher.groupCount()}). */
    public int groupCount() {
        requireOpen();
        return groups.count();
    }

    /** Named groups and their indexes. */
    public Map<String, Integer> namedGroups() {
        requireOpen();
        return groups.byName();
    }

    /** The pattern after translation to the engine's syntax (for diagnostics). */
    public String enginePattern() {
        return withShared(h -> RegexNative.get().enginePattern(h));
    }

    /**
     * Bytes of native memory held by the compiled engines (those built so far: the text, whole-input
     * and large-input variants are built on first use), not counting per-thread search caches.
     */
    public long compiledSize() {
        return withShared(h -> RegexNative.get().memoryUsage(h));
    }

    @Override
    public String toString() {
        return pattern;
    }

    // ---- text ----

    /** Whether the regex matches all of {@code input} (as {@code Matcher.matches()}). */
    public boolean matches(CharSequence input) {
        return textOp(RegexNative.OP_FULL_MATCH, text(input), 0) != 0;
    }

    /** Whether the regex matches somewhere in {@code input} (as {@code Matcher.find()} returning true). */
    public boolean isMatch(CharSequence input) {
        return textOp(RegexNative.OP_IS_MATCH, text(input), 0) != 0;
    }

    /** Number of non-overlapping matches in {@code input}, without creating match objects. */
    public int count(CharSequence input) {
        return textOp(RegexNative.OP_COUNT, text(input), 0);
    }

    /** The first match (whole match only: its groups are not captured). */
    public Optional<Match> find(CharSequence input) {
        return find(input, 0);
    }

    /**
     * The first match at or after UTF-16 index {@code from}; {@code input} before it is still context
     * for {@code ^} and {@code \b}. Each call reads the whole input: to visit every match, use
     * {@link #findAll(CharSequence)}, which reads it once.
     */
    public Optional<Match> find(CharSequence input, int from) {
        return TextSearch.first(this, text(input), from, false);
    }

    /** The first match with all its groups. */
    public Optional<Match> captures(CharSequence input) {
        return TextSearch.first(this, text(input), 0, true);
    }

    /** All non-overlapping matches, in order (whole matches only). All are found when this is called. */
    public Stream<Match> findAll(CharSequence input) {
        return TextSearch.all(this, text(input), false);
    }

    /** All non-overlapping matches with their groups. All are found when this is called. */
    public Stream<Match> capturesAll(CharSequence input) {
        return TextSearch.all(this, text(input), true);
    }

    /**
     * {@code input} with the first match replaced by {@code replacement}, in {@code java.util.regex}
     * syntax: {@code $n}, {@code ${name}}, {@code \} quotes the next character.
     *
     * @throws IllegalArgumentException if the replacement refers to an unknown group name or is malformed
     * @throws IndexOutOfBoundsException if it refers to a group number that does not exist
     */
    public String replaceFirst(CharSequence input, String replacement) {
        return TextEdits.replace(this, text(input), replacement, 1);
    }

    /** {@code input} with every match replaced; see {@link #replaceFirst(CharSequence, String)}. */
    public String replaceAll(CharSequence input, String replacement) {
        return TextEdits.replace(this, text(input), replacement, -1);
    }

    /** {@code input} with every match replaced by what {@code replacer} returns for it (used literally). */
    public String replaceAll(CharSequence input, Function<Match, String> replacer) {
        Checks.requireNonNull(replacer, "replacer");
        return TextEdits.replaceAll(this, text(input), replacer);
    }

    /** Splits {@code input} around matches, as {@link java.util.regex.Pattern#split(CharSequence)}. */
    public String[] split(CharSequence input) {
        return split(input, 0);
    }

    /**
     * Splits {@code input} around matches, with {@link java.util.regex.Pattern#split(CharSequence, int)}'s
     * rules for {@code limit} (positive: at most that many parts; zero: trailing empty strings removed;
     * negative: all parts) and for a zero-width match at the start (no leading empty string).
     */
    public String[] split(CharSequence input, int limit) {
        return TextEdits.split(this, text(input), limit);
    }

    // ---- bytes ----

    /** Whether the regex matches all of {@code input}. */
    public boolean matches(byte[] input) {
        Checks.requireNonNull(input, "input");
        return bytesOp(RegexNative.OP_FULL_MATCH, ByteRange.of(input, 0, input.length)) != 0;
    }

    /** Whether the regex matches all of {@code input[off, off + len)}. */
    public boolean matches(byte[] input, int off, int len) {
        return bytesOp(RegexNative.OP_FULL_MATCH, ByteRange.of(input, off, len)) != 0;
    }

    /** Whether the regex matches all the remaining bytes of {@code input}. */
    public boolean matches(ByteBuffer input) {
        return bytesOp(RegexNative.OP_FULL_MATCH, ByteRange.of(input)) != 0;
    }

    /** Whether the regex matches somewhere in {@code input}. */
    public boolean isMatch(byte[] input) {
        Checks.requireNonNull(input, "input");
        return isMatch(input, 0, input.length);
    }

    /** Whether the regex matches somewhere in {@code input[off, off + len)}. */
    public boolean isMatch(byte[] input, int off, int len) {
        return bytesOp(RegexNative.OP_IS_MATCH, ByteRange.of(input, off, len)) != 0;
    }

    /** Whether the regex matches somewhere in the remaining bytes of {@code input}. */
    public boolean isMatch(ByteBuffer input) {
        return bytesOp(RegexNative.OP_IS_MATCH, ByteRange.of(input)) != 0;
    }

    /** Number of non-overlapping matches in {@code input}. */
    public int count(byte[] input) {
        Checks.requireNonNull(input, "input");
        return count(input, 0, input.length);
    }

    /** Number of non-overlapping matches in {@code input[off, off + len)}. */
    public int count(byte[] input, int off, int len) {
        return bytesOp(RegexNative.OP_COUNT, ByteRange.of(input, off, len));
    }

    /** Number of non-overlapping matches in the remaining bytes of {@code input}. */
    public int count(ByteBuffer input) {
        return bytesOp(RegexNative.OP_COUNT, ByteRange.of(input));
    }

    /** The first match in {@code input} (whole match only). */
    public Optional<ByteMatch> find(byte[] input) {
        Checks.requireNonNull(input, "input");
        return find(input, 0, input.length);
    }

    /** The first match in {@code input[off, off + len)}; offsets are indices into {@code input}. */
    public Optional<ByteMatch> find(byte[] input, int off, int len) {
        return ByteSearch.first(this, ByteRange.of(input, off, len), false);
    }

    /** The first match in the remaining bytes of {@code input}; offsets are buffer indices. */
    public Optional<ByteMatch> find(ByteBuffer input) {
        return ByteSearch.first(this, ByteRange.of(input), false);
    }

    /** The first match in {@code input} with all its groups. */
    public Optional<ByteMatch> captures(byte[] input) {
        Checks.requireNonNull(input, "input");
        return captures(input, 0, input.length);
    }

    /** The first match in {@code input[off, off + len)} with all its groups. */
    public Optional<ByteMatch> captures(byte[] input, int off, int len) {
        return ByteSearch.first(this, ByteRange.of(input, off, len), true);
    }

    /** The first match in the remaining bytes of {@code input} with all its groups. */
    public Optional<ByteMatch> captures(ByteBuffer input) {
        return ByteSearch.first(this, ByteRange.of(input), true);
    }

    /** All non-overlapping matches in {@code input}, found lazily in batches (whole matches only). */
    public Stream<ByteMatch> findAll(byte[] input) {
        Checks.requireNonNull(input, "input");
        return findAll(input, 0, input.length);
    }

    /** All non-overlapping matches in {@code input[off, off + len)}, found lazily in batches. */
    public Stream<ByteMatch> findAll(byte[] input, int off, int len) {
        return ByteSearch.all(this, ByteRange.of(input, off, len), false);
    }

    /** All non-overlapping matches in the remaining bytes of {@code input}, found lazily in batches. */
    public Stream<ByteMatch> findAll(ByteBuffer input) {
        return ByteSearch.all(this, ByteRange.of(input), false);
    }

    /** All non-overlapping matches in {@code input} with their groups, found lazily in batches. */
    public Stream<ByteMatch> capturesAll(byte[] input) {
        Checks.requireNonNull(input, "input");
        return capturesAll(input, 0, input.length);
    }

    /** All non-overlapping matches in {@code input[off, off + len)} with their groups. */
    public Stream<ByteMatch> capturesAll(byte[] input, int off, int len) {
        return ByteSearch.all(this, ByteRange.of(input, off, len), true);
    }

    /** All non-overlapping matches in the remaining bytes of {@code input} with their groups. */
    public Stream<ByteMatch> capturesAll(ByteBuffer input) {
        return ByteSearch.all(this, ByteRange.of(input), true);
    }

    // ---- for TextSearch and ByteSearch: the native calls, each under a shared call guard (the helpers never see the handle) ----
    // The yes/no and count calls (textOp, bytesOp) are called straight from the public methods: a path short enough
    // for the JIT to inline whole, so that the ByteRange and the capturing lambda are not allocated per call.

    Groups groups() {
        return groups;
    }

    /** Runs {@code op} (a {@code RegexNative.OP_*}) on {@code s} from {@code from}; short ASCII text as bytes. */
    int textOp(int op, String s, int from) {
        if (literal != null) return literalOp(op, s, from);
        boolean full = op == RegexNative.OP_FULL_MATCH;
        if (full && !s.isEmpty() && !edgesAllow(s.charAt(0), s.charAt(s.length() - 1)) || !mayMatchFrom(s, from)) {
            requireOpen();
            return 0; // false, or no matches
        }
        byte[] ascii = TextSearch.ascii(s);
        if (ascii != null) return withSharedInt(h -> RegexCalls.bytesOp(h, op | RegexNative.OP_TEXT, ascii, 0, s.length(), from));
        return withSharedInt(h -> RegexNative.get().stringOp(h, op, s, from));
    }

    int[] textFind(String s, int from, int limit, boolean captures) {
        return withShared(h -> RegexNative.get().stringFind(h, s, from, limit, captures));
    }

    /** Runs {@code op} (a {@code RegexNative.OP_*}) on all of {@code in}. */
    int bytesOp(int op, ByteRange in) {
        if (op == RegexNative.OP_FULL_MATCH && in.len > 0 && !edgesAllow(in.byteAt(0) & 0xff, in.byteAt(in.len - 1) & 0xff)) {
            requireOpen();
            return 0;
        }
        if (in.direct != null) return withSharedInt(h -> RegexNative.get().op(h, op, null, in.direct, in.off, in.len, 0));
        return withSharedInt(h -> RegexCalls.bytesOp(h, op, in.array, in.off, in.len, 0));
    }

    /** {@link #textOp} of a {@link #literal} pattern, with {@code String} methods. */
    private int literalOp(int op, String s, int from) {
        requireOpen();
        if (op == RegexNative.OP_FULL_MATCH) return from == 0 && s.equals(literal) ? 1 : 0;
        if (op == RegexNative.OP_IS_MATCH) return s.indexOf(literal, from) >= 0 ? 1 : 0;
        int n = 0;
        for (int i = s.indexOf(literal, from); i >= 0; i = s.indexOf(literal, i + literal.length())) n++;
        return n;
    }

    /**
     * Slots (start, end pairs) of up to {@code limit} (-1: all) non-overlapping matches at or after
     * {@code from} of a {@link #literal} pattern, with {@code String.indexOf}.
     */
    int[] literalSlots(String s, int from, int limit) {
        requireOpen();
        int want = limit < 0 ? Integer.MAX_VALUE : limit;
        int[] slots = new int[2 * Math.min(want, 4)];
        int n = 0;
        for (int i = s.indexOf(literal, from); i >= 0 && n / 2 < want; i = s.indexOf(literal, i + literal.length())) {
            if (n == slots.length) slots = Arrays.copyOf(slots, 2 * n);
            slots[n++] = i;
            slots[n++] = i + literal.length();
        }
        return n == slots.length ? slots : Arrays.copyOf(slots, n);
    }

    /**
     * Whether {@code s} can hold a match at or after {@code from}: not when it lacks the literal every
     * match contains ({@code String.indexOf}, an intrinsic, instead of a native search); throws
     * {@link IllegalStateException} when closed, as the search would.
     */
    boolean mayMatchFrom(String s, int from) {
        if (required == null || s.indexOf(required, from) >= 0) return true;
        requireOpen();
        return false;
    }

    /** Whether a whole-input match can begin with {@code first} and end with {@code last} ({@link #edges}). */
    private boolean edgesAllow(int first, int last) {
        return (first >= 128 || (edges[first >>> 5] & (1 << first)) != 0) && (last >= 128 || (edges[4 + (last >>> 5)] & (1 << last)) != 0);
    }

    /** {@link RegexNative#find} on {@code in}: offsets relative to the range. */
    int bytesFind(ByteRange in, int from, int prevEnd, int flags, int[] out) {
        if (in.direct != null) return withSharedInt(h -> RegexNative.get().find(h, null, in.direct, in.off, in.len, from, prevEnd, flags, out));
        return withSharedInt(h -> RegexCalls.find(h, in.array, in.off, in.len, from, prevEnd, flags, out));
    }

    /** Compile settings: flags and limits. Reusable; not thread-safe. */
    public static final class Builder {
        private int flags;
        private long sizeLimit = 10L << 20;
        private long dfaSizeLimit = 2L << 20;
        private int nestLimit = 250;

        Builder() {}

        /**
         * Sets the flags, a bitwise OR of {@link Regex}'s constants.
         *
         * @throws IllegalArgumentException for unknown bits
         */
        public Builder flags(int flags) {
            if ((flags & ~ALL_FLAGS) != 0) throw new IllegalArgumentException("unknown flag bits 0x" + Integer.toHexString(flags & ~ALL_FLAGS));
            this.flags = flags;
            return this;
        }

        /** Largest compiled program, in bytes (default 10 MiB); a larger one is refused at compile time. */
        public Builder sizeLimit(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("sizeLimit must be >= 0, was " + bytes);
            this.sizeLimit = bytes;
            return this;
        }

        /** Most memory the lazy DFA may use per searching thread (default 2 MiB); beyond it the engine falls back to slower, still linear, methods. */
        public Builder dfaSizeLimit(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("dfaSizeLimit must be >= 0, was " + bytes);
            this.dfaSizeLimit = bytes;
            return this;
        }

        /** Deepest nesting of groups and repetitions (default 250). */
        public Builder nestLimit(int depth) {
            if (depth < 0) throw new IllegalArgumentException("nestLimit must be >= 0, was " + depth);
            this.nestLimit = depth;
            return this;
        }

        /**
         * Compiles {@code pattern}.
         *
         * @throws RegexSyntaxException if it is invalid, unsupported, or nested too deeply
         * @throws IllegalArgumentException if the compiled regex would exceed the size limit
         */
        public Regex compile(String pattern) {
            Checks.requireNonNull(pattern, "pattern");
            refuseLoneSurrogate(pattern);
            long h;
            try {
                h = RegexNative.get().compile(pattern, flags, sizeLimit, dfaSizeLimit, nestLimit);
            } catch (RegexSyntaxException e) {
                throw e.withPattern(pattern);
            }
            return new Regex(h, pattern, flags);
        }

        /**
         * A lone surrogate written into the pattern (not as the escape {@code \uD800}, which the
         * translator refuses) would otherwise reach the engine as U+FFFD and match that character:
         * refused the same way, with its index.
         */
        private static void refuseLoneSurrogate(String pattern) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < pattern.length() && Character.isLowSurrogate(pattern.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new RegexSyntaxException("the lone surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                            + " cannot be matched: ferric matches Unicode scalar values, and reads an unpaired surrogate in the"
                            + " input as U+FFFD", pattern, i);
                }
            }
        }

        /**
         * Compiles {@code patterns} into one {@link RegexSet}.
         *
         * @throws RegexSyntaxException naming the first invalid pattern
         */
        public RegexSet compileSet(String... patterns) {
            Checks.requireNonNull(patterns, "patterns");
            return compileSet(Arrays.asList(patterns));
        }

        /** Compiles {@code patterns} into one {@link RegexSet}; see {@link #compileSet(String...)}. */
        public RegexSet compileSet(Collection<String> patterns) {
            Checks.requireNonNull(patterns, "patterns");
            String[] ps = patterns.toArray(new String[0]);
            for (int i = 0; i < ps.length; i++) {
                Checks.requireNonNull(ps[i], "patterns[" + i + "]");
                try {
                    refuseLoneSurrogate(ps[i]);
                } catch (RegexSyntaxException e) {
                    throw new RegexSyntaxException("pattern " + i + ": " + e.getDescription(), ps[i], e.getIndex());
                }
            }
            long h;
            try {
                h = RegexNative.get().setCompile(ps, flags, sizeLimit, dfaSizeLimit, nestLimit);
            } catch (RegexSyntaxException e) {
                String d = e.getDescription();
                String failing = null;
                if (d.startsWith("pattern ")) {
                    try {
                        failing = ps[Integer.parseInt(d.substring(8, d.indexOf(':')))];
                    } catch (RuntimeException ignored) {
                        // leave the pattern unnamed
                    }
                }
                throw e.withPattern(failing);
            }
            return new RegexSet(h, ps);
        }
    }
}
