package dev.ferric.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds, verifies and loads ferric's native library, once per class loader.
 *
 * <p>Order: (1) the file named by {@code -Dferric.library.path} (no fallback); (2) on Android,
 * {@code System.loadLibrary("ferric")}; (3) the classpath resource
 * {@code META-INF/native/ferric/<classifier>/<file>} of the ferric-native classifier jar (seen by
 * ferric's class loader or the thread's context class loader), served from the per-user cache and
 * extracted there only when the cache has no trusted copy; (4) each directory of
 * {@code java.library.path}.
 *
 * <p>Before every load the file's SHA-256 is compared with the checksum this API jar pinned at build
 * time for the platform; after it, the file mapped must still be the file hashed, and the library's
 * version and ABI number must equal the API's. Hashing is done by the verifier, a 20 KB library
 * pinned and checked the same way (in Java), and in Java when the verifier is not available. When
 * nothing loads, the error lists every attempt and why it failed, then what to do about each.
 *
 * <p>The first search starts {@link StartupPrefetch}, a short-lived thread that loads the classes the
 * start needs next while this one checks the cache.
 *
 * <p>A search that found nothing (no classifier jar, no file) is repeated by a later call, at most
 * once every {@link #RETRY_INTERVAL_MILLIS} ms, so a native jar added at run time (Spark's
 * {@code addJar}) is picked up; one that found something that failed is not repeated.
 */
public final class NativeLoader {
    static final String RESOURCE_ROOT = "META-INF/native/ferric/";
    /** Private copies of the library one JVM may make, one per further class loader that loads ferric. */
    static final int MAX_COPIES = 16;
    /** A search that found nothing is repeated by a later call, at most this often. */
    static final long RETRY_INTERVAL_MILLIS = 1000;
    /** What the JDK says when a library file is already bound to another class loader. */
    private static final String HELD_BY_ANOTHER_LOADER = "already loaded in another classloader";
    private static final String CLASSPATH = "classpath";
    private static final String VERIFIER = "verifier";
    /** A file beside a named library larger than this is not read as its verifier (the real one is ~20 KB). */
    static final long MAX_VERIFIER_BYTES = 1 << 20;
    private static final String JAVA_LIBRARY_PATH = "java.library.path";
    private static final String ANDROID = "android";

    private final LoaderConfig config;
    private final Platform platform;
    private final BuildInfo build;
    private final ClassLoader resources;
    /** The thread's context class loader when it is another than {@link #resources}, else null. */
    private final ClassLoader context;
    private final Linker linker;
    private final List<LoadAttempt> attempts = new ArrayList<>();
    private LibraryHasher hasher = LibraryHasher.JAVA;
    private String hashing = "in Java: the verifier was not needed (no cache directory used)";
    private boolean verifierTried;
    /** A candidate was found (a resource, a file, an override): its failure is not "nothing found". */
    private boolean found;
    /** The verifier this class loader has bound (JNI binds it once): later searches reuse it. */
    private static volatile String boundVerifier;

    NativeLoader(LoaderConfig config, Platform platform, BuildInfo build, ClassLoader resources, Linker linker) {
        this(config, platform, build, resources, null, linker);
    }

    NativeLoader(LoaderConfig config, Platform platform, BuildInfo build, ClassLoader resources, ClassLoader context,
                 Linker linker) {
        this.config = config;
        this.platform = platform;
        this.build = build;
        this.resources = resources;
        this.context = context == resources ? null : context;
        this.linker = linker;
    }

    // ---- this class loader's one library ----

    private static final Object LOCK = new Object();
    /** ferric's root package with its dot ({@code "dev.ferric."}), wherever a shading plugin relocated it. */
    private static final String PACKAGE_ROOT = NativeLoader.class.getName().substring(0,
            NativeLoader.class.getName().length() - "internal.NativeLoader".length());
    /** The library loaded, or the last search's failure. */
    private static volatile LoadReport current;
    private static volatile long currentNanos;

    private static ClassLoader classLoader() {
        ClassLoader cl = NativeLoader.class.getClassLoader();
        return cl != null ? cl : ClassLoader.getSystemClassLoader();
    }

    /**
     * Loads the library on first call (thread-safe) and returns what happened; never throws. After a
     * search that found nothing, a call more than {@link #RETRY_INTERVAL_MILLIS} ms later searches again.
     */
    public static LoadReport report() {
        LoadReport r = current;
        if (r != null && !retryDue(r)) return r;
        synchronized (LOCK) {
            r = current;
            if (r == null || retryDue(r)) {
                if (r == null) StartupPrefetch.start(classLoader(), PACKAGE_ROOT); // first search only: later ones find it all loaded
                r = new NativeLoader(LoaderConfig.fromSystem(), Platform.current(), BuildInfo.get(), classLoader(),
                        Thread.currentThread().getContextClassLoader(), Linker.SYSTEM).load();
                currentNanos = System.nanoTime();
                current = r;
                if (r.loaded()) MonitoringRegistration.startOnce();
            }
            return r;
        }
    }

    private static boolean retryDue(LoadReport r) {
        return !r.loaded() && r.retryable() && System.nanoTime() - currentNanos >= RETRY_INTERVAL_MILLIS * 1_000_000L;
    }

