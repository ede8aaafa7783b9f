package dev.ferric.regex;

import dev.ferric.internal.NativeLoader;
import java.nio.ByteBuffer;

/**
 * The native methods of the regex kernel ({@code rust-core/src/glue/regex.rs}). Callers check every
 * argument first and hold a {@code NativeResource} shared-call guard around each handle use.
 * Byte offsets ({@code from}, {@code prevEnd}, results) are absolute indices into the array or buffer.
 */
final class RegexNative {
    private static final RegexNative NATIVES = new RegexNative();

    private RegexNative() {}

    /**
     * The natives, bound to ferric's library: the first call loads it (see {@code NativeLoader}); while
     * it is not loaded this throws the loader's {@link UnsatisfiedLinkError}, with a search that found
     * nothing repeated on a later call. Every native call goes through here, so none reaches an unbound
     * method.
     */
    static RegexNative get() {
        NativeLoader.ensureLoaded();
        return NATIVES;
    }

    static final int OP_IS_MATCH = 0;
    static final int OP_FULL_MATCH = 1;
    static final int OP_COUNT = 2;
    /** Or'ed into an op: the bytes are text (an ASCII {@code String} copied by Java), searched as text. */
    static final int OP_TEXT = 0x100;

    /** {@code flags} of the find methods: every group's slots, not only the whole match's. */
    static final int FIND_CAPTURES = 1;
    /** {@code flags} of the find methods: as {@link #OP_TEXT}. */
    static final int FIND_TEXT = 2;

    native long compile(String pattern, int flags, long sizeLimit, long dfaSizeLimit, int nestLimit);

    /** Name of each group by index (group 0 first); null for unnamed groups. */
    native String[] groupNames(long handle);

    native String enginePattern(long handle);

    native long memoryUsage(long handle);
    /**
     * The ASCII bytes a non-empty match can begin with (ints 0-3: bit {@code b % 32} of int {@code b / 32})
     * and end with (ints 4-7); non-ASCII bytes are not told apart.
     */
    native int[] fullMatchEdges(long handle);
    /** An ASCII string every match contains, or null. */
    native String requiredLiteral(long handle);

    /** {@code op} on one byte range, searching from {@code from} (relative to the range's start). */
    native int op(long handle, int op, byte[] in, ByteBuffer inBuf, int off, int len, int from);

    native int stringOp(long handle, int op, String in, int from);

    /**
     * Fills {@code out} with the matches in one byte range that fit, from {@code from}; every offset
     * (in, and out: -1 for a group that did not take part) relative to the range's start. Returns the
     * ints written.
     */
    native int find(long handle, byte[] in, ByteBuffer inBuf, int off, int len, int from, int prevEnd, int flags, int[] out);

    native int[] stringFind(long handle, String in, int from, int limit, boolean captures);

    native void free(long handle);

    native long setCompile(String[] patterns, int flags, long sizeLimit, long dfaSizeLimit, int nestLimit);

    native int[] setWhich(long handle, byte[] in, ByteBuffer inBuf, int off, int len, boolean anyOnly);

    native int[] setWhichString(long handle, String in, boolean anyOnly);

    native void setFree(long handle);
}
