package dev.ferric.regex;

/**
 * The regex calls with a Java 22+ FFM twin ({@code META-INF/versions/22}); here, JNI. Callers check
 * every argument first and hold a shared call guard on {@code handle}.
 */
final class RegexCalls {
    private RegexCalls() {}

    static int bytesOp(long handle, int op, byte[] in, int off, int len, int from) {
        return RegexNative.get().op(handle, op, in, null, off, len, from);
    }

    static int find(long handle, byte[] in, int off, int len, int from, int prevEnd, int flags, int[] out) {
        return RegexNative.get().find(handle, in, null, off, len, from, prevEnd, flags, out);
    }
}
