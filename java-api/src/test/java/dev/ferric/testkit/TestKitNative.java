package dev.ferric.testkit;

/** Test-only natives from {@code rust-core/testkit} (never shipped), run through ferric's real boundary guard. */
public final class TestKitNative {
    private TestKitNative() {}

    /** Panics inside the guard with {@code message}. */
    public static native int panicWith(String message);

    /** Returns error kind {@code kind} (0 IllegalArgument .. 5 OutOfMemory) or 42 for any other kind. */
    public static native long failWith(int kind, String message);

    /** Sums the bytes of {@code in[off, off + len)} through the chunked array reader. */
    public static native long sumBytes(byte[] in, int off, int len);
}
