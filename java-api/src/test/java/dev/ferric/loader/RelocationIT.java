package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.blake3.Blake3;
import dev.ferric.compress.Deflate;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * A shaded application that relocated {@code dev.ferric} to another package: the library registers its
 * native methods with the relocated classes and throws the relocated exception classes.
 */
class RelocationIT {
    /** Same length as "dev/ferric", so class files can be rewritten byte for byte. */
    private static final String FROM = "dev/ferric";
    private static final String TO = "shd/ferric";

    @Test
    void aRelocatedCopyHashesCompressesMatchesAndSearches() throws Exception {
        Path relocated = relocate(Jvm.apiJar(), Jvm.workDir("relocation").resolve("app-shaded.jar"));
        try (URLClassLoader app = new URLClassLoader(new URL[] {relocated.toUri().toURL(), Jvm.nativeJar().toUri().toURL()},
                ClassLoader.getSystemClassLoader().getParent())) {
            Class<?> ferric = Class.forName("shd.ferric.Ferric", true, app);
            assertEquals(Boolean.TRUE, ferric.getMethod("isAvailable").invoke(null),
                    () -> String.valueOf(invoke(ferric, null, "unavailabilityCause")));
            Object report = ferric.getMethod("loadReport").invoke(null);
            assertTrue(String.valueOf(invoke(report.getClass(), report, "loadedFrom")).endsWith(".so"));
            String hashing = String.valueOf(invoke(report.getClass(), report, "hashing"));
            assertTrue(hashing.startsWith("by the verifier"), "the verifier registers with the relocated class too: " + hashing);

            byte[] data = "relocated ferric".getBytes(StandardCharsets.UTF_8);
            Class<?> blake3 = Class.forName("shd.ferric.blake3.Blake3", true, app);
            assertArrayEquals(Blake3.hash(data), (byte[]) blake3.getMethod("hash", byte[].class).invoke(null, (Object) data));

            Class<?> deflate = Class.forName("shd.ferric.compress.Deflate", true, app);
            Object gzip = deflate.getField("GZIP").get(null);
            byte[] packed = (byte[]) deflate.getMethod("compress", byte[].class).invoke(gzip, (Object) data);
            assertArrayEquals(data, Deflate.GZIP.decompress(packed));
            InvocationTargetException corrupt = assertThrows(InvocationTargetException.class,
                    () -> deflate.getMethod("decompress", byte[].class).invoke(gzip, (Object) new byte[] {1, 2, 3}));
            assertTrue(corrupt.getCause() instanceof ZipException, corrupt.getCause().toString());

            Class<?> lz4 = Class.forName("shd.ferric.compress.Lz4", true, app);
            Object safe = lz4.getMethod("safeDecompressor").invoke(null);
            InvocationTargetException badBlock = assertThrows(InvocationTargetException.class, () -> safe.getClass()
                    .getMethod("decompress", byte[].class, int.class).invoke(safe, new byte[] {(byte) 0xf0, 1}, 100));
            assertEquals("shd.ferric.compress.Lz4Exception", badBlock.getCause().getClass().getName(), badBlock.getCause().toString());

            Class<?> regex = Class.forName("shd.ferric.regex.Regex", true, app);
            Object digits = regex.getMethod("compile", String.class).invoke(null, "[0-9]+");
            assertEquals(Boolean.TRUE, regex.getMethod("isMatch", CharSequence.class).invoke(digits, "abc 42"));
            InvocationTargetException syntax = assertThrows(InvocationTargetException.class,
                    () -> regex.getMethod("compile", String.class).invoke(null, "(unclosed"));
            assertEquals("shd.ferric.regex.RegexSyntaxException", syntax.getCause().getClass().getName(), syntax.getCause().toString());

            Class<?> vectors = Class.forName("shd.ferric.vectors.Vectors", true, app);
            float[] a = {1, 2, 3};
            assertEquals(14f, (Float) vectors.getMethod("dot", float[].class, float[].class).invoke(null, a, a));
        }
    }

    @Test
    void twoCopiesRelocatedToDifferentPackagesInOneClassLoaderEachGetTheirOwnLibrary() throws Exception {
        Path first = relocate(Jvm.apiJar(), Jvm.workDir("relocation-one").resolve("app.jar"), "sh1/ferric");
        Path second = relocate(Jvm.apiJar(), Jvm.workDir("relocation-two").resolve("app.jar"), "sh2/ferric");
        try (URLClassLoader app = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL(),
                Jvm.nativeJar().toUri().toURL()}, ClassLoader.getSystemClassLoader().getParent())) {
            byte[] data = {1, 2, 3};
            for (String root : new String[] {"sh1.ferric", "sh2.ferric"}) {
                Class<?> blake3 = Class.forName(root + ".blake3.Blake3", true, app);
                assertArrayEquals(Blake3.hash(data), (byte[]) blake3.getMethod("hash", byte[].class).invoke(null, (Object) data),
                        () -> String.valueOf(invoke(forName(root + ".Ferric", app), null, "unavailabilityCause")));
            }
            Object one = invoke(forName("sh1.ferric.Ferric", app), null, "loadReport");
            Object two = invoke(forName("sh2.ferric.Ferric", app), null, "loadReport");
            String fromOne = String.valueOf(invoke(one.getClass(), one, "loadedFrom"));
            String fromTwo = String.valueOf(invoke(two.getClass(), two, "loadedFrom"));
            assertNotEquals(fromOne, fromTwo, "the second copy needs a file of its own to have its natives registered");
            for (Object report : new Object[] {one, two}) {
                String hashing = String.valueOf(invoke(report.getClass(), report, "hashing"));
                assertTrue(hashing.startsWith("by the verifier"), hashing);
            }
        }
    }

    private static Class<?> forName(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Object invoke(Class<?> c, Object target, String method) {
        try {
            return c.getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** What a shading plugin's relocation does: class names, descriptors, string constants and resource paths. */
    static Path relocate(Path in, Path out) throws Exception {
        return relocate(in, out, TO);
    }

    /** {@link #relocate(Path, Path)} to {@code to}, a package path as long as "dev/ferric". */
    static Path relocate(Path in, Path out, String to) throws Exception {
        try (JarFile jar = new JarFile(in.toFile()); OutputStream os = Files.newOutputStream(out);
             JarOutputStream jos = new JarOutputStream(os)) {
            for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                JarEntry e = en.nextElement();
                if (e.isDirectory()) continue;
                byte[] bytes;
                try (InputStream is = jar.getInputStream(e)) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    Jars.copy(is, b);
                    bytes = b.toByteArray();
                }
                if (e.getName().endsWith(".class")) {
                    bytes = replace(replace(bytes, FROM, to), FROM.replace('/', '.'), to.replace('/', '.'));
                }
                jos.putNextEntry(new JarEntry(e.getName().replace(FROM + "/", to + "/")));
                jos.write(bytes);
                jos.closeEntry();
            }
        }
        return out;
    }

    private static byte[] replace(byte[] b, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        byte[] r = b.clone();
        outer:
        for (int i = 0; i <= r.length - f.length; i++) {
            for (int j = 0; j < f.length; j++) if (r[i + j] != f[j]) continue outer;
            System.arraycopy(t, 0, r, i, t.length);
        }
        return r;
    }
}
