package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.blake3.Blake3;
import dev.ferric.internal.BuildInfo;
import dev.ferric.internal.Sha256;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sibling class loaders in one JVM, each with its own copy of the API jar and the classifier jar
 * (an application server with several applications, or one redeployed): JNI binds a library file
 * to one class loader, so each gets its own verified copy.
 */
class SiblingClassLoadersIT {
    private static final byte[] INPUT = "probe".getBytes(StandardCharsets.US_ASCII);

    private static URLClassLoader application() throws Exception {
        return new URLClassLoader(new URL[] {Jvm.apiJar().toUri().toURL(), Jvm.nativeJar().toUri().toURL()},
                ClassLoader.getSystemClassLoader().getParent()); // sees none of the test's own copy of ferric
    }

    private static Object call(ClassLoader cl, String cls, String method, Class<?>[] types, Object... args) throws Exception {
        Method m = Class.forName(cls, true, cl).getMethod(method, types);
        return m.invoke(null, args);
    }

    private static String hashHex(ClassLoader cl) throws Exception {
        return (String) call(cl, "dev.ferric.blake3.Blake3", "hashHex", new Class<?>[] {byte[].class}, (Object) INPUT);
    }

    private static Object report(ClassLoader cl) throws Exception {
        return call(cl, "dev.ferric.Ferric", "loadReport", new Class<?>[0]);
    }

    private static String loadedFrom(ClassLoader cl) throws Exception {
        Object r = report(cl);
        return (String) r.getClass().getMethod("loadedFrom").invoke(r);
    }

    @Test
    void twoSiblingsBothWorkEachWithItsOwnVerifiedCopy() throws Exception {
        String expected = Blake3.hashHex(INPUT); // this loader (the test's) holds a copy too
        String pin = BuildInfo.get().pinnedChecksum(System.getProperty("ferric.test.classifier"));
        try (URLClassLoader a = application(); URLClassLoader b = application()) {
            assertEquals(expected, hashHex(a));
            assertEquals(expected, hashHex(b));
            String fromA = loadedFrom(a);
            String fromB = loadedFrom(b);
            assertNotEquals(fromA, fromB);
            assertNotEquals(dev.ferric.Ferric.loadReport().loadedFrom(), fromA);
            assertEquals(pin, Sha256.ofFile(Paths.get(fromA)));
            assertEquals(pin, Sha256.ofFile(Paths.get(fromB)));
            // the loader's own types, not ours: they really are separate copies of ferric
            assertNotEquals(Blake3.class, Class.forName("dev.ferric.blake3.Blake3", false, a));
            Object report = report(b);
            List<?> attempts = (List<?>) report.getClass().getMethod("attempts").invoke(report);
            assertTrue(attempts.toString().contains("bound to another class loader"), attempts.toString());
            assertNull(call(b, "dev.ferric.Ferric", "unavailabilityCause", new Class<?>[0]));
        }
    }

    @Test
    void redeployedApplicationsWorkAndTheOldLoaderCanBeCollected() throws Exception {
        String expected = Blake3.hashHex(INPUT);
        WeakReference<ClassLoader> first = null;
        for (int deploy = 0; deploy < 5; deploy++) {
            URLClassLoader app = application();
            assertEquals(expected, hashHex(app));
            // use and close a native object, as an application would before being undeployed
            Object hasher = call(app, "dev.ferric.blake3.Blake3", "newHasher", new Class<?>[0]);
            hasher.getClass().getMethod("close").invoke(hasher);
            app.close();
            if (first == null) first = new WeakReference<>(app);
        }
        // ferric keeps nothing that pins an undeployed application's class loader (its leak-net thread stops when idle)
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (first.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertNull(first.get(), "the first application's class loader is still reachable");
    }
}
