package dev.ferric.vectors;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ferric.internal.FastPath;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Java 22+: the pair calls through FFM downcalls ({@link FastPath}), JNI when that is off. */
final class VectorsCalls {
    private VectorsCalls() {}

    private static final FunctionDescriptor PAIR = FunctionDescriptor.of(JAVA_FLOAT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle PAIR_F32 = FastPath.downcall("ferric_vectors_pair_f32", PAIR);
    private static final MethodHandle PAIR_I8 = FastPath.downcall("ferric_vectors_pair_i8", PAIR);

    /** Longer vectors go through JNI, which reads them in chunks (the same sums, in the same order). */
    private static final int MAX_PINNED = FlatIndex.MAX_DIMENSION;

    static float pairFloats(int metric, float[] a, int aOff, float[] b, int bOff, int len) {
        if (PAIR_F32 == null || len > MAX_PINNED) return VectorsNative.get().pairFloats(metric, a, aOff, b, bOff, len);
        MemorySegment sa = MemorySegment.ofArray(a);
        return pair(PAIR_F32, metric, sa, aOff, b == null ? sa : MemorySegment.ofArray(b), bOff, len);
    }

    static float pairBytes(int metric, byte[] a, int aOff, byte[] b, int bOff, int len) {
        if (PAIR_I8 == null || len > MAX_PINNED) return VectorsNative.get().pairBytes(metric, a, aOff, b, bOff, len);
        MemorySegment sa = MemorySegment.ofArray(a);
        return pair(PAIR_I8, metric, sa, aOff, b == null ? sa : MemorySegment.ofArray(b), bOff, len);
    }

    /** One downcall; NaN is also how a failure comes back, so a NaN is checked. */
    private static float pair(MethodHandle downcall, int metric, MemorySegment a, int aOff, MemorySegment b, int bOff, int len) {
        float r;
        try {
            r = (float) downcall.invokeExact(metric, a, aOff, b, bOff, len);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (r != r) {
            int kind = FastPath.failureKind();
            if (kind != 0) throw FastPath.failure(kind);
        }
        return r;
    }
}
