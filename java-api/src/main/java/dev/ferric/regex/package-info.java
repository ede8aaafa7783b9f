/**
 * Linear-time regular expressions: Rust's {@code regex} engine (finite automata, no backtracking)
 * behind an API shaped like {@code java.util.regex}. No pattern and no input can make a search take
 * more than time linear in the input (times the pattern size): the engine is immune to ReDoS.
 *
 * <p>{@link dev.ferric.regex.Regex} compiles one pattern (Java syntax, translated; what would need
 * backtracking is refused with a {@link dev.ferric.regex.RegexSyntaxException} naming the construct),
 * {@link dev.ferric.regex.RegexSet} many at once. Both search {@code CharSequence}s (offsets in UTF-16
 * units, as Java counts) and bytes ({@code byte[]} or {@code ByteBuffer}, offsets in bytes). The
 * differences from {@code java.util.regex} are listed in {@code docs/regex.md}.
 */
package dev.ferric.regex;
