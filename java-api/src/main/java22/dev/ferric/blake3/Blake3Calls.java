package dev.ferric.blake3;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ferric.internal.FastPath;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Java 22+: the BLAKE3 calls through FFM downcalls ({@link FastPath}), JNI when that is off. */
final class Blake3Calls {
    private Blake3Calls() {}

    private static final MethodHandle HASH = FastPath.downcall("ferric_blake3_hash",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));

    /** Inputs above this go through JNI, which reads them in bounded critical sections. */
    private static final int MAX_PINNED = 1 << 20;

    static void hash(byte[] in, int off, int len, byte[] out, int outOff, int outLen) {
        if (HASH == null || len > MAX_PINNED) {
            Blake3Native.get().hash(in, null, off, len, out, outOff, outLen);
            return;
        }
        // a digest is staged (see FastPath.stage); a longer XOF output is written in place
        byte[] digest = outLen == Blake3.OUT_LEN ? FastPath.stage(outLen) : out;
        int digestOff = digest == out ? outOff : 0;
        int rc;
        try {
            rc = (int) HASH.invokeExact(MemorySegment.ofArray(in), (long) off, (long) len, MemorySegment.ofArray(digest),
                    (long) digestOff, (long) outLen);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (rc < 0) throw FastPath.failure(-rc);
        if (digest != out) System.arraycopy(digest, 0, out, outOff, outLen);
    }

    private static final MethodHandle ABSORB = FastPath.downcall("ferric_blake3_absorb", FunctionDescriptor.of(JAVA_INT,
            JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));

    /** {@code Blake3Native.absorb}; the caller holds the exclusive call guard on {@code handle}. */
    static void absorb(long handle, boolean resetFirst, byte[] pending, int pendingLen, long seek, byte[] out, int off, int len) {
        if (ABSORB == null || len > MAX_PINNED) {
            Blake3Native.get().absorb(handle, resetFirst, pending, pendingLen, seek, out, off, len);
            return;
        }
        // a digest-sized output is staged (see FastPath.stage: digest() writes into a fresh array)
        byte[] target = out != null && len <= 64 ? FastPath.stage(len) : out;
        int targetOff = target == out ? off : 0;
        // locals, not conditionals inside invokeExact: there a conditional is typed Object, not MemorySegment
        MemorySegment in = pending == null ? MemorySegment.NULL : MemorySegment.ofArray(pending);
        MemorySegment to = target == null ? MemorySegment.NULL : MemorySegment.ofArray(target);
        int rc;
        try {
            rc = (int) ABSORB.invokeExact(handle, resetFirst ? 1 : 0, in, (long) pendingLen, seek, to, (long) targetOff, (long) len);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (rc < 0) throw FastPath.failure(-rc);
        if (target != out && len > 0) System.arraycopy(target, 0, out, off, len);
    }
}
