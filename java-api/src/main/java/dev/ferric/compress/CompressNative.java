package dev.ferric.compress;

import dev.ferric.internal.NativeLoader;
import java.nio.ByteBuffer;

/**
 * The native methods of the compression kernel ({@code rust-core/src/glue/compress.rs}). Every byte range
 * is {@code (byte[] array, ByteBuffer direct, int off, int len)} with exactly one of the two non-null.
 * Callers check every argument first and hold a {@code NativeResource} call guard around each handle use.
 * The streaming steps are in {@link StreamStep}, which they report into.
 */
final class CompressNative {
    private static final CompressNative NATIVES = new CompressNative();

    private CompressNative() {}

    /**
     * The natives, bound to ferric's library: the first call loads it (see {@code NativeLoader}); while
     * it is not loaded this throws the loader's {@link UnsatisfiedLinkError}, with a search that found
     * nothing repeated on a later call. Every native call goes through here, so none reaches an unbound
     * method.
     */
    static CompressNative get() {
        NativeLoader.ensureLoaded();
        return NATIVES;
    }

    static final int RAW = 0;
    static final int ZLIB = 1;
    static final int GZIP = 2;

    native long deflateBound(int format, int len);

    native byte[] compress(int format, int level, byte[] in, ByteBuffer inBuf, int off, int len, byte[] gzipHeader);

    native byte[] compressParallel(int format, int level, byte[] in, ByteBuffer inBuf, int off, int len, byte[] gzipHeader);

    native int compressInto(int format, int level, byte[] in, ByteBuffer inBuf, int off, int len,
                                   byte[] out, ByteBuffer outBuf, int outOff, int outLen);

    native byte[] decompress(int format, byte[] in, ByteBuffer inBuf, int off, int len, long maxOutput, long maxRatio)
            throws java.util.zip.ZipException, java.io.EOFException;

    native int decompressInto(int format, byte[] in, ByteBuffer inBuf, int off, int len,
                                     byte[] out, ByteBuffer outBuf, int outOff, int outLen) throws java.util.zip.ZipException, java.io.EOFException;

    native long deflaterNew(int format, int level, byte[] gzipHeader);


    native void deflaterSetParams(long h, int level, int strategy);

    native void deflaterSetDictionary(long h, byte[] dict, int off, int len);

    native void deflaterReset(long h);

    native void deflaterFree(long h);

    native long inflaterNew(int format);


    native boolean inflaterHeaderDone(long h);

    native byte[] inflaterHeader(long h);

    native void inflaterSetDictionary(long h, byte[] dict, int off, int len);

    native void inflaterReset(long h);

    native void inflaterFree(long h);

    native int lz4Compress(byte[] in, ByteBuffer inBuf, int off, int len, byte[] out, ByteBuffer outBuf, int outOff, int outLen);

    native int lz4DecompressSafe(byte[] in, ByteBuffer inBuf, int off, int len, byte[] out, ByteBuffer outBuf, int outOff, int outLen);

    native int lz4DecompressFast(byte[] in, ByteBuffer inBuf, int off, int len, byte[] out, ByteBuffer outBuf, int outOff, int outLen);

    native byte[] lz4FrameCompress(byte[] in, ByteBuffer inBuf, int off, int len, int blockId, boolean contentChecksum);

    native byte[] lz4FrameDecompress(byte[] in, ByteBuffer inBuf, int off, int len, long maxOutput, long maxRatio)
            throws java.util.zip.ZipException, java.io.EOFException;

    native long lz4FrameEncoderNew(int blockId, boolean contentChecksum, boolean blockChecksum);


    native void lz4FrameEncoderFree(long h);

    native long lz4FrameDecoderNew();


    native void lz4FrameDecoderFree(long h);
}
