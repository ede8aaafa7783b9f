import dev.ferric.Ferric;
import java.io.FileInputStream;
import java.io.IOException;

/**
 * Times the first {@code Ferric.isAvailable()} of this JVM (loader start-up: find, check, hash, load)
 * and prints {@code millis cpuMillis hashing}: the wall time, then the CPU time of the calling thread
 * (Linux: {@code /proc/thread-self/schedstat}; -1 elsewhere), which a busy machine inflates less.
 * Exits 1 when ferric did not load. Run once per fresh JVM by benchmarks/run-startup.sh.
 */
public final class StartupProbe {
    public static void main(String[] args) {
        threadCpuNanos(); // its classes loaded before the clock starts
        long cpu = threadCpuNanos();
        long start = System.nanoTime();
        boolean loaded = Ferric.isAvailable();
        long took = System.nanoTime() - start;
        long cpuTook = cpu < 0 ? -1 : threadCpuNanos() - cpu;
        if (!loaded) {
            System.err.println(Ferric.unavailabilityCause().getMessage());
            System.exit(1);
        }
        System.out.println(took / 1e6 + " " + (cpuTook < 0 ? -1 : cpuTook / 1e6) + " " + Ferric.loadReport().hashing());
    }

    /** This thread's CPU time in ns (the first field of its schedstat), or -1 where there is none. */
    private static long threadCpuNanos() {
        byte[] b = new byte[64];
        int n;
        try (FileInputStream in = new FileInputStream("/proc/thread-self/schedstat")) {
            n = in.read(b);
        } catch (IOException e) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n && b[i] >= '0' && b[i] <= '9'; i++) v = v * 10 + (b[i] - '0');
        return v;
    }
}
