package dev.ferric.compress;

import java.nio.ByteBuffer;

/**
 * The native methods of the compression kernel ({@code rust-core/src/compress/jni.rs}). Every byte range
 * is {@code (byte[] array, ByteBuffer direct, int off, int len)} with exactly one of the two non-null.
 * Callers check every argument first and hold a {@code NativeResource} call guard around each handle use.
 * Streaming calls return {@code consumed | produced << 31 | flags << 62}, so no call allocates.
 */
final class CompressNative {
    private CompressNative() {}

    static final int RAW = 0;
    static final int ZLIB = 1;
    static final int GZIP = 2;

    static native long deflateBound(int format, int len);

    static native byte[] compress(int format, int level, byte[] in, ByteBuffer inBuf, int off, int len, byte[] gzipHeader);

    static native byte[] compressParallel(int format, int level, byte[] in, ByteBuffer inBuf, int off, int len, byte[] gzipHeader);

    static native int compressInto(int format, int level, byte[] in, ByteBuffer inBuf, int off, int len,
                                   byte[] out, ByteBuffer outBuf, int outOff, int outLen);

    static native byte[] decompress(int format, byte[] in, ByteBuffer inBuf, int off, int len, long maxOutput, long maxRatio)
            throws java.util.zip.ZipException, java.io.EOFException;

    static native int decompressInto(int format, byte[] in, ByteBuffer inBuf, int off, int len,
                                     byte[] out, ByteBuffer outBuf, int outOff, int outLen) throws java.util.zip.ZipException, java.io.EOFException;

    static native long deflaterNew(int format, int level, byte[] gzipHeader);

    static native long deflate(long h, byte[] in, ByteBuffer inBuf, int inOff, int inLen,
                               byte[] out, ByteBuffer outBuf, int outOff, int outLen, int flush);

    static native void deflaterSetParams(long h, int level, int strategy);

    static native void deflaterSetDictionary(long h, byte[] dict, int off, int len);

    static native void deflaterReset(long h);

    static native void deflaterFree(long h);

    static native long inflaterNew(int format);

    static native long inflate(long h, byte[] in, ByteBuffer inBuf, int inOff, int inLen,
                               byte[] out, ByteBuffer outBuf, int outOff, int outLen) throws java.util.zip.ZipException;

    static native boolean inflaterHeaderDone(long h);

    static native byte[] inflaterHeader(long h);

    static native void inflaterSetDictionary(long h, byte[] dict, int off, int len);

    static native void inflaterReset(long h);

    static native void inflaterFree(long h);

    static native int lz4Compress(byte[] in, ByteBuffer inBuf, int off, int len, byte[] out, ByteBuffer outBuf, int outOff, int outLen);

    static native int lz4DecompressSafe(byte[] in, ByteBuffer inBuf, int off, int len, byte[] out, ByteBuffer outBuf, int outOff, int outLen);

    static native int lz4DecompressFast(byte[] in, ByteBuffer inBuf, int off, int len, byte[] out, ByteBuffer outBuf, int outOff, int outLen);

    static native byte[] lz4FrameCompress(byte[] in, ByteBuffer inBuf, int off, int len, int blockId, boolean contentChecksum);

    static native byte[] lz4FrameDecompress(byte[] in, ByteBuffer inBuf, int off, int len, long maxOutput, long maxRatio)
            throws java.util.zip.ZipException, java.io.EOFException;

    static native long lz4FrameEncoderNew(int blockId, boolean contentChecksum, boolean blockChecksum);

    static native long lz4FrameEncode(long h, byte[] in, ByteBuffer inBuf, int inOff, int inLen,
                                      byte[] out, ByteBuffer outBuf, int outOff, int outLen, int mode);

    static native void lz4FrameEncoderFree(long h);

    static native long lz4FrameDecoderNew();

    static native long lz4FrameDecode(long h, byte[] in, ByteBuffer inBuf, int inOff, int inLen,
                                      byte[] out, ByteBuffer outBuf, int outOff, int outLen) throws java.util.zip.ZipException;

    static native void lz4FrameDecoderFree(long h);

    static int consumed(long r) {
        return (int) (r & 0x7FFFFFFFL);
    }

    static int produced(long r) {
        return (int) ((r >>> 31) & 0x7FFFFFFFL);
    }

    static boolean flag62(long r) {
        return (r & (1L << 62)) != 0;
    }

    static boolean flag63(long r) {
        return r < 0;
    }
}
