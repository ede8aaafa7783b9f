package dev.ferric.blake3;

import dev.ferric.internal.NativeLoader;
import java.nio.ByteBuffer;

/**
 * The native methods of the BLAKE3 kernel ({@code rust-core/src/glue/blake3.rs}). Callers check every
 * argument first and hold a {@code NativeResource} call guard around each handle use.
 */
final class Blake3Native {
    private static final Blake3Native NATIVES = new Blake3Native();

    private Blake3Native() {}

    /**
     * The natives, bound to ferric's library: the first call loads it (see {@code NativeLoader}); while
     * it is not loaded this throws the loader's {@link UnsatisfiedLinkError}, with a search that found
     * nothing repeated on a later call. Every native call goes through here, so none reaches an unbound
     * method.
     */
    static Blake3Native get() {
        NativeLoader.ensureLoaded();
        return NATIVES;
    }

    native void hash(byte[] in, ByteBuffer inBuf, int off, int len, byte[] out, int outOff, int outLen);

    native long newHasher();

    native long newKeyedHasher(byte[] key);

    native long newDeriveKeyHasher(String context);

    native long copy(long handle);

    native void update(long handle, byte[] in, ByteBuffer inBuf, int off, int len, int threads);

    native void updateFile(long handle, String path, int threads);

    /**
     * Resets first if {@code resetFirst}, absorbs {@code pending[0, pendingLen)}, then writes output
     * bytes {@code [seek, seek + len)} into {@code out[off, off + len)} unless {@code out} is null.
     */
    native void absorb(long handle, boolean resetFirst, byte[] pending, int pendingLen, long seek, byte[] out, int off, int len);

    native void free(long handle);
}
