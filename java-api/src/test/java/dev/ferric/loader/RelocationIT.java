package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * A shaded application that relocated {@code dev.ferric} to another package: JNI names are fixed,
 * so ferric refuses up front with an error that says so, instead of failing later on a missing symbol.
 */
class RelocationIT {
    /** Same length as "dev/ferric", so class files can be rewritten byte for byte. */
    private static final String FROM = "dev/ferric";
    private static final String TO = "shd/ferric";

    @Test
    void relocatedApiIsRefusedWithAClearMessage() throws Exception {
        Path relocated = relocate(Jvm.apiJar(), Jvm.workDir("relocation").resolve("app-shaded.jar"));
        try (URLClassLoader app = new URLClassLoader(new URL[] {relocated.toUri().toURL(), Jvm.nativeJar().toUri().toURL()},
                ClassLoader.getSystemClassLoader().getParent())) {
            Class<?> ferric = Class.forName("shd.ferric.Ferric", true, app);
            assertEquals(Boolean.FALSE, ferric.getMethod("isAvailable").invoke(null));
            Throwable cause = (Throwable) ferric.getMethod("unavailabilityCause").invoke(null);
            String m = cause.getMessage();
            assertTrue(m.contains("ferric's classes were relocated") && m.contains("shd.ferric.internal.NativeLoader"), m);
            assertTrue(m.contains("Exclude dev.ferric from relocation"), m);
            // a kernel call fails with the same explanation, not with a missing-symbol error
            Class<?> blake3 = Class.forName("shd.ferric.blake3.Blake3", true, app);
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> blake3.getMethod("hash", byte[].class).invoke(null, (Object) new byte[1]));
            assertTrue(e.getCause() instanceof UnsatisfiedLinkError, e.getCause().toString());
            assertTrue(e.getCause().getMessage().contains("relocated"), e.getCause().getMessage());
            Object report = ferric.getMethod("loadReport").invoke(null);
            assertFalse(String.valueOf(report.getClass().getMethod("loadedFrom").invoke(report)).endsWith(".so"),
                    "nothing may be loaded for relocated classes");
        }
    }

    /** What a shading plugin's relocation does: class names, descriptors, string constants and resource paths. */
    static Path relocate(Path in, Path out) throws Exception {
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
                    bytes = replace(replace(bytes, FROM, TO), FROM.replace('/', '.'), TO.replace('/', '.'));
                }
                jos.putNextEntry(new JarEntry(e.getName().replace(FROM + "/", TO + "/")));
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