    /**
     * Throws an {@link UnsatisfiedLinkError} (the failure's text, once, with when that search ran)
     * unless the library is loaded.
     */
    public static void ensureLoaded() {
        LoadReport r = report();
        if (!r.loaded()) throw unavailable(r, System.currentTimeMillis());
    }

    /** A fresh error for the caller's stack: the report's text, when it was found, and its underlying errors. */
    static UnsatisfiedLinkError unavailable(LoadReport r, long nowMillis) {
        UnsatisfiedLinkError failure = r.failure();
        String when = "This is the result of the search at " + java.time.Instant.ofEpochMilli(r.attemptedAtMillis())
                + " (" + Math.max(0, nowMillis - r.attemptedAtMillis()) + " ms ago); "
                + (r.retryable() ? "a later call searches again (at most once every " + RETRY_INTERVAL_MILLIS + " ms)."
                        : "it found a library that failed (see above), so it is not repeated: restart the JVM once it is fixed.");
        UnsatisfiedLinkError e = new UnsatisfiedLinkError(failure.getMessage() + "\n" + when);
        for (Throwable t : failure.getSuppressed()) e.addSuppressed(t);
        return e;
    }

    /** Bytes currently held by ferric's Rust allocator. */
    public static long nativeBytes() {
        ensureLoaded();
        return LiveBytes.get();
    }

    String resourcePath() {
        return resourcePath(platform.libraryFileName());
    }

    private String resourcePath(String fileName) {
        return RESOURCE_ROOT + platform.classifier() + "/" + fileName;
    }

    /** A library that loaded and passed every check. */
    private static final class Loaded {
        final String from;
        final String sha256;
        final String version;

        Loaded(String from, String sha256, String version) {
            this.from = from;
            this.sha256 = sha256;
            this.version = version;
        }
    }

    /** Returned by {@link #load(String, Path, Hashed, boolean)} when the JVM has bound that file to another class loader. */
    private static final Loaded HELD_ELSEWHERE = new Loaded(null, null, null);

    /** A file's SHA-256, and its identity while it was hashed. */
    private static final class Hashed {
        final String sha256;
        final String identity;
        final Long inode;

        Hashed(String sha256, String identity, Long inode) {
            this.sha256 = sha256;
            this.identity = identity;
            this.inode = inode;
        }
    }

    /**
     * Ends the search: trying further candidates cannot help (native access denied), or a library
     * that is not the one verified is already mapped into this JVM.
     */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    LoadReport load() {
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        Loaded loaded = null;
        Refusal refusal = null;
        try {
            loaded = find();
        } catch (Refusal r) {
            refusal = r;
        } catch (RuntimeException | LinkageError e) {
            // a malformed path property, an unexpected JDK behaviour: reported like any failure, never thrown
            attempt("loader", "(search)", LoadAttempt.Outcome.FAILED, "unexpected " + e, e, null);
        }
        String pin = pin();
        long took = System.nanoTime() - startNanos;
        if (loaded != null) {
            return new LoadReport(platform, attempts, loaded.from, loaded.sha256, pin, loaded.version, null, false,
                    hashing, startMillis, took);
        }
        // Only "nothing found" is worth searching again (a jar added later); what was found and failed
        // (another version, a foreign cache directory, a library that does not load) fails the same way.
        return new LoadReport(platform, attempts, null, null, pin, null, failure(), refusal == null && !found, hashing,
                startMillis, took);
    }

    private Loaded find() throws Refusal {
        if (config.libraryPath != null && !config.libraryPath.trim().isEmpty()) return fromOverride();
        Loaded loaded = platform.isAndroid() ? fromAndroid() : null;
        if (loaded == null) loaded = fromClasspath();
        if (loaded == null) loaded = fromJavaLibraryPath();
        return loaded;
    }

    private Loaded fromOverride() throws Refusal {
        found = true; // the user named the file: whatever fails, searching again will not help
        Path p = Paths.get(config.libraryPath.trim()).toAbsolutePath();
        try {
            p = p.toRealPath(); // hash and load one and the same file, even through a symbolic link
        } catch (IOException e) {
            attempt(LoaderConfig.LIBRARY_PATH, p.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e, e,
                    "point -D" + LoaderConfig.LIBRARY_PATH + " at an existing ferric " + build.version() + " library, or remove it");
            return null;
        }
        Loaded l = hashAndLoad(LoaderConfig.LIBRARY_PATH, p);
        return l == HELD_ELSEWHERE ? null : l;
    }

    private Loaded fromAndroid() throws Refusal {
        String where = "System.loadLibrary(ferric)";
        try {
            linker.loadLibrary("ferric");
        } catch (UnsatisfiedLinkError e) {
            attempt(ANDROID, where, LoadAttempt.Outcome.FAILED, "not in the APK's jniLibs: " + e.getMessage(), e,
                    "add the ferric-native Android AAR (dev.ferric:ferric-native:" + build.version() + ":android@aar) to the app");
            return null;
        } catch (RuntimeException e) {
            attempt(ANDROID, where, LoadAttempt.Outcome.FAILED, "load failed: " + e, e, null);
            return null;
        }
        String version = checkVersion(ANDROID, where);
        attempt(ANDROID, where, LoadAttempt.Outcome.LOADED, "ferric " + version + "; integrity is the APK signature's", null, null);
        return new Loaded(where, null, version);
    }

    // ---- the classifier jar and the cache ----

