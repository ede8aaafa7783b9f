package dev.ferric.blake3;

/**
 * The BLAKE3 calls with a Java 22+ FFM twin ({@code META-INF/versions/22}); here, JNI. Callers check
 * every argument first.
 */
final class Blake3Calls {
    private Blake3Calls() {}

    static void hash(byte[] in, int off, int len, byte[] out, int outOff, int outLen) {
        Blake3Native.get().hash(in, null, off, len, out, outOff, outLen);
    }

    /** {@link Blake3Native#absorb}; the caller holds the exclusive call guard on {@code handle}. */
    static void absorb(long handle, boolean resetFirst, byte[] pending, int pendingLen, long seek, byte[] out, int off, int len) {
        Blake3Native.get().absorb(handle, resetFirst, pending, pendingLen, seek, out, off, len);
    }
}
