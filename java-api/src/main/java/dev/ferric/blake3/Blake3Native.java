package dev.ferric.blake3;

import java.nio.ByteBuffer;

/**
 * The native methods of the BLAKE3 kernel ({@code rust-core/src/blake3/jni.rs}). Callers check every
 * argument first and hold a {@code NativeResource} call guard around each handle use.
 */
final class Blake3Native {
    private Blake3Native() {}

    static native void hash(byte[] in, int off, int len, byte[] out, int outOff, int outLen);

    static native void hashDirect(ByteBuffer in, int pos, int len, byte[] out, int outOff, int outLen);

    static native long newHasher();

    static native long newKeyedHasher(byte[] key);

    static native long newDeriveKeyHasher(String context);

    static native long copy(long handle);

    static native void update(long handle, byte[] in, int off, int len);

    static native void updateDirect(long handle, ByteBuffer in, int pos, int len, int threads);

    static native void updateFile(long handle, String path, int threads);

    static native void finalizeXof(long handle, long seek, byte[] out, int off, int len);

    static native void reset(long handle);

    static native void free(long handle);
}
