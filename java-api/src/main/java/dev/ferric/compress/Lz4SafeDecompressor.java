package dev.ferric.compress;

import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * LZ4 block decompression when the compressed length is known, with the method names of lz4-java's
 * {@code LZ4SafeDecompressor}: it returns the decompressed length, at most the destination's size.
 * Malformed input or a too-small destination throws {@link Lz4Exception}. Stateless and thread-safe;
 * get it from {@link Lz4#safeDecompressor()}.
 */
public final class Lz4SafeDecompressor {
    Lz4SafeDecompressor() {}

    /**
     * Decompresses the block {@code src[srcOff, srcOff + srcLen)} into
     * {@code dest[destOff, destOff + maxDestLen)}; returns the decompressed length.
     */
    public int decompress(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int maxDestLen) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        Checks.checkFromIndexSize(srcOff, srcLen, src.length);
        Checks.checkFromIndexSize(destOff, maxDestLen, dest.length);
        return Lz4Calls.decompressSafe(src, srcOff, srcLen, dest, destOff, maxDestLen);
    }

    /** Decompresses all of {@code src} into {@code dest}; returns the decompressed length. */
    public int decompress(byte[] src, byte[] dest) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        return decompress(src, 0, src.length, dest, 0, dest.length);
    }

    /** Decompresses {@code src[srcOff, srcOff + srcLen)} into a new array of the decompressed length (at most {@code maxDestLen}). */
    public byte[] decompress(byte[] src, int srcOff, int srcLen, int maxDestLen) {
        if (maxDestLen < 0) throw new IllegalArgumentException("maxDestLen must be >= 0, was " + maxDestLen);
        byte[] dest = new byte[maxDestLen];
        int n = decompress(src, srcOff, srcLen, dest, 0, maxDestLen);
        return n == maxDestLen ? dest : Arrays.copyOf(dest, n);
    }

    /** Decompresses all of {@code src} into a new array of the decompressed length (at most {@code maxDestLen}). */
    public byte[] decompress(byte[] src, int maxDestLen) {
        Checks.requireNonNull(src, "src");
        return decompress(src, 0, src.length, maxDestLen);
    }

    /**
     * Decompresses {@code src[srcOff, srcOff + srcLen)} into {@code dest[destOff, destOff + maxDestLen)}
     * (absolute indexes); returns the decompressed length.
     */
    public int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dest, int destOff, int maxDestLen) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        ByteRange in = Lz4.absolute(src, srcOff, srcLen, false);
        ByteRange out = Lz4.absolute(dest, destOff, maxDestLen, true);
        return CompressNative.get().lz4DecompressSafe(in.array, in.direct, in.off, in.len, out.array, out.direct, out.off, out.len);
    }

    /** Decompresses the remaining bytes of {@code src} into {@code dest}, advancing both positions. */
    public void decompress(ByteBuffer src, ByteBuffer dest) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        int n = decompress(src, src.position(), src.remaining(), dest, dest.position(), dest.remaining());
        src.position(src.limit());
        dest.position(dest.position() + n);
    }
}
