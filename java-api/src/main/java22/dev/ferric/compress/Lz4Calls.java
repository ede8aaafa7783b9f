package dev.ferric.compress;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ferric.internal.FastPath;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Java 22+: the LZ4 block calls through FFM downcalls ({@link FastPath}), JNI when that is off. */
final class Lz4Calls {
    private Lz4Calls() {}

    private static final FunctionDescriptor BLOCK = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle COMPRESS = FastPath.downcall("ferric_lz4_compress", BLOCK);
    private static final MethodHandle DECOMPRESS_SAFE = FastPath.downcall("ferric_lz4_decompress_safe", BLOCK);
    private static final MethodHandle DECOMPRESS_FAST = FastPath.downcall("ferric_lz4_decompress_fast", BLOCK);

    /** Blocks with more input or output than this go through JNI (no long GC-blocking critical call). */
    private static final int MAX_PINNED = 1 << 20;

    static int compress(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        if (!fast(COMPRESS, src, srcLen, dest, destLen)) return CompressNative.get().lz4Compress(src, null, srcOff, srcLen, dest, null, destOff, destLen);
        return block(COMPRESS, src, srcOff, srcLen, dest, destOff, destLen, false);
    }

    static int decompressSafe(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        if (!fast(DECOMPRESS_SAFE, src, srcLen, dest, destLen)) return CompressNative.get().lz4DecompressSafe(src, null, srcOff, srcLen, dest, null, destOff, destLen);
        return block(DECOMPRESS_SAFE, src, srcOff, srcLen, dest, destOff, destLen, false);
    }

    static int decompressFast(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        if (!fast(DECOMPRESS_FAST, src, srcLen, dest, destLen)) return CompressNative.get().lz4DecompressFast(src, null, srcOff, srcLen, dest, null, destOff, destLen);
        return block(DECOMPRESS_FAST, src, srcOff, srcLen, dest, destOff, destLen, true);
    }

    /** Whether the downcall serves this call: bound, distinct arrays (JNI copies an overlapping input), not too large. */
    private static boolean fast(MethodHandle downcall, byte[] src, int srcLen, byte[] dest, int destLen) {
        return downcall != null && src != dest && srcLen <= MAX_PINNED && destLen <= MAX_PINNED;
    }

    /**
     * One downcall; returns its result. {@code fillsDest}: the call writes all of {@code dest}'s range
     * (fast decompression, whose result counts input); otherwise it writes as many bytes as it returns.
     */
    private static int block(MethodHandle downcall, byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen,
                             boolean fillsDest) {
        byte[] out = dest;
        int outOff = destOff;
        if (destLen <= FastPath.MAX_STAGED) {
            out = FastPath.stage(destLen);
            outOff = 0;
        }
        int r;
        try {
            r = (int) downcall.invokeExact(MemorySegment.ofArray(src), srcOff, srcLen, MemorySegment.ofArray(out), outOff, destLen);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (r < 0) throw FastPath.failure(-r);
        if (out != dest) System.arraycopy(out, 0, dest, destOff, fillsDest ? destLen : r);
        return r;
    }
}
