import dev.ferric.Ferric;

/**
 * Times the first {@code Ferric.isAvailable()} of this JVM (loader start-up: find, check, hash, load)
 * and prints {@code millis hashing}; exits 1 when ferric did not load. Run once per fresh JVM by
 * benchmarks/run-startup.sh.
 */
public final class StartupProbe {
    public static void main(String[] args) {
        long start = System.nanoTime();
        boolean loaded = Ferric.isAvailable();
        long took = System.nanoTime() - start;
        if (!loaded) {
            System.err.println(Ferric.unavailabilityCause().getMessage());
            System.exit(1);
        }
        System.out.println(took / 1e6 + " " + Ferric.loadReport().hashing());
    }
}
