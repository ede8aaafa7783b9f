package dev.ferric.vectors;

import dev.ferric.internal.NativeLoader;
import java.nio.ByteBuffer;

/**
 * The native methods of {@link FlatIndex} ({@code rust-core/src/glue/vectors.rs}). Callers check every
 * argument first and hold a {@code NativeResource} call guard around each handle use: shared for
 * reads and searches, exclusive for adds.
 */
final class FlatIndexNative {
    private static final FlatIndexNative NATIVES = new FlatIndexNative();

    private FlatIndexNative() {}

    /**
     * The natives, bound to ferric's library: the first call loads it (see {@code NativeLoader}); while
     * it is not loaded this throws the loader's {@link UnsatisfiedLinkError}, with a search that found
     * nothing repeated on a later call. Every native call goes through here, so none reaches an unbound
     * method.
     */
    static FlatIndexNative get() {
        NativeLoader.ensureLoaded();
        return NATIVES;
    }

    native long create(int dimension, int metric, int elementType, long maxBytes);

    native int addFloats(long handle, float[] src, int off, int len);

    native int addBytes(long handle, byte[] src, int off, int len);

    native int addDirect(long handle, ByteBuffer buffer, int pos, int len, boolean littleEndian);

    native void reserve(long handle, int additional);

    native void truncate(long handle, int size);

    native long memoryBytes(long handle);

    native int searchFloats(long handle, float[] query, int off, int k, int[] ids, float[] scores, int outOff);

    native int searchBytes(long handle, byte[] query, int off, int k, int[] ids, float[] scores, int outOff);

    native int searchBatchFloats(long handle, float[] queries, int off, int count, int k, int[] ids, float[] scores, int outOff);

    native int searchBatchBytes(long handle, byte[] queries, int off, int count, int k, int[] ids, float[] scores, int outOff);

    native void free(long handle);
}
