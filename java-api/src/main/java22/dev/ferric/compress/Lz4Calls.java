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

    // Each call invokes its own constant handle: C2 then inlines the downcall into the caller and the
    // two MemorySegment wrappers never reach the heap. Through a shared method taking the handle as a
    // parameter, each call allocated 144 bytes on JDK 25 (the handle was not constant where the call
    // was compiled, or the chain was deeper than C2 inlines).

    static int compress(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        if (!fast(COMPRESS, src, srcLen, dest, destLen)) return CompressNative.get().lz4Compress(src, null, srcOff, srcLen, dest, null, destOff, destLen);
        byte[] out = out(dest, destLen);
        int r;
        try {
            r = (int) COMPRESS.invokeExact(MemorySegment.ofArray(src), srcOff, srcLen, MemorySegment.ofArray(out), out == dest ? destOff : 0, destLen);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return done(r, out, dest, destOff, r);
    }

    static int decompressSafe(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        if (!fast(DECOMPRESS_SAFE, src, srcLen, dest, destLen)) return CompressNative.get().lz4DecompressSafe(src, null, srcOff, srcLen, dest, null, destOff, destLen);
        byte[] out = out(dest, destLen);
        int r;
        try {
            r = (int) DECOMPRESS_SAFE.invokeExact(MemorySegment.ofArray(src), srcOff, srcLen, MemorySegment.ofArray(out), out == dest ? destOff : 0, destLen);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return done(r, out, dest, destOff, r);
    }

    static int decompressFast(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        if (!fast(DECOMPRESS_FAST, src, srcLen, dest, destLen)) return CompressNative.get().lz4DecompressFast(src, null, srcOff, srcLen, dest, null, destOff, destLen);
        byte[] out = out(dest, destLen);
        int r;
        try {
            r = (int) DECOMPRESS_FAST.invokeExact(MemorySegment.ofArray(src), srcOff, srcLen, MemorySegment.ofArray(out), out == dest ? destOff : 0, destLen);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return done(r, out, dest, destOff, destLen); // fast decompression fills dest's range and returns input read
    }

    /** Whether the downcall serves this call: bound, distinct arrays (JNI copies an overlapping input), not too large. */
    private static boolean fast(MethodHandle downcall, byte[] src, int srcLen, byte[] dest, int destLen) {
        return downcall != null && src != dest && srcLen <= MAX_PINNED && destLen <= MAX_PINNED;
    }

    /** Where the call writes: a per-thread staging array for outputs up to {@link FastPath#MAX_STAGED}, else {@code dest}. */
    private static byte[] out(byte[] dest, int destLen) {
        return destLen <= FastPath.MAX_STAGED ? FastPath.stage(destLen) : dest;
    }

    /** The call's result {@code r} after a failure check, with the {@code written} staged bytes copied to {@code dest}. */
    private static int done(int r, byte[] out, byte[] dest, int destOff, int written) {
        if (r < 0) throw FastPath.failure(-r);
        if (out != dest) System.arraycopy(out, 0, dest, destOff, written);
        return r;
    }
}
