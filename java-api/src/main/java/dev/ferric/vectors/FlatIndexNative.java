package dev.ferric.vectors;

import java.nio.ByteBuffer;

/**
 * The native methods of {@link FlatIndex} ({@code rust-core/src/vectors/jni.rs}). Callers check every
 * argument first and hold a {@code NativeResource} call guard around each handle use: shared for
 * reads and searches, exclusive for adds.
 */
final class FlatIndexNative {
    private FlatIndexNative() {}

    static native long create(int dimension, int metric, int elementType, long maxBytes);

    static native int addFloats(long handle, float[] src, int off, int len);

    static native int addBytes(long handle, byte[] src, int off, int len);

    static native int addDirect(long handle, ByteBuffer buffer, int pos, int len, boolean littleEndian);

    static native void reserve(long handle, int additional);

    static native void truncate(long handle, int size);

    static native long memoryBytes(long handle);

    static native int searchFloats(long handle, float[] query, int off, int k, int[] ids, float[] scores, int outOff);

    static native int searchBytes(long handle, byte[] query, int off, int k, int[] ids, float[] scores, int outOff);

    static native int searchBatchFloats(long handle, float[] queries, int off, int count, int k, int[] ids, float[] scores, int outOff);

    static native int searchBatchBytes(long handle, byte[] queries, int off, int count, int k, int[] ids, float[] scores, int outOff);

    static native void free(long handle);
}
