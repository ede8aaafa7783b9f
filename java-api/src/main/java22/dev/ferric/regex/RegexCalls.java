package dev.ferric.regex;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ferric.internal.FastPath;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Java 22+: the regex calls through FFM downcalls ({@link FastPath}), JNI when that is off. */
final class RegexCalls {
    private RegexCalls() {}

    private static final MethodHandle BYTES_OP = FastPath.downcall("ferric_regex_bytes_op",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));

    /** Inputs above this go through JNI, which searches them without holding off the garbage collector. */
    private static final int MAX_PINNED = 1 << 20;

    static int bytesOp(long handle, int op, byte[] in, int off, int len, int from) {
        if (BYTES_OP == null || len > MAX_PINNED) return RegexNative.get().op(handle, op, in, null, off, len, from);
        int r;
        try {
            r = (int) BYTES_OP.invokeExact(handle, op, MemorySegment.ofArray(in), off, len, from);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (r < 0) throw FastPath.failure(-r);
        return r;
    }

    private static final MethodHandle FIND = FastPath.downcall("ferric_regex_find", FunctionDescriptor.of(JAVA_INT,
            JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));

    static int find(long handle, byte[] in, int off, int len, int from, int prevEnd, int flags, int[] out) {
        if (FIND == null || len > MAX_PINNED || out.length > FastPath.MAX_STAGED / 4) {
            return RegexNative.get().find(handle, in, null, off, len, from, prevEnd, flags, out);
        }
        int[] slots = FastPath.stageInts(out.length); // see FastPath.stage
        int n;
        try {
            n = (int) FIND.invokeExact(handle, MemorySegment.ofArray(in), off, len, from, prevEnd, flags,
                    MemorySegment.ofArray(slots), out.length);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (n < 0) throw FastPath.failure(-n);
        System.arraycopy(slots, 0, out, 0, n);
        return n;
    }
}
