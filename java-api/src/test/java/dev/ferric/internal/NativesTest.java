package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The library's tables of native methods (registered when it loads) and the {@code native} methods of
 * the Java classes are the same set: a method declared on one side only fails here, not at its first call.
 */
class NativesTest {
    private static final String ROOT = "dev.ferric.";

    @Test
    void everyJavaNativeMethodIsRegisteredByTheLibraryAndNothingElseIs() throws Exception {
        assertTrue(Ferric.isAvailable(), () -> String.valueOf(Ferric.unavailabilityCause()));
        Set<String> library = new TreeSet<>(Arrays.asList(CoreNative.natives()));
        Set<String> java = javaNatives();
        assertFalse(java.isEmpty());
        assertEquals(java, library, "< Java only, > library only: " + difference(java, library) + " / " + difference(library, java));
    }

    @Test
    void theLibraryRefusesToLoadOutsideFerricsLoader() throws Exception {
        assertTrue(Ferric.isAvailable(), () -> String.valueOf(Ferric.unavailabilityCause()));
        // a copy, so that this class loader may load it again: System.load from here, not from NativeLoader
        Path copy = Files.createTempDirectory("ferric-natives-test").resolve("copy-" + Paths.get(Ferric.loadReport().loadedFrom()).getFileName());
        Files.copy(Paths.get(Ferric.loadReport().loadedFrom()), copy);
        try {
            UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class, () -> System.load(copy.toString()));
            assertTrue(e.getMessage().startsWith("ferric: ") && e.getMessage().contains("internal.NativeLoader"), e.getMessage());
        } finally {
            Files.delete(copy);
            Files.delete(copy.getParent());
        }
        // the library ferric's loader registered still serves
        assertEquals(32, dev.ferric.blake3.Blake3.hash(new byte[3]).length);
    }

    /** "class.method descriptor" of every native method in the API classes, except the verifier's own library. */
    private static Set<String> javaNatives() throws URISyntaxException, ClassNotFoundException, java.io.IOException {
        Path classes = Paths.get(CoreNative.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> out = new TreeSet<>();
        for (String name : classNames(classes)) {
            Class<?> c = Class.forName(name, false, NativesTest.class.getClassLoader());
            if (c == VerifierNative.class) continue;
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isNative(m.getModifiers())) out.add(name.substring(ROOT.length()) + "." + m.getName() + " " + descriptor(m));
            }
        }
        return out;
    }

    /** The classes in the directory or jar {@code classes} (the jar's Java 22+ versions are the same classes). */
    private static List<String> classNames(Path classes) throws java.io.IOException {
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(classes)) {
            try (Stream<Path> walk = Files.walk(classes)) {
                walk.forEach(p -> files.add(classes.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/")));
            }
        } else {
            try (ZipFile jar = new ZipFile(classes.toFile())) {
                jar.stream().forEach(e -> files.add(e.getName()));
            }
        }
        List<String> names = new ArrayList<>();
        for (String f : files) {
            if (f.endsWith(".class") && !f.startsWith("META-INF/") && !f.endsWith("module-info.class")) {
                names.add(f.substring(0, f.length() - ".class".length()).replace('/', '.'));
            }
        }
        return names;
    }

    private static String descriptor(Method m) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) d.append(descriptor(p));
        return d.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> c) {
        if (c.isArray()) return "[" + descriptor(c.getComponentType());
        if (c == void.class) return "V";
        if (c == boolean.class) return "Z";
        if (c == byte.class) return "B";
        if (c == char.class) return "C";
        if (c == short.class) return "S";
        if (c == int.class) return "I";
        if (c == long.class) return "J";
        if (c == float.class) return "F";
        if (c == double.class) return "D";
        return "L" + c.getName().replace('.', '/') + ";";
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
