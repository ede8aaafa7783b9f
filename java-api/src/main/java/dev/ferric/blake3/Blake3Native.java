package dev.ferric.blake3;

/** The native methods of the BLAKE3 kernel ({@code rust-core/src/blake3/jni.rs}); arguments are checked by callers. */
final class Blake3Native {
    private Blake3Native() {}

    static native void hash(byte[] in, int off, int len, byte[] out, int outOff, int outLen);

    static native long newHasher();

    static native void update(long handle, byte[] in, int off, int len);

    static native void finalizeXof(long handle, long seek, byte[] out, int off, int len);

    static native void reset(long handle);

    static native void free(long handle);
}
