package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import dev.ferric.NativePanicError;
import dev.ferric.compress.DecompressionLimitException;
import dev.ferric.compress.Lz4Exception;
import dev.ferric.regex.RegexSyntaxException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * The small calls take the path this run expects: FFM downcalls when the suite runs on the packaged
 * multi-release jar on Java 22+ ({@code ferric.test.fastPath=FFM}, the ffm-test execution), JNI
 * otherwise; and on the FFM path each native failure kind throws the JNI path's exception class.
 */
class FastPathTest {
    private static final boolean FFM_EXPECTED = "FFM".equals(System.getProperty("ferric.test.fastPath"))
            && javaFeature() >= 22 && !"false".equals(System.getProperty("ferric.ffm"));

    /** The running Java's feature release ("1.8" is 8); Runtime.version() needs Java 9. */
    private static int javaFeature() {
        String spec = System.getProperty("java.specification.version");
        return Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec);
    }

    @Test
    void theSmallCallsTakeTheExpectedPath() {
        assertTrue(Ferric.isAvailable(), () -> String.valueOf(Ferric.unavailabilityCause()));
        String path = FastPath.describe();
        assertTrue(path.startsWith(FFM_EXPECTED ? "FFM" : "JNI"), path);
    }

    /** A misspelt symbol would leave its handle null and the call silently on JNI. */
    @Test
    void everyDowncallIsBound() throws Exception {
        if (!FFM_EXPECTED) return;
        for (String name : new String[] {"dev.ferric.blake3.Blake3Calls", "dev.ferric.regex.RegexCalls", "dev.ferric.vectors.VectorsCalls",
            "dev.ferric.compress.Lz4Calls"}) {
            Class<?> calls = Class.forName(name);
            int handles = 0;
            for (Field f : calls.getDeclaredFields()) {
                if (f.getType() != MethodHandle.class || !Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                assertNotNull(f.get(null), name + "." + f.getName());
                handles++;
            }
            assertTrue(handles > 0, name + " binds no downcall");
        }
    }

    @Test
    void eachFailureKindThrowsTheJniPathsException() throws Exception {
        if (!FFM_EXPECTED) return; // only the Java 22+ class has failure(int)
        Method failure = FastPath.class.getMethod("failure", int.class);
        Class<?>[] expected = {IllegalArgumentException.class, IndexOutOfBoundsException.class, IllegalStateException.class,
            NullPointerException.class, IOException.class, OutOfMemoryError.class, ZipException.class, EOFException.class,
            DecompressionLimitException.class, Lz4Exception.class, RegexSyntaxException.class, NativePanicError.class};
        for (int kind = 1; kind <= expected.length; kind++) {
            final int k = kind;
            InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> failure.invoke(null, k));
            assertEquals(expected[kind - 1], e.getCause().getClass(), "kind " + kind);
        }
    }
}
