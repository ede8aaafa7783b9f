package dev.ferric.loader;

import dev.ferric.Ferric;
import dev.ferric.blake3.Blake3;
import dev.ferric.internal.LoadAttempt;
import dev.ferric.internal.LoadReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A user program in miniature, for tests that start JVMs: loads ferric, hashes a string, and prints
 * what happened as {@code key=value} lines. With {@code --ready FILE --go FILE} it first creates
 * FILE (ready) and waits for the other FILE (go), so many JVMs can be made to load at once.
 */
public final class LoaderProbe {
    private LoaderProbe() {}

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--ready")) Files.createFile(Paths.get(args[i + 1]));
            if (args[i].equals("--go")) {
                Path go = Paths.get(args[i + 1]);
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (!Files.exists(go) && System.nanoTime() < deadline) Thread.sleep(1);
            }
        }
        LoadReport r = Ferric.loadReport();
        print("loaded", r.loaded());
        print("from", r.loadedFrom());
        print("sha256", r.loadedChecksum());
        print("pinned", r.pinnedChecksum());
        print("platform", r.platform().classifier());
        print("module", moduleOf(Ferric.class));
        print("hashing", r.hashing());
        print("loadMillis", r.durationNanos() / 1e6);
        print("attempts", r.attempts().size());
        int i = 1;
        for (LoadAttempt a : r.attempts()) print("attempt." + i++, a);
        print("failure", r.failure() == null ? null : r.failure().getMessage());
        if (r.loaded()) print("hash", Blake3.hashHex("probe".getBytes(StandardCharsets.US_ASCII)));
    }

    private static String moduleOf(Class<?> c) {
        try {
            Object m = Class.class.getMethod("getModule").invoke(c);
            return String.valueOf(m.getClass().getMethod("getName").invoke(m));
        } catch (ReflectiveOperationException e) {
            return "none";
        }
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + String.valueOf(value).replace("\n", "\\n"));
    }
}
