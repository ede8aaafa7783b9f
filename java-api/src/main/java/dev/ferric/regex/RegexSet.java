package dev.ferric.regex;

import dev.ferric.NativeResource;
import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Many patterns compiled into one automaton: one pass over the input tells which of them match
 * (anywhere, possibly overlapping). Made with {@link #compile(String...)} or
 * {@link Regex.Builder#compileSet(String...)}.
 *
 * <pre>{@code
 * try (RegexSet rules = RegexSet.compile("(?i)error", "timeout", "\\b5\\d\\d\\b")) {
 *     int[] hits = rules.matches(line);     // e.g. {0, 2}
 * }
 * }</pre>
 *
 * <p>Inputs, offsets, threads and memory: as for {@link Regex}. Immutable and thread-safe.
 */
public final class RegexSet extends NativeResource {
    private static final String KIND = "RegexSet";
    private final List<String> patterns;

    RegexSet(long handle, String[] patterns) {
        super(handle, h -> RegexNative.get().setFree(h), KIND);
        this.patterns = Collections.unmodifiableList(Arrays.asList(patterns.clone()));
    }

    /** Compiles {@code patterns} with default flags and limits. */
    public static RegexSet compile(String... patterns) {
        return Regex.builder().compileSet(patterns);
    }

    /** The patterns, in the order their indexes refer to. */
    public List<String> patterns() {
        return patterns;
    }

    /** Number of patterns. */
    public int size() {
        return patterns.size();
    }

    private int[] which(Object input, boolean anyOnly) {
        return withShared(h -> {
            if (input instanceof String) return RegexNative.get().setWhichString(h, (String) input, anyOnly);
            ByteRange r = ByteRange.of((ByteBuffer) input);
            return RegexNative.get().setWhich(h, r.array, r.direct, r.off, r.len, anyOnly);
        });
    }

    /** Indexes of the patterns matching somewhere in {@code input}, ascending. */
    public int[] matches(CharSequence input) {
        return which(Checks.requireNonNull(input, "input").toString(), false);
    }

    /** Indexes of the patterns matching somewhere in {@code input}, ascending. */
    public int[] matches(byte[] input) {
        Checks.requireNonNull(input, "input");
        return matches(input, 0, input.length);
    }

    /** Indexes of the patterns matching somewhere in {@code input[off, off + len)}, ascending. */
    public int[] matches(byte[] input, int off, int len) {
        Checks.requireNonNull(input, "input");
        Checks.checkFromIndexSize(off, len, input.length);
        return which(ByteBuffer.wrap(input, off, len), false);
    }

    /** Indexes of the patterns matching somewhere in the remaining bytes of {@code input}, ascending. */
    public int[] matches(ByteBuffer input) {
        return which(Checks.requireNonNull(input, "input"), false);
    }

    /** Whether any pattern matches somewhere in {@code input}. */
    public boolean isMatch(CharSequence input) {
        return which(Checks.requireNonNull(input, "input").toString(), true).length > 0;
    }

    /** Whether any pattern matches somewhere in {@code input}. */
    public boolean isMatch(byte[] input) {
        Checks.requireNonNull(input, "input");
        return which(ByteBuffer.wrap(input), true).length > 0;
    }

    /** Whether any pattern matches somewhere in the remaining bytes of {@code input}. */
    public boolean isMatch(ByteBuffer input) {
        return which(Checks.requireNonNull(input, "input"), true).length > 0;
    }
}