    private Loaded fromClasspath() throws Refusal {
        Resource resource = new Resource(platform.libraryFileName(), CLASSPATH);
        String pin = pin();
        List<Path> dirs = LibraryCache.candidateDirs(config.cacheDir, platform.os(), config.userHome,
                config.xdgCacheHome, config.localAppData, config.tmpDir, config.userName);
        // A cache that already holds the pinned library serves it without asking the class loaders
        // (whose first resource lookup opens every jar: tens of milliseconds); otherwise the jar must be there.
        String entry = config.verify && pin != null ? LibraryCache.cachedFileName(platform.libraryFileName(), pin, 0) : null;
        boolean[] holds = new boolean[dirs.size()];
        boolean warm = false;
        for (int i = 0; entry != null && i < holds.length; i++) {
            warm |= holds[i] = Files.exists(dirs.get(i).resolve(entry), LinkOption.NOFOLLOW_LINKS);
        }
        if (warm) found = true;
        if (!warm && !resource.present()) return null;
        if (config.verify && pin == null) {
            if (resource.firstReadable() != null) {
                attempt(CLASSPATH, resource.url.toString(), LoadAttempt.Outcome.FAILED, mismatch("resource", resource.sha, null),
                        null, unpinnedFix());
            }
            return null;
        }
        if (dirs.isEmpty()) {
            attempt(CLASSPATH, "(cache)", LoadAttempt.Outcome.FAILED, "no cache directory: user.home and java.io.tmpdir are unset",
                    null, LibraryCache.OWN_DIR_FIX);
        }
        for (int i = 0; i < dirs.size(); i++) {
            // a directory that holds the library is only read (unless its copy turns out untrusted)
            LibraryCache.CacheDir cache = cacheDir(CLASSPATH, dirs.get(i), !holds[i]);
            if (cache == null) continue;
            startVerifier(cache);
            String sha = pin;
            if (!config.verify) { // nothing pinned to name the file by: its own bytes name it
                if (resource.firstReadable() == null) return null;
                sha = resource.sha;
            }
            Loaded loaded = fromCache(CLASSPATH, cache, resource, sha, true);
            if (loaded != null) return loaded;
            // no resource holds the pinned bytes: only a directory that already holds them can still help
            if (resource.exhausted && !warm) return null;
        }
        return null;
    }

    /** Every copy of {@code fileName}'s resource that ferric's class loader or the context class loader sees. */
    private List<URL> findResources(String fileName, String source) {
        String name = resourcePath(fileName);
        List<URL> urls = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // by text: URL.equals may resolve host names
        for (ClassLoader cl : context == null ? Collections.singletonList(resources) : Arrays.asList(resources, context)) {
            try {
                for (URL u : Collections.list(cl.getResources(name))) if (seen.add(u.toString())) urls.add(u);
            } catch (IOException | RuntimeException e) {
                attempt(source, name, LoadAttempt.Outcome.FAILED, "cannot list the resources of " + describe(cl) + ": "
                        + e.getMessage(), e, null);
                return null;
            }
        }
        return urls;
    }

    /** The class loaders searched, for a "not found" message. */
    private String searched() {
        return describe(resources) + (context == null ? "" : " and the thread's context class loader, " + describe(context));
    }

