package dev.ferric.compress;

import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * LZ4 block compression with the method names of lz4-java's {@code LZ4Compressor}. Stateless and
 * thread-safe; get it from {@link Lz4#fastCompressor()}. Throws {@link Lz4Exception} if the destination
 * is too small ({@link #maxCompressedLength} always suffices).
 */
public final class Lz4Compressor {
    Lz4Compressor() {}

    /** The largest compressed size of {@code length} bytes ({@code LZ4_compressBound}). */
    public int maxCompressedLength(int length) {
        if (length < 0) throw new IllegalArgumentException("length must be >= 0, was " + length);
        if (length > 0x7E000000) throw new IllegalArgumentException("length too large: " + length);
        return length + length / 255 + 16;
    }

    /** Compresses {@code src[srcOff, srcOff + srcLen)} into {@code dest[destOff, destOff + maxDestLen)}; returns the compressed length. */
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int maxDestLen) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        Checks.checkFromIndexSize(srcOff, srcLen, src.length);
        Checks.checkFromIndexSize(destOff, maxDestLen, dest.length);
        return Lz4Calls.compress(src, srcOff, srcLen, dest, destOff, maxDestLen);
    }

    /** Compresses all of {@code src} into {@code dest}; returns the compressed length. */
    public int compress(byte[] src, byte[] dest) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        return compress(src, 0, src.length, dest, 0, dest.length);
    }

    /** Compresses all of {@code src} into a new array of exactly the compressed length. */
    public byte[] compress(byte[] src) {
        Checks.requireNonNull(src, "src");
        return compress(src, 0, src.length);
    }

    /** Compresses {@code src[srcOff, srcOff + srcLen)} into a new array of exactly the compressed length. */
    public byte[] compress(byte[] src, int srcOff, int srcLen) {
        Checks.requireNonNull(src, "src");
        Checks.checkFromIndexSize(srcOff, srcLen, src.length);
        byte[] dest = new byte[maxCompressedLength(srcLen)];
        int n = compress(src, srcOff, srcLen, dest, 0, dest.length);
        return Arrays.copyOf(dest, n);
    }

    /**
     * Compresses {@code src[srcOff, srcOff + srcLen)} into {@code dest[destOff, destOff + maxDestLen)}
     * (absolute indexes; positions are not changed); returns the compressed length.
     */
    public int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dest, int destOff, int maxDestLen) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        ByteRange in = Lz4.absolute(src, srcOff, srcLen, false);
        ByteRange out = Lz4.absolute(dest, destOff, maxDestLen, true);
        return CompressNative.get().lz4Compress(in.array, in.direct, in.off, in.len, out.array, out.direct, out.off, out.len);
    }

    /** Compresses the remaining bytes of {@code src} into {@code dest}, advancing both positions. */
    public void compress(ByteBuffer src, ByteBuffer dest) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        int n = compress(src, src.position(), src.remaining(), dest, dest.position(), dest.remaining());
        src.position(src.limit());
        dest.position(dest.position() + n);
    }
}
