package dev.ferric.loader;

import dev.ferric.Ferric;
import dev.ferric.blake3.Blake3;
import dev.ferric.compress.Deflate;
import dev.ferric.compress.Lz4;
import dev.ferric.regex.Regex;
import dev.ferric.vectors.ElementType;
import dev.ferric.vectors.FlatIndex;
import dev.ferric.vectors.Metric;
import dev.ferric.vectors.Vectors;
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
        // every kernel's first call explains itself with the loader's error, not the JVM's bare one
        firstUse("blake3", () -> Blake3.newHasher());
        firstUse("regex", () -> Regex.compile("a+"));
        firstUse("deflate", () -> Deflate.GZIP.compress(new byte[1]));
        firstUse("lz4", () -> Lz4.compressFrame(new byte[1]));
        firstUse("vectors", () -> Vectors.dot(new float[1], new float[1]));
        firstUse("index", () -> new FlatIndex(4, Metric.DOT_PRODUCT, ElementType.FLOAT32));
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

    private static void firstUse(String kernel, Runnable call) {
        try {
            call.run();
            print("firstUse." + kernel, "no error");
        } catch (UnsatisfiedLinkError e) {
            print("firstUse." + kernel, e.getMessage().contains("To fix:") ? "loader error" : e.getMessage());
        }
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + String.valueOf(value).replace("\n", "\\n"));
    }
}
