package dev.ferric.compress;

import java.nio.ByteBuffer;

/**
 * What one call of a streaming codec did, in named fields that the native step writes. Each stream
 * owns one, so no call allocates. The steps are native methods of this class (the receiver is where
 * the outcome goes); a stream creates its {@code StreamStep} after its native handle, i.e. after
 * {@link CompressNative#get()} loaded the library, so no call reaches an unbound method.
 *
 * <p>Byte ranges are {@code (byte[] array, ByteBuffer direct, int off, int len)} with exactly one of
 * the two non-null, as in {@link CompressNative}; callers check every argument first and hold the
 * stream's exclusive call guard around each call.
 */
final class StreamStep {
    /** Input bytes the last step consumed. */
    int consumed;
    /** Output bytes the last step wrote. */
    int produced;
    /** deflate/inflate: the end of the stream was written or read; LZ4 frame encoder: the frame is complete. */
    boolean finished;
    /** inflate: the stream needs a preset dictionary before it can go on. */
    boolean needsDictionary;
    /** LZ4 frame encoder: compressed bytes are still held back for lack of output room. */
    boolean pending;
    /** LZ4 frame decoder: the input consumed so far ends exactly at a frame boundary. */
    boolean atFrameBoundary;

    native void deflate(long h, byte[] in, ByteBuffer inBuf, int inOff, int inLen,
                        byte[] out, ByteBuffer outBuf, int outOff, int outLen, int flush);

    native void inflate(long h, byte[] in, ByteBuffer inBuf, int inOff, int inLen,
                        byte[] out, ByteBuffer outBuf, int outOff, int outLen) throws java.util.zip.ZipException;

    native void lz4FrameEncode(long h, byte[] in, ByteBuffer inBuf, int inOff, int inLen,
                               byte[] out, ByteBuffer outBuf, int outOff, int outLen, int mode);

    native void lz4FrameDecode(long h, byte[] in, ByteBuffer inBuf, int inOff, int inLen,
                               byte[] out, ByteBuffer outBuf, int outOff, int outLen) throws java.util.zip.ZipException;
}
