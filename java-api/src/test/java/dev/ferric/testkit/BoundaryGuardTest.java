package dev.ferric.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import dev.ferric.NativePanicError;
import dev.ferric.blake3.Blake3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Native panics and errors become Java exceptions through the one boundary guard; the JVM lives on. */
class BoundaryGuardTest {
    @BeforeAll
    static void loadTestKit() {
        // ferric first, so its own entry points are bound to the verified library
        assertTrue(Ferric.isAvailable(), () -> String.valueOf(Ferric.unavailabilityCause()));
        Path kit = Paths.get(System.getProperty("ferric.testkit.path"));
        assertTrue(Files.isRegularFile(kit), "test kit library missing: " + kit);
        System.load(kit.toAbsolutePath().toString());
    }

    @Test
    void panicBecomesNativePanicErrorNamingThePanic() {
        for (int i = 0; i < 1000; i++) {
            NativePanicError e = assertThrows(NativePanicError.class, () -> TestKitNative.panicWith("boom \u00e9"));
            assertTrue(e.getMessage().startsWith("native panic: boom \u00e9"), e.getMessage());
            assertTrue(e.getMessage().contains("testkit/src/lib.rs"), "location missing: " + e.getMessage());
        }
        // the JVM and the library are still fine
        assertEquals(64, Blake3.hash(new byte[1]).length * 2);
    }

    @Test
    void eachErrorKindBecomesItsJavaException() {
        assertThrows(IllegalArgumentException.class, () -> TestKitNative.failWith(0, "a"));
        assertThrows(IndexOutOfBoundsException.class, () -> TestKitNative.failWith(1, "b"));
        assertThrows(IllegalStateException.class, () -> TestKitNative.failWith(2, "c"));
        assertThrows(NullPointerException.class, () -> TestKitNative.failWith(3, "d"));
        IOException io = assertThrows(IOException.class, () -> sneaky(() -> TestKitNative.failWith(4, "disk on fire")));
        assertEquals("disk on fire", io.getMessage());
        assertThrows(OutOfMemoryError.class, () -> TestKitNative.failWith(5, "f"));
        assertEquals(42, TestKitNative.failWith(99, "none"));
    }

    @Test
    void chunkedReaderSeesEveryByteAndChecksRanges() {
        byte[] data = new byte[3 * 256 * 1024 + 5];
        new Random(3).nextBytes(data);
        long expected = 0;
        for (int i = 7; i < data.length - 3; i++) expected += data[i] & 0xff;
        assertEquals(expected, TestKitNative.sumBytes(data, 7, data.length - 10));
        // the native side checks again even when Java does not (a bug in a Java wrapper must not crash)
        assertThrows(IndexOutOfBoundsException.class, () -> TestKitNative.sumBytes(data, -1, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> TestKitNative.sumBytes(data, 5, data.length));
        assertThrows(IndexOutOfBoundsException.class, () -> TestKitNative.sumBytes(data, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertThrows(NullPointerException.class, () -> TestKitNative.sumBytes(null, 0, 0));
    }

    interface Call {
        void run() throws Exception;
    }

    /** Checked native exceptions are not declared by the native method; rethrow them as what they are. */
    private static void sneaky(Call c) throws IOException {
        try {
            c.run();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
