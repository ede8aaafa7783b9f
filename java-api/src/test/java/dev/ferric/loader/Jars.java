package dev.ferric.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes jars for tests: copies of real jars with another manifest, and small executable jars. */
final class Jars {
    private Jars() {}

    /** Copies {@code in} to {@code out}, adding {@code attributes} to its main manifest section. */
    static Path withManifest(Path in, Path out, Map<String, String> attributes) throws IOException {
        try (JarFile jar = new JarFile(in.toFile())) {
            Manifest m = jar.getManifest() != null ? new Manifest(jar.getManifest()) : new Manifest();
            m.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
            for (Map.Entry<String, String> e : attributes.entrySet()) m.getMainAttributes().putValue(e.getKey(), e.getValue());
            try (OutputStream os = Files.newOutputStream(out); JarOutputStream jos = new JarOutputStream(os, m)) {
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    JarEntry e = en.nextElement();
                    if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) continue;
                    jos.putNextEntry(new JarEntry(e.getName()));
                    if (!e.isDirectory()) {
                        try (InputStream is = jar.getInputStream(e)) {
                            copy(is, jos);
                        }
                    }
                    jos.closeEntry();
                }
            }
        }
        return out;
    }

    /** A jar with {@code manifest} holding the given classes, read from the test class path. */
    static Path withClasses(Path out, Manifest manifest, Class<?>... classes) throws IOException {
        manifest.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream os = Files.newOutputStream(out); JarOutputStream jos = new JarOutputStream(os, manifest)) {
            for (Class<?> c : classes) {
                String name = c.getName().replace('.', '/') + ".class";
                jos.putNextEntry(new JarEntry(name));
                try (InputStream is = c.getClassLoader().getResourceAsStream(name)) {
                    copy(is, jos);
                }
                jos.closeEntry();
            }
        }
        return out;
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
    }
}
