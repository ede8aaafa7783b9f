package dev.ferric.internal;

import dev.ferric.NativePanicError;
import dev.ferric.compress.DecompressionLimitException;
import dev.ferric.compress.Lz4Exception;
import dev.ferric.regex.RegexSyntaxException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * The Java 22+ way for ferric's small, hot calls into native code: FFM downcalls to the C-ABI twins
 * of their JNI methods ({@code rust-core/src/c_abi.rs}), found among the libraries this class loader
 * loaded (the one the loader verified; nothing is opened or mapped again) and bound with
 * {@code Linker.Option.critical(true)}, so heap arrays are passed in place, without copies. JNI stays
 * the fallback: with {@code -Dferric.ffm=false}, when the library's path is not known (Android), or
 * when binding fails (a JVM that denies native access), every call goes through JNI as on Java 8.
 *
 * <p>The promises of the JNI path hold: callers check every argument before the downcall, no panic
 * crosses (the Rust side catches it), and a failure throws the exception the JNI method would.
 */
public final class FastPath {
    private FastPath() {}

    /** {@code -Dferric.ffm=false} forces JNI. */
    public static final String PROPERTY = "ferric.ffm";

    private static final Linker LINKER = Linker.nativeLinker();
    private static final String[] STATE = new String[1];
    private static final SymbolLookup LIBRARY = lookup(STATE);
    private static final MethodHandle ERROR_KIND = downcall("ferric_error_kind", FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final MethodHandle ERROR_MESSAGE = downcall("ferric_error_message",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));

    private static SymbolLookup lookup(String[] state) {
        if ("false".equals(System.getProperty(PROPERTY))) {
            state[0] = "JNI (-D" + PROPERTY + "=false)";
            return null;
        }
        try {
            NativeLoader.ensureLoaded();
            // The libraries this class loader loaded with System.load: the verified one, found without
            // opening any file again (a path lookup could map a file swapped in since verification).
            SymbolLookup lookup = SymbolLookup.loaderLookup();
            lookup.find("ferric_error_kind").orElseThrow(() -> new IllegalStateException("no ferric_error_kind in "
                    + NativeLoader.report().loadedFrom()));
            state[0] = "FFM downcalls (Java " + Runtime.version().feature() + "), JNI for the rest";
            return lookup;
        } catch (RuntimeException | Error e) {
            state[0] = "JNI (FFM unavailable: " + e + ")";
            return null;
        }
    }

    /** Outputs up to this size are staged by {@link #stage}. */
    public static final int MAX_STAGED = 64 << 10;

    private static final ThreadLocal<byte[][]> STAGE = ThreadLocal.withInitial(() -> new byte[1][]);

    /**
     * This thread's staging array of at least {@code len} bytes (at most {@link #MAX_STAGED}), for a
     * downcall to write its output into before it is copied to the caller's array: a critical downcall
     * that writes into an array allocated just before it (as the allocating API forms do) measured
     * ~5x slower on JDK 25 (~420 ns against ~80 ns for a 64-byte BLAKE3 hash) than one writing into an
     * older array, while reading a fresh array costs nothing extra. Reused, the staging array soon
     * lives in the old generation. One use at a time per thread: copy out before the next downcall.
     */
    public static byte[] stage(int len) {
        byte[][] stage = STAGE.get();
        if (stage[0] == null || stage[0].length < len) stage[0] = new byte[Math.max(len, 4096)];
        return stage[0];
    }

    private static final ThreadLocal<int[][]> INT_STAGE = ThreadLocal.withInitial(() -> new int[1][]);

    /** {@link #stage} for {@code int} outputs (regex match offsets): at least {@code len} ints. */
    public static int[] stageInts(int len) {
        int[][] stage = INT_STAGE.get();
        if (stage[0] == null || stage[0].length < len) stage[0] = new int[Math.max(len, 1024)];
        return stage[0];
    }

    /** How the small calls reach native code in this JVM, for {@code ferric doctor}. */
    public static String describe() {
        return STATE[0];
    }

    /**
     * A downcall handle for the C-ABI function {@code name}, passing heap arrays in place; null when
     * the fast path is off (callers then use JNI).
     */
    public static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        if (LIBRARY == null) return null;
        try {
            MemorySegment symbol = LIBRARY.find(name).orElse(null);
            return symbol == null ? null : LINKER.downcallHandle(symbol, descriptor, Linker.Option.critical(true));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Throws the exception the JNI method would have thrown for failure {@code kind} (a negative
     * return value's magnitude, or {@link #failureKind()}'s), with the native message.
     */
    public static RuntimeException failure(int kind) {
        String message = message();
        Throwable t;
        switch (kind) {
            case NativeFailure.ILLEGAL_ARGUMENT: t = new IllegalArgumentException(message); break;
            case NativeFailure.INDEX_OUT_OF_BOUNDS: t = new IndexOutOfBoundsException(message); break;
            case NativeFailure.ILLEGAL_STATE: t = new IllegalStateException(message); break;
            case NativeFailure.NULL_POINTER: t = new NullPointerException(message); break;
            case NativeFailure.IO: t = new IOException(message); break;
            case NativeFailure.OUT_OF_MEMORY: t = new OutOfMemoryError(message); break;
            case NativeFailure.ZIP: t = new ZipException(message); break;
            case NativeFailure.EOF: t = new EOFException(message); break;
            case NativeFailure.DECOMPRESSION_LIMIT: t = new DecompressionLimitException(message); break;
            case NativeFailure.LZ4: t = new Lz4Exception(message); break;
            case NativeFailure.REGEX_SYNTAX: t = new RegexSyntaxException(message, null, -1); break;
            case NativeFailure.PANIC: t = new NativePanicError(message); break;
            default: t = new IllegalStateException("native failure of unknown kind " + kind + ": " + message);
        }
        throw FastPath.<RuntimeException>sneaky(t);
    }

    /** This thread's unread failure kind, 0 if none: whether a NaN from a float downcall reports a failure. */
    public static int failureKind() {
        try {
            return (int) ERROR_KIND.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** This thread's failure message (cleared by reading it; long ones end with "..."). */
    private static String message() {
        try (Arena arena = Arena.ofConfined()) {
            long cap = 4096;
            MemorySegment buf = arena.allocate(cap);
            long n = (long) ERROR_MESSAGE.invokeExact(buf, cap);
            if (n < 0) return "(no message)";
            String text = new String(buf.asSlice(0, Math.min(n, cap)).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
            return n <= cap ? text : text + "...";
        } catch (Throwable t) {
            return "(message unavailable: " + t + ")";
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
