package dev.ferric.compress;

import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;

/**
 * LZ4 block decompression when the decompressed length is known, with the method names of lz4-java's
 * {@code LZ4FastDecompressor}: it finds where the block ends and returns the compressed bytes read.
 * Unlike lz4-java's, it never reads or writes out of bounds on malformed input: it throws
 * {@link Lz4Exception}. Stateless and thread-safe; get it from {@link Lz4#fastDecompressor()}.
 */
public final class Lz4FastDecompressor {
    Lz4FastDecompressor() {}

    /**
     * Decompresses exactly {@code destLen} bytes from the block starting at {@code src[srcOff]} into
     * {@code dest[destOff, destOff + destLen)}; returns the number of compressed bytes read.
     */
    public int decompress(byte[] src, int srcOff, byte[] dest, int destOff, int destLen) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        Checks.checkFromIndexSize(srcOff, 0, src.length);
        Checks.checkFromIndexSize(destOff, destLen, dest.length);
        return Lz4Calls.decompressFast(src, srcOff, src.length - srcOff, dest, destOff, destLen);
    }

    /** Decompresses the block at the start of {@code src} into {@code dest[0, destLen)}; returns the compressed bytes read. */
    public int decompress(byte[] src, byte[] dest, int destLen) {
        return decompress(src, 0, dest, 0, destLen);
    }

    /** Decompresses the block at the start of {@code src} into all of {@code dest}. */
    public int decompress(byte[] src, byte[] dest) {
        Checks.requireNonNull(dest, "dest");
        return decompress(src, 0, dest, 0, dest.length);
    }

    /** Decompresses the block at {@code src[srcOff]} into a new array of {@code destLen} bytes. */
    public byte[] decompress(byte[] src, int srcOff, int destLen) {
        if (destLen < 0) throw new IllegalArgumentException("destLen must be >= 0, was " + destLen);
        byte[] dest = new byte[destLen];
        decompress(src, srcOff, dest, 0, destLen);
        return dest;
    }

    /** Decompresses the block at the start of {@code src} into a new array of {@code destLen} bytes. */
    public byte[] decompress(byte[] src, int destLen) {
        return decompress(src, 0, destLen);
    }

    /**
     * Decompresses {@code destLen} bytes from the block at {@code src[srcOff]} into
     * {@code dest[destOff, destOff + destLen)} (absolute indexes); returns the compressed bytes read.
     */
    public int decompress(ByteBuffer src, int srcOff, ByteBuffer dest, int destOff, int destLen) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        Checks.checkFromIndexSize(srcOff, 0, src.capacity());
        ByteRange in = Lz4.absolute(src, srcOff, src.capacity() - srcOff, false);
        ByteRange out = Lz4.absolute(dest, destOff, destLen, true);
        return CompressNative.get().lz4DecompressFast(in.array, in.direct, in.off, in.len, out.array, out.direct, out.off, out.len);
    }

    /** Fills the remaining space of {@code dest} from the block at {@code src}'s position, advancing both. */
    public void decompress(ByteBuffer src, ByteBuffer dest) {
        Checks.requireNonNull(src, "src");
        Checks.requireNonNull(dest, "dest");
        int read = decompress(src, src.position(), dest, dest.position(), dest.remaining());
        src.position(src.position() + read);
        dest.position(dest.limit());
    }
}
