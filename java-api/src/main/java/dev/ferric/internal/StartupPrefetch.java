package dev.ferric.internal;

/**
 * Prepares, on a second thread, what the loading thread needs next while it finds and checks the
 * library: ferric's classes (in a fresh JVM each one read from the jar and verified costs ~0.2 ms of
 * interpreted class-loader code, a third of a warm start) and compiled SHA-256 rounds (the verifier is
 * hashed in Java: interpreted, its ~300 blocks take ~3 ms). It only loads classes, without
 * initializing them, and compresses blocks of zeros with an instance of its own, so it changes when
 * work is done, never what: a class it has not reached is loaded where it is first used, as before.
 * Measured in BENCHMARKS.md ("Start-up a sixth time").
 */
final class StartupPrefetch implements Runnable {
    /** ferric's classes a successful start loads after the loader's first ones, relative to its root package, in order of need. */
    static final String[] CLASSES = {
        "internal.LibraryCache", "internal.LibraryCache$Owner", "internal.LibraryCache$CacheDir",
        "internal.NativeLoader$Hashed", "internal.Sha256", "internal.VerifierNative", "internal.LibraryHasher",
        "internal.CoreNative", "blake3.Blake3Native", "compress.CompressNative", "compress.StreamStep",
        "regex.RegexNative", "vectors.VectorsNative", "vectors.FlatIndexNative",
        "internal.LoadAttempt$Outcome", "internal.LoadAttempt", "internal.LoadReport", "internal.MonitoringRegistration",
    };
    /**
     * Blocks compressed to get the rounds compiled: HotSpot queues a looping method for C1 after about
     * 100 calls (each block is one call of 128 loop iterations), and the loading thread keeps calling
     * the interpreted rounds until the compiled ones are installed.
     */
    static final int WARM_UP_BLOCKS = 160;

    private final ClassLoader loader;
    private final String root;

    StartupPrefetch(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /** Starts it for the classes {@code loader} defines under {@code root} (e.g. {@code "dev.ferric."}); returns at once. */
    static void start(ClassLoader loader, String root) {
        try {
            Thread t = new Thread(new StartupPrefetch(loader, root), "ferric-startup-prefetch");
            t.setDaemon(true);
            t.setContextClassLoader(null); // pin no application's class loader
            t.start();
        } catch (RuntimeException | Error e) {
            // a security manager that forbids threads, no native threads left: everything happens on use
        }
    }

    @Override
    public void run() {
        for (String name : CLASSES) {
            try {
                Class.forName(root + name, false, loader);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                return; // loaded on use, where any error is reported
            }
        }
        Sha256 rounds = new Sha256();
        byte[] block = new byte[64];
        for (int i = 0; i < WARM_UP_BLOCKS; i++) rounds.compress(block, 0, 1);
    }
}
