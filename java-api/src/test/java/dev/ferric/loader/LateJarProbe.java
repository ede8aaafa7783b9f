package dev.ferric.loader;

import dev.ferric.Ferric;
import dev.ferric.blake3.Blake3;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

/**
 * Started without the classifier jar, which arrives later as the thread's context class loader (what
 * Spark's {@code addJar} does for executor threads). Prints what each call saw as {@code key=value}.
 * Argument: the classifier jar.
 */
public final class LateJarProbe {
    private LateJarProbe() {}

    public static void main(String[] args) throws Exception {
        print("first", Ferric.isAvailable());
        print("firstMessage", Ferric.unavailabilityCause().getMessage());
        URLClassLoader added = new URLClassLoader(new URL[] {Paths.get(args[0]).toUri().toURL()}, LateJarProbe.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(added);
        try {
            Blake3.hashHex(new byte[1]);
            print("kept", "no error");
        } catch (UnsatisfiedLinkError e) { // within the second: the first search's result, saying so
            print("kept", e.getMessage());
        }
        Thread.sleep(1100);
        print("later", Ferric.isAvailable());
        print("hash", Blake3.hashHex("probe".getBytes(StandardCharsets.US_ASCII)));
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + String.valueOf(value).replace("\n", "\\n"));
    }
}