    static String describe(ClassLoader cl) {
        if (cl == ClassLoader.getSystemClassLoader()) return "the application class loader";
        String s = cl.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(cl));
        if (cl instanceof URLClassLoader) s += " (" + ((URLClassLoader) cl).getURLs().length + " URLs)";
        return s;
    }

    /**
     * {@code dir} as a private cache directory, or null (recorded) when it cannot be one; see
     * {@link LibraryCache#privateDir} for {@code toExtract}.
     */
    private LibraryCache.CacheDir cacheDir(String source, Path dir, boolean toExtract) {
        try {
            LibraryCache.CacheDir cache = LibraryCache.privateDir(dir, toExtract);
            if (cache.repaired != null) {
                attempt(source, cache.path.toString(), LoadAttempt.Outcome.REPLACED, cache.repaired, null, null);
            }
            return cache;
        } catch (LibraryCache.UnusableDirException e) {
            attempt(source, dir.toString(), LoadAttempt.Outcome.FAILED, "cannot use as cache: " + e.getMessage(), e, e.fix);
        } catch (IOException | RuntimeException e) {
            attempt(source, dir.toString(), LoadAttempt.Outcome.FAILED, "cannot use as cache: " + describe(e), e, LibraryCache.OWN_DIR_FIX);
        }
        return null;
    }

    /**
     * Loads a library from {@code cache}: copy 0, shared by every JVM, or when that is bound to another
     * class loader of this JVM (an app-server redeploy, a plugin; JNI binds a file to one loader) the
     * first further copy that is not. Null when this directory cannot serve it (recorded).
     */
    private Loaded fromCache(String source, LibraryCache.CacheDir cache, Resource resource, String sha, boolean main) throws Refusal {
        for (int copy = 0; copy < MAX_COPIES; copy++) {
            Path file = cache.path.resolve(LibraryCache.cachedFileName(resource.fileName, sha, copy));
            Hashed hashed;
            try {
                hashed = cachedEntry(source, cache, file, sha, resource);
            } catch (IOException | RuntimeException e) {
                attempt(source, cache.path.toString(), LoadAttempt.Outcome.FAILED, "cannot extract to: " + describe(e), e,
                        LibraryCache.OWN_DIR_FIX);
                return null;
            }
            if (hashed == null) return null;
            Loaded loaded = load(source, file, hashed, main);
            if (loaded != HELD_ELSEWHERE) return loaded;
            if (copy == MAX_COPIES - 1) {
                attempt(source, cache.path.toString(), LoadAttempt.Outcome.FAILED, "all " + MAX_COPIES
                        + " copies are bound to other class loaders of this JVM", null, "load ferric from one shared class"
                        + " loader (e.g. the server's lib directory) instead of each application's");
            }
        }
        return null;
    }

    /**
     * The cache entry {@code file}, hashed: kept when only this user can have written it and it hashes
     * to {@code sha}; otherwise removed (recorded as replaced) and extracted afresh from the resource,
     * which is read only then. Null when no resource holds those bytes or the hash failed (recorded).
     */
    private Hashed cachedEntry(String source, LibraryCache.CacheDir cache, Path file, String sha, Resource resource)
            throws IOException {
        String distrust = LibraryCache.distrust(file, cache.owner);
        if (distrust != null) {
            LibraryCache.remove(file);
            attempt(source, file.toString(), LoadAttempt.Outcome.REPLACED, "not trusted, " + distrust
                    + ": removed and extracted afresh", null, null);
        }
        for (int round = 0; ; round++) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Hashed extracted = resource.extract(cache, file, sha);
                if (extracted == null) return null;
                // another JVM may have published first: what is there must pass the same checks
                distrust = LibraryCache.distrust(file, cache.owner);
                if (distrust != null) throw new IOException(file + " is " + distrust + " right after extraction");
                // the inode hashed as a temp file, now under its name: no need to hash it twice
                if (extracted.identity.equals(LibraryCache.identity(file))) return extracted;
            }
            Hashed hashed = hash(source, file);
            if (hashed == null || hashed.sha256.equals(sha)) return hashed;
            if (round > 0) {
                attempt(source, file.toString(), LoadAttempt.Outcome.FAILED, "hashes to " + hashed.sha256 + " right after"
                        + " extraction, not " + sha + " (is the disk failing?)", null, LibraryCache.OWN_DIR_FIX);
                return null;
            }
            LibraryCache.remove(file); // truncated by a killed extraction, or damaged
            attempt(source, file.toString(), LoadAttempt.Outcome.REPLACED, "damaged: its bytes hash to " + hashed.sha256
                    + ", not " + sha + ": removed and extracted afresh", null, null);
        }
    }

    /**
     * One library's resources in the classifier jar(s): looked up only when the cache cannot serve
     * it, read only when it must be extracted.
     */
    private final class Resource {
        final String fileName;
        final String source;
        private List<URL> urls;
        private int next;
        byte[] bytes;
        String sha;
        URL url;
        /** Every resource was read (or none exists) and none holds the bytes asked for. */
        boolean exhausted;

        Resource(String fileName, String source) {
            this.fileName = fileName;
            this.source = source;
        }

        /** Whether the class loaders see it; when not, recorded (for the library, with what to add). */
        boolean present() {
            if (urls == null) {
                urls = findResources(fileName, source);
                if (urls == null) urls = Collections.emptyList(); // (recorded)
                if (!urls.isEmpty() && !VERIFIER.equals(source)) found = true;
                else if (urls.isEmpty() && !VERIFIER.equals(source)) {
                    attempt(source, resourcePath(fileName), LoadAttempt.Outcome.SKIPPED, "not on the classpath (searched "
                            + searched() + ")", null, missingJarFix());
                }
            }
            return !urls.isEmpty();
        }

        /**
         * Extracts the first resource whose SHA-256 is {@code expected} to {@code target}: each is
         * written to a temp file, and that file, not the bytes read, is hashed (with the usual identity
         * checks), then linked into place. Returns the hash of that inode, or null when no resource has
         * those bytes (each failure recorded; nothing is published). The jar's own {@code .sha256} file
         * is never consulted: whoever swaps the library swaps it too.
         */
        Hashed extract(LibraryCache.CacheDir cache, Path target, String expected) throws IOException {
            if (bytes != null && expected.equals(sha)) return place(cache, target, bytes, url, expected); // another copy
            if (!present()) {
                exhausted = true;
                return null;
            }
            while (next < urls.size()) {
                URL u = urls.get(next++);
                byte[] b;
                try {
                    b = read(u);
                } catch (IOException e) {
                    attempt(source, u.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e, null);
                    continue;
                }
                Hashed h;
                try {
                    h = place(cache, target, b, u, expected);
                } catch (IOException | RuntimeException e) {
                    next--; // the directory failed (full, read-only), not this resource: the next directory tries it again
                    throw e;
                }
                if (h != null) {
                    bytes = b;
                    sha = expected;
                    url = u;
                    return h;
                }
            }
            exhausted = true;
            return null;
        }

        /** Writes {@code b} to a temp file, hashes that file and, when it is {@code expected}, links it to {@code target}. */
        private Hashed place(LibraryCache.CacheDir cache, Path target, byte[] b, URL from, String expected) throws IOException {
            Path tmp = LibraryCache.writeTemp(cache.path, b);
            try {
                Hashed h = hash(source, tmp);
                if (h == null) return null;
                if (!expected.equals(h.sha256)) {
                    attempt(source, from.toString(), LoadAttempt.Outcome.FAILED, mismatch("resource", h.sha256, expected), null,
                            sameReleaseFix());
                    return null;
                }
                LibraryCache.publish(tmp, target);
                return h;
            } finally {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException | RuntimeException e) {
                    // best effort: a temp file left behind is swept after an hour; the result stands
                }
            }
        }

        /**
         * The bytes of the first readable resource, with their SHA-256 in {@link #sha}, for a library
         * whose name is not pinned (verification off); null when none is readable, each failure recorded.
         */
        byte[] firstReadable() {
            if (bytes != null) return bytes;
            if (!present()) return null;
            while (next < urls.size()) {
                URL u = urls.get(next++);
                try {
                    bytes = read(u);
                } catch (IOException e) {
                    attempt(source, u.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e, null);
                    continue;
                }
                sha = hasher.of(bytes);
                url = u;
                return bytes;
            }
            exhausted = true;
            return null;
        }
    }

    /**
     * Brings up the verifier from the classpath into {@code cache}, once per search: found, hashed in
     * Java against its own pin, loaded and checked like the library. Afterwards library files are
     * hashed by it; when it cannot be had, in Java, and {@link LoadReport#hashing()} says why.
     */
    private void startVerifier(LibraryCache.CacheDir cache) throws Refusal {
        String pin = verifierPin();
        if (pin == null) return;
        Resource resource = new Resource(platform.verifierFileName(), VERIFIER);
        if (!Files.exists(cache.path.resolve(LibraryCache.cachedFileName(resource.fileName, pin, 0)), LinkOption.NOFOLLOW_LINKS)
                && !resource.present()) {
            hashing = "in Java: no " + platform.verifierFileName() + " beside the library on the classpath";
            return;
        }
        int before = attempts.size();
        useVerifier(fromCache(VERIFIER, cache, resource, pin, false), pin, before);
    }

    /**
     * For a library named by {@code -Dferric.library.path} or found on {@code java.library.path}: the
     * verifier installed beside it (the classifier jar holds the pair), checked in Java against its pin
     * and loaded like any candidate, so that the library is hashed at native speed, not in Java (~35 ms
     * for the 3.4 MB library in a fresh JVM). Without one, Java hashes it.
     */
    private void startVerifierBeside(Path library) throws Refusal {
        String pin = verifierPin();
        if (pin == null) return;
        Path file = library.resolveSibling(platform.verifierFileName());
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            hashing = "in Java: no " + platform.verifierFileName() + " beside " + library;
            return;
        }
        int before = attempts.size();
        Hashed hashed = null;
        try { // the verifier is ~20 KB: a large file under its name is not read (hashing it in Java would stall the start)
            long size = Files.size(file);
            if (size > MAX_VERIFIER_BYTES) {
                attempt(VERIFIER, file.toString(), LoadAttempt.Outcome.FAILED, size + " bytes: too large to be ferric's verifier"
                        + " (at most " + MAX_VERIFIER_BYTES + "), not read", null, null);
            } else {
                hashed = hash(VERIFIER, file);
            }
        } catch (IOException e) {
            attempt(VERIFIER, file.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e, null);
        }
        Loaded verifier = null;
        if (hashed != null && !pin.equals(hashed.sha256)) {
            attempt(VERIFIER, file.toString(), LoadAttempt.Outcome.FAILED, mismatch("file", hashed.sha256, pin), null, null);
        } else if (hashed != null) {
            verifier = load(VERIFIER, file, hashed, false);
        }
        useVerifier(verifier, pin, before);
    }

    /**
     * The verifier's pin when one is to be tried now, else null: tried once per search; reused when an
     * earlier search of this class loader bound one (JNI binds it once); none when the build pins none
     * ({@link #hashing} says which).
     */
    private String verifierPin() {
        if (verifierTried) return null;
        verifierTried = true;
        String bound = boundVerifier;
        if (bound != null && linker == Linker.SYSTEM) { // loaded and checked by an earlier search of this class loader
            hasher = LibraryHasher.verifier(linker);
            hashing = "by the verifier " + bound + " (loaded and checked by an earlier search)";
            return null;
        }
        String pin = build.pinnedVerifierChecksum(platform.classifier());
        if (pin == null) hashing = "in Java: this build pins no verifier for " + platform.classifier();
        return pin;
    }

    /**
     * Hashes with {@code verifier}, loaded and checked against {@code pin}, from now on; when it could
     * not be had (null, or bound to another class loader), in Java, and {@link #hashing} gives the
     * reason: the last attempt recorded after the first {@code attemptsBefore}.
     */
    private void useVerifier(Loaded verifier, String pin, int attemptsBefore) {
        if (verifier == null || verifier == HELD_ELSEWHERE) {
            LoadAttempt why = attempts.size() > attemptsBefore ? attempts.get(attempts.size() - 1) : null;
            hashing = "in Java: the verifier could not be used" + (why == null ? "" : " (" + why.detail() + ")");
            return;
        }
        hasher = LibraryHasher.verifier(linker);
        hashing = "by the verifier " + verifier.from + " (sha256 " + pin + ", matches the pin)";
        if (linker == Linker.SYSTEM) boundVerifier = verifier.from;
    }

    private Loaded fromJavaLibraryPath() throws Refusal {
        List<String> searched = new ArrayList<>();
        boolean any = false;
        for (String entry : config.javaLibraryPathEntries()) {
            if (entry.trim().isEmpty()) continue;
            searched.add(entry);
            Path file = Paths.get(entry, platform.libraryFileName()).toAbsolutePath();
            if (!Files.exists(file)) continue;
            any = true;
            found = true;
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException e) {
                attempt(JAVA_LIBRARY_PATH, file.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e, e, null);
                continue;
            }
            Loaded loaded = hashAndLoad(JAVA_LIBRARY_PATH, real);
            if (loaded != null && loaded != HELD_ELSEWHERE) return loaded;
        }
        if (!any) {
            attempt(JAVA_LIBRARY_PATH, String.join(File.pathSeparator, searched), LoadAttempt.Outcome.SKIPPED,
                    "no " + platform.libraryFileName() + " in any of its " + searched.size() + " directories", null, null);
        }
        return null;
    }

    // ---- hashing and loading one file ----

    /**
     * Hashes {@code file}, checks it against the pin and loads it; with verification off it is not
     * hashed at all (nothing would compare the hash, and a debug build of the library is ~100 MB to hash
     * in a fresh JVM), only identified, so that the file mapped is still the file checked.
     */
    private Loaded hashAndLoad(String source, Path file) throws Refusal {
        if (!config.verify) {
            Hashed identified = identify(source, file);
            return identified == null ? null : load(source, file, identified, true);
        }
        startVerifierBeside(file);
        Hashed hashed = hash(source, file);
        if (hashed == null) return null;
        String pin = pin();
        if (!hashed.sha256.equals(pin)) {
            attempt(source, file.toString(), LoadAttempt.Outcome.FAILED, mismatch("file", hashed.sha256, pin), null,
                    pin == null ? unpinnedFix() : sameReleaseFix());
            return null;
        }
        return load(source, file, hashed, true);
    }

    /** {@code file}'s identity without its SHA-256 (null in the result); null (recorded) when it cannot be read. */
    private Hashed identify(String source, Path file) {
        try {
            LibraryCache.requireRegularFile(file);
            hashing = "not hashed: -D" + LoaderConfig.VERIFY + "=false";
            return new Hashed(null, LibraryCache.identity(file), LibraryCache.inode(file));
        } catch (IOException | RuntimeException e) {
            attempt(source, file.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e, null);
            return null;
        }
    }

    /** The file's SHA-256 if its identity did not change while it was hashed; null (recorded) otherwise. */
    private Hashed hash(String source, Path file) {
        try {
            String before = LibraryCache.identity(file);
            Long inode = LibraryCache.inode(file);
            String sha = hasher.ofFile(file);
            if (!before.equals(LibraryCache.identity(file))) {
                attempt(source, file.toString(), LoadAttempt.Outcome.FAILED, "the file changed while it was being hashed", null, null);
                return null;
            }
            return new Hashed(sha, before, inode);
        } catch (IOException | RuntimeException | LinkageError e) {
            attempt(source, file.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e, null);
            return null;
        }
    }

    /**
     * Loads {@code file}, hashed as {@code hashed}, then checks that the file mapped is the file hashed
     * and, for ferric's library ({@code main}), that it is this release's. Returns null when this file
     * failed (the next candidate may work), {@link #HELD_ELSEWHERE} when another class loader holds it.
     */
    private Loaded load(String source, Path file, Hashed hashed, boolean main) throws Refusal {
        String where = file.toString();
        try {
            linker.load(where);
        } catch (UnsatisfiedLinkError e) {
            if (String.valueOf(e.getMessage()).contains(HELD_BY_ANOTHER_LOADER)) {
                if (CLASSPATH.equals(source) || VERIFIER.equals(source)) {
                    attempt(source, where, LoadAttempt.Outcome.SKIPPED, "bound to another class loader of this JVM;"
                            + " trying a private copy", null, null);
                    return HELD_ELSEWHERE;
                }
                attempt(source, where, LoadAttempt.Outcome.FAILED, "bound to another class loader of this JVM (JNI binds"
                        + " a library file to one class loader)", e, "use the classifier jar, which gives each class loader its own copy");
                return null;
            }
            String[] hint = hint(e, file);
            attempt(source, where, LoadAttempt.Outcome.FAILED, "load failed: " + e.getMessage() + hint[0], e, hint[1]);
            return null;
        } catch (RuntimeException e) {
            if (isNativeAccessDenied(e)) {
                String flag = nativeAccessFlag();
                throw refuse(source, where, nativeAccessDenied(e, flag), "start java with " + flag);
            }
            attempt(source, where, LoadAttempt.Outcome.FAILED, "load failed: " + e, e, null);
            return null;
        }
        // The library is mapped now and cannot be unmapped: if it is not the file hashed, stop.
        String swapped = replacedSinceHashed(file, hashed.identity, hashed.inode);
        if (swapped != null) throw refuse(source, where, swapped, null);
        if ((CLASSPATH.equals(source) || VERIFIER.equals(source)) && !registeredForThisCopy(main)) {
            // JNI_OnLoad runs once per file and class loader: another copy of ferric in this class loader
            // (relocated to another package) loaded this file first and got its natives registered.
            attempt(source, where, LoadAttempt.Outcome.SKIPPED, "no ferric entry points for these classes: another"
                    + " copy of ferric (relocated to another package) in this class loader loaded this file first; trying"
                    + " a private copy", null, null);
            return HELD_ELSEWHERE;
        }
        if (!main) return new Loaded(where, hashed.sha256, null);
        String version = checkVersion(source, where);
        attempt(source, where, LoadAttempt.Outcome.LOADED, "ferric " + version + (hashed.sha256 == null
                ? ", not hashed or verified (-D" + LoaderConfig.VERIFY + "=false)"
                : ", sha256 " + hashed.sha256 + (config.verify ? " (matches the pin)" : " (not verified: -D" + LoaderConfig.VERIFY + "=false)")),
                null, null);
        return new Loaded(where, hashed.sha256, version);
    }

    /**
     * Null when the bytes mapped are the bytes hashed: on Linux the process's memory map must show
     * the inode that was hashed; elsewhere the file must still have the identity it had when hashed.
     */
    private String replacedSinceHashed(Path file, String identityWhenHashed, Long inode) {
        String maps = linker.memoryMap();
        if (maps != null && inode != null) {
            String real;
            try {
                real = file.toRealPath().toString();
            } catch (IOException e) {
                real = file.toString();
            }
            Boolean same = LibraryCache.mapsInode(maps, LibraryCache.mapsText(real), inode);
            if (same != null) {
                return same ? null : "the file was replaced between verification and loading: the JVM mapped another"
                        + " inode than the one hashed (inode " + inode + "); refusing to run code that was not verified";
            }
        }
        try {
            if (identityWhenHashed.equals(LibraryCache.identity(file))) return null;
        } catch (IOException e) {
            // gone: fall through
        }
        return "the file was replaced between verification and loading (it was " + identityWhenHashed
                + "); refusing to run code that was not verified";
    }

    /** Whether the library just loaded registered its natives with these classes (the main one, or the verifier). */
    private boolean registeredForThisCopy(boolean main) {
        try {
            if (main) linker.abiVersion();
            else linker.verifierCompress(new int[8], new byte[64], 0, 1);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The loaded library's version, or a refusal naming both versions when it is not this release's. */
    private String checkVersion(String source, String where) throws Refusal {
        int abi;
        String version;
        try {
            abi = linker.abiVersion();
            version = linker.version();
        } catch (UnsatisfiedLinkError e) {
            throw refuse(source, where, "the library loaded but has no ferric entry points (" + e.getMessage()
                    + "): it is not a ferric " + build.version() + " library", sameReleaseFix());
        }
        if (abi != BuildInfo.ABI_VERSION || !build.version().equals(version)) {
            throw refuse(source, where, "version skew: the native library is ferric " + version + " (ABI " + abi
                    + ") but the Java API is ferric " + build.version() + " (ABI " + BuildInfo.ABI_VERSION + ")",
                    sameReleaseFix());
        }
        return version;
    }

    private Refusal refuse(String source, String where, String why, String fix) {
        attempt(source, where, LoadAttempt.Outcome.FAILED, why, null, fix);
        return new Refusal(why);
    }

    private void attempt(String source, String location, LoadAttempt.Outcome outcome, String detail, Throwable error, String fix) {
        attempts.add(new LoadAttempt(source, location, outcome, detail, error, fix));
    }

    private String pin() {
        return build.pinnedChecksum(platform.classifier());
    }

    private String mismatch(String what, String actual, String pin) {
        if (pin == null) {
            return "this ferric " + build.version() + " build pins no library for " + platform.classifier() + " ("
                    + what + " has sha256 " + actual + ")";
        }
        return "checksum mismatch: " + what + " has sha256 " + actual + " but ferric " + build.version() + " pinned "
                + pin + " for " + platform.classifier() + "; refusing to load bytes this release did not build"
                + " (a ferric-native jar of another version, or a tampered one)";
    }

    // ---- what the user can do: one line per kind of failure ----

    private String nativeCoordinates() {
        return "dev.ferric:ferric-native:" + build.version() + ":" + platform.classifier();
    }

    private String missingJarFix() {
        return "add " + nativeCoordinates() + " beside dev.ferric:ferric. Maven: <dependency><groupId>dev.ferric</groupId>"
                + "<artifactId>ferric-native</artifactId><version>" + build.version() + "</version><classifier>"
                + platform.classifier() + "</classifier></dependency>; Gradle: runtimeOnly(\"" + nativeCoordinates()
                + "\"); Spark: both jars in --jars or spark.jars (never the API jar on a parent class loader and the"
                + " native jar on a child). Or point -D" + LoaderConfig.LIBRARY_PATH + " at a ferric " + build.version() + " library";
    }

    private String sameReleaseFix() {
        return "use " + nativeCoordinates() + ", the native jar of the same release as the API jar dev.ferric:ferric:"
                + build.version();
    }

    private static String unpinnedFix() {
        return "to load a library you built yourself set -D" + LoaderConfig.VERIFY + "=false";
    }

    /** The message, with the exception's class where the message alone says too little (e.g. just a path). */
    private static String describe(Throwable e) {
        boolean plain = e.getClass() == IOException.class && e.getMessage() != null;
        return plain ? e.getMessage() : e.toString();
    }

    /** For a failed {@code System.load}: text for the attempt's message, and the fix (either may be empty/null). */
    private String[] hint(UnsatisfiedLinkError e, Path file) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String noexec = null;
        try {
            noexec = LibraryCache.noexecMountPoint(LibraryCache.readMountInfo(), file.toRealPath().getParent().toString());
        } catch (IOException | RuntimeException ignored) {
            // no mount table to consult: the message alone decides
        }
        if (noexec != null) {
            return new String[] {" (" + file.getParent() + " is on a file system mounted noexec at " + noexec + ")",
                LibraryCache.noexecFix(noexec)};
        }
        if (m.contains("failed to map segment") || m.contains("operation not permitted")) {
            return new String[] {" (the directory may be on a file system mounted noexec)", LibraryCache.noexecFix("it")};
        }
        if (m.contains("wrong elf class") || m.contains("incompatible architecture") || m.contains("mach-o")) {
            return new String[] {" (the library was built for another architecture than this JVM's)",
                "use the library of this JVM's platform, " + nativeCoordinates()};
        }
        if (m.contains("glibc") || m.contains("not found")) {
            return new String[] {" (a system library it needs is missing or too old)",
                "on Alpine or another musl system use the -musl classifier; elsewhere install the system library named above"};
        }
        return new String[] {"", null};
    }

    /** JDK 24+ with {@code --illegal-native-access=deny} throws {@code IllegalCallerException} (a Java 9 class). */
    static boolean isNativeAccessDenied(RuntimeException e) {
        return "java.lang.IllegalCallerException".equals(e.getClass().getName());
    }

    private static String nativeAccessFlag() {
        String module = moduleName(NativeLoader.class);
        return "--enable-native-access=" + (module == null ? "ALL-UNNAMED" : module);
    }

    private static String nativeAccessDenied(RuntimeException e, String flag) {
        String module = moduleName(NativeLoader.class);
        return "the JVM denies native access to " + (module == null ? "code on the class path" : "module " + module)
                + " (" + e.getMessage() + "; the JVM runs with --illegal-native-access=deny): start java with " + flag
                + (module == null ? ", or for an executable jar add 'Enable-Native-Access: ALL-UNNAMED' to its manifest" : "");
    }

    /** The name of {@code c}'s named module, or null on Java 8 and for the unnamed module. */
    static String moduleName(Class<?> c) {
        try {
            Object module = Class.class.getMethod("getModule").invoke(c);
            Method getName = module.getClass().getMethod("getName");
            return (String) getName.invoke(module);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The resource's bytes. An entry of a jar file ({@code jar:file:...!/entry}) is read with
     * {@code ZipFile}, whose classes the class loader has already loaded; other URLs through their
     * {@code URLConnection}, whose {@code jar:} machinery costs a fresh JVM ~10 ms of class loading.
     */
    private static byte[] read(URL url) throws IOException {
        String s = url.toString();
        int bang = s.indexOf("!/");
        if (s.startsWith("jar:file:") && bang > 0 && s.indexOf("!/", bang + 2) < 0) {
            File jar;
            try {
                jar = new File(new java.net.URI(s.substring("jar:".length(), bang)));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                jar = null;
            }
            if (jar != null && jar.isFile()) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
                    java.util.zip.ZipEntry entry = zip.getEntry(s.substring(bang + 2));
                    if (entry == null) throw new IOException("no " + s.substring(bang + 2) + " in " + jar);
                    try (InputStream in = zip.getInputStream(entry)) {
                        return LibraryCache.readAll(in, (int) Math.max(0, Math.min(entry.getSize(), Integer.MAX_VALUE - 8)));
                    }
                }
            }
        }
        URLConnection c = url.openConnection();
        c.setUseCaches(false); // a cached JarFile may be closed under us by another class loader
        try (InputStream in = c.getInputStream()) {
            return LibraryCache.readAll(in, c.getContentLength());
        }
    }

    /**
     * The error for a search that loaded nothing: every attempt in order, then one "To fix" line per
     * distinct fix the failures call for (or the general one when none does). Each text appears once:
     * the underlying errors are kept as suppressed exceptions, and a refusal is not chained as a cause
     * (its text is already the attempt's).
     */
    private UnsatisfiedLinkError failure() {
        StringBuilder sb = new StringBuilder();
        sb.append("ferric ").append(build.version()).append(" could not load its native library for ")
                .append(platform).append(". Attempts:");
        int i = 1;
        Set<String> fixes = new LinkedHashSet<>();
        for (LoadAttempt a : attempts) {
            sb.append("\n  ").append(i++).append(". ").append(a);
            if (a.fix() != null && a.outcome() != LoadAttempt.Outcome.LOADED) fixes.add(a.fix());
        }
        if (fixes.isEmpty()) {
            fixes.add("put " + nativeCoordinates() + " on the classpath next to dev.ferric:ferric, or point -D"
                    + LoaderConfig.LIBRARY_PATH + " at a ferric " + build.version() + " library");
        }
        sb.append("\nTo fix:");
        for (String fix : fixes) sb.append("\n  - ").append(fix);
        sb.append("\n`ferric doctor` shows the details.");
        UnsatisfiedLinkError e = new UnsatisfiedLinkError(sb.toString());
        for (LoadAttempt a : attempts) if (a.error() != null) e.addSuppressed(a.error());
        return e;
    }
}
