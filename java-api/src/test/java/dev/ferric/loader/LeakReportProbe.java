package dev.ferric.loader;

import dev.ferric.Ferric;
import dev.ferric.NativeStats;
import dev.ferric.blake3.Blake3;
import dev.ferric.regex.Regex;

/**
 * Leaks one {@code Blake3.Hasher} and one {@code Regex}, each from one known line, waits until the
 * leak net has freed both, and prints the lines and the stats as {@code key=value}; the leak reports
 * go to standard error (the JVM's default logging).
 */
public final class LeakReportProbe {
    private LeakReportProbe() {}

    public static void main(String[] args) throws Exception {
        // first uses allocate what stays for the life of the process (caches): not leaks
        try (Blake3.Hasher h = Blake3.newHasher(); Regex r = Regex.compile("[a-z]+\\d{2,}")) {
            h.update(new byte[] {1});
            r.isMatch("abc12");
        }
        NativeStats start = Ferric.nativeStats();
        int hasherLine = leakHasher();
        int regexLine = leakRegex();
        long deadline = System.nanoTime() + 60_000_000_000L;
        NativeStats end = Ferric.nativeStats();
        while ((leaked(end, "Blake3.Hasher") < 1 || leaked(end, "Regex") < 1) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
            end = Ferric.nativeStats();
        }
        Thread.sleep(200); // the leak net logs after it counts
        // again: one snapshot reads the native bytes before the leak counts, so the one that saw both
        // counts may hold the bytes of just before the second free
        end = Ferric.nativeStats();
        System.out.println("hasherLine=" + hasherLine);
        System.out.println("regexLine=" + regexLine);
        System.out.println("leaked.hasher=" + leaked(end, "Blake3.Hasher"));
        System.out.println("leaked.regex=" + leaked(end, "Regex"));
        System.out.println("start.native=" + start.nativeBytes());
        System.out.println("end.native=" + end.nativeBytes());
        System.out.println("end.byKernel=" + end.nativeBytesByKernel());
    }

    private static long leaked(NativeStats s, String kind) {
        Long n = s.leakedByKind().get(kind);
        return n == null ? 0 : n;
    }

    // each leak and the line number it reports are on one line
    private static int leakHasher() {
        Blake3.Hasher h = Blake3.newHasher(); int line = line(); h.update(new byte[] {1});
        return line;
    }

    private static int leakRegex() {
        Regex r = Regex.compile("[a-z]+\\d{2,}"); int line = line(); r.isMatch("abc12");
        return line;
    }

    private static int line() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }
}
