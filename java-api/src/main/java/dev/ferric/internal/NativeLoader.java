package dev.ferric.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Finds, verifies and loads ferric's native library, once per class loader.
 *
 * <p>Order: (1) the file named by {@code -Dferric.library.path} (no fallback); (2) on Android,
 * {@code System.loadLibrary("ferric")}; (3) the classpath resource
 * {@code META-INF/native/ferric/<classifier>/<file>} of the ferric-native classifier jar, extracted
 * to the per-user cache; (4) each directory of {@code java.library.path}.
 *
 * <p>Before every load the file's SHA-256 is compared with the checksum this API jar pinned at build
 * time for the platform; after it, the library's version and ABI number must equal the API's. When
 * nothing loads, the error lists every attempt and why it failed.
 */
public final class NativeLoader {
    static final String RESOURCE_ROOT = "META-INF/native/ferric/";

    private final LoaderConfig config;
    private final Platform platform;
    private final BuildInfo build;
    private final ClassLoader resources;
    private final Linker linker;
    private final List<LoadAttempt> attempts = new ArrayList<>();
    private String loadedChecksum;

    NativeLoader(LoaderConfig config, Platform platform, BuildInfo build, ClassLoader resources, Linker linker) {
        this.config = config;
        this.platform = platform;
        this.build = build;
        this.resources = resources;
        this.linker = linker;
    }

    private static final class Holder {
        static final LoadReport REPORT = new NativeLoader(LoaderConfig.fromSystem(), Platform.current(), BuildInfo.get(),
                classLoader(), Linker.SYSTEM).load();
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = NativeLoader.class.getClassLoader();
        return cl != null ? cl : ClassLoader.getSystemClassLoader();
    }

    /** Loads the library on first call (thread-safe) and returns what happened; never throws. */
    public static LoadReport report() {
        return Holder.REPORT;
    }

    /** Throws a fresh {@link UnsatisfiedLinkError} (with the original cause) unless the library is loaded. */
    public static void ensureLoaded() {
        UnsatisfiedLinkError failure = Holder.REPORT.failure();
        if (failure != null) {
            UnsatisfiedLinkError e = new UnsatisfiedLinkError(failure.getMessage());
            e.initCause(failure);
            throw e;
        }
    }

    /** Bytes currently held by ferric's Rust allocator. */
    public static long nativeBytes() {
        ensureLoaded();
        return CoreNative.nativeBytes();
    }

    String resourcePath() {
        return RESOURCE_ROOT + platform.classifier() + "/" + platform.libraryFileName();
    }

    LoadReport load() {
        String loadedFrom = null;
        String nativeVersion = null;
        Throwable fatal = null;
        try {
            if (config.libraryPath != null && !config.libraryPath.trim().isEmpty()) {
                Path p = Paths.get(config.libraryPath.trim()).toAbsolutePath();
                nativeVersion = loadFile(LoaderConfig.LIBRARY_PATH, p, null);
                if (nativeVersion != null) loadedFrom = p.toString();
            } else {
                if (platform.isAndroid()) {
                    nativeVersion = loadAndroid();
                    if (nativeVersion != null) loadedFrom = "System.loadLibrary(ferric)";
                }
                if (nativeVersion == null) {
                    Path p = loadFromClasspath();
                    if (p != null) {
                        loadedFrom = p.toString();
                        nativeVersion = linkedVersion;
                    }
                }
                if (nativeVersion == null) {
                    Path p = loadFromJavaLibraryPath();
                    if (p != null) {
                        loadedFrom = p.toString();
                        nativeVersion = linkedVersion;
                    }
                }
            }
        } catch (Linker.VersionMismatchError e) {
            fatal = e; // the wrong library is now mapped into this JVM: stop, trying others cannot help
        }
        UnsatisfiedLinkError failure = nativeVersion != null ? null : failure(fatal);
        return new LoadReport(platform, attempts, loadedFrom, loadedChecksum, nativeVersion, failure);
    }

    private String linkedVersion;

    private void attempt(String source, String location, LoadAttempt.Outcome outcome, String detail, Throwable error) {
        attempts.add(new LoadAttempt(source, location, outcome, detail, error));
    }

    /** Verifies the file against the pin, then loads it; returns the native version, or null on failure. */
    private String loadFile(String source, Path file, String expectedSha) {
        String actual;
        try {
            actual = Sha256.ofFile(file);
        } catch (IOException e) {
            attempt(source, file.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e);
            return null;
        }
        String pin = build.pinnedChecksum(platform.classifier());
        String expected = expectedSha != null ? expectedSha : pin;
        if (config.verify && (expected == null || !expected.equals(actual))) {
            String why = expected == null
                    ? "this ferric build pins no library for " + platform.classifier() + " (sha256 " + actual
                      + "); to load a library you built yourself set -D" + LoaderConfig.VERIFY + "=false"
                    : "checksum mismatch: file has sha256 " + actual + " but ferric " + build.version()
                      + " pinned " + expected + " for " + platform.classifier()
                      + "; refusing to load bytes this release did not build";
            attempt(source, file.toString(), LoadAttempt.Outcome.FAILED, why, null);
            return null;
        }
        try {
            linker.load(file.toString());
        } catch (UnsatisfiedLinkError e) {
            attempt(source, file.toString(), LoadAttempt.Outcome.FAILED, "load failed: " + e.getMessage() + hint(e), e);
            return null;
        }
        String version = linker.verifyLoaded(build.version(), BuildInfo.ABI_VERSION);
        loadedChecksum = actual;
        attempt(source, file.toString(), LoadAttempt.Outcome.LOADED, "sha256 " + actual + (config.verify ? " (verified)" : " (not verified)"), null);
        return version;
    }

    private static String hint(UnsatisfiedLinkError e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("failed to map segment") || m.contains("operation not permitted")) {
            return " (the directory may be on a file system mounted noexec; set -D" + LoaderConfig.CACHE_DIR
                    + "=<a directory that allows execution>)";
        }
        if (m.contains("wrong elf class") || m.contains("incompatible architecture") || m.contains("mach-o")) {
            return " (the library was built for another architecture than this JVM's)";
        }
        if (m.contains("glibc") || m.contains("not found")) {
            return " (a system library it needs is missing or too old; on Alpine/musl use the -musl classifier)";
        }
        return "";
    }

    private String loadAndroid() {
        try {
            linker.loadLibrary("ferric");
        } catch (UnsatisfiedLinkError e) {
            attempt("android", "System.loadLibrary(ferric)", LoadAttempt.Outcome.FAILED,
                    "not in the APK's jniLibs: " + e.getMessage(), e);
            return null;
        }
        String v = linker.verifyLoaded(build.version(), BuildInfo.ABI_VERSION);
        attempt("android", "System.loadLibrary(ferric)", LoadAttempt.Outcome.LOADED, "integrity is the APK signature's", null);
        return v;
    }

    private Path loadFromClasspath() {
        String name = resourcePath();
        String pin = build.pinnedChecksum(platform.classifier());
        List<URL> urls;
        try {
            urls = Collections.list(resources.getResources(name));
        } catch (IOException e) {
            attempt("classpath", name, LoadAttempt.Outcome.FAILED, "cannot list resources: " + e.getMessage(), e);
            return null;
        }
        if (urls.isEmpty()) {
            attempt("classpath", name, LoadAttempt.Outcome.SKIPPED, "not on the classpath: add the dependency "
                    + missingDependency(), null);
            return null;
        }
        for (URL url : urls) {
            byte[] bytes;
            try {
                bytes = read(url);
            } catch (IOException e) {
                attempt("classpath", url.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e);
                continue;
            }
            String sha = Sha256.of(bytes);
            if (pin == null || !pin.equals(sha)) {
                attempt("classpath", url.toString(), LoadAttempt.Outcome.FAILED, pin == null
                        ? "this ferric build pins no library for " + platform.classifier()
                        : "checksum mismatch: resource has sha256 " + sha + " but ferric " + build.version()
                          + " pinned " + pin + " (a ferric-native jar of another version, or a tampered one)", null);
                continue;
            }
            Path loaded = extractAndLoad(bytes, sha, platform.libraryFileName());
            if (loaded != null) return loaded;
        }
        return null;
    }

    private Path extractAndLoad(byte[] bytes, String sha, String fileName) {
        List<Path> dirs = LibraryCache.candidateDirs(config.cacheDir, platform.os(), config.userHome,
                config.xdgCacheHome, config.localAppData, config.tmpDir, config.userName);
        for (Path dir : dirs) {
            Path file;
            try {
                file = LibraryCache.install(LibraryCache.privateDir(dir), bytes, sha, fileName);
            } catch (IOException | RuntimeException e) {
                attempt("classpath", dir.toString(), LoadAttempt.Outcome.FAILED, "cannot use as cache: " + e, e);
                continue;
            }
            int before = attempts.size();
            String v = loadFile("classpath", file, sha);
            if (v != null) {
                linkedVersion = v;
                return file;
            }
            LoadAttempt last = attempts.get(attempts.size() - 1);
            if (attempts.size() > before && String.valueOf(last.detail()).contains("already loaded in another classloader")
                    && fileName.equals(platform.libraryFileName())) {
                // Another class loader of this JVM (an app-server redeploy, a plugin) holds that file:
                // JNI binds a library to one loader, so this loader gets its own verified copy.
                String own = insertBeforeExtension(fileName, "-cl" + Integer.toHexString(System.identityHashCode(resources)));
                return extractAndLoad(bytes, sha, own);
            }
        }
        return null;
    }

    private static String insertBeforeExtension(String fileName, String suffix) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName + suffix : fileName.substring(0, dot) + suffix + fileName.substring(dot);
    }

    private Path loadFromJavaLibraryPath() {
        List<String> searched = new ArrayList<>();
        for (String entry : config.javaLibraryPathEntries()) {
            if (entry.trim().isEmpty()) continue;
            Path file = Paths.get(entry, platform.libraryFileName()).toAbsolutePath();
            searched.add(entry);
            if (!Files.exists(file)) continue;
            String v = loadFile("java.library.path", file, null);
            if (v != null) {
                linkedVersion = v;
                return file;
            }
        }
        if (attempts.stream().noneMatch(a -> "java.library.path".equals(a.source()))) {
            attempt("java.library.path", String.join(java.io.File.pathSeparator, searched), LoadAttempt.Outcome.SKIPPED,
                    "no " + platform.libraryFileName() + " in any of its " + searched.size() + " directories", null);
        }
        return null;
    }

    private String missingDependency() {
        return "dev.ferric:ferric-native:" + build.version() + ":" + platform.classifier()
                + " (Maven: <artifactId>ferric-native</artifactId><classifier>" + platform.classifier() + "</classifier>)";
    }

    private static byte[] read(URL url) throws IOException {
        URLConnection c = url.openConnection();
        c.setUseCaches(false); // a cached JarFile may be closed under us by another class loader
        try (InputStream in = c.getInputStream()) {
            byte[] buf = new byte[Math.max(8192, c.getContentLength())];
            int n = 0;
            for (int r; (r = in.read(buf, n, buf.length - n)) > 0; ) {
                n += r;
                if (n == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            return java.util.Arrays.copyOf(buf, n);
        }
    }

    private UnsatisfiedLinkError failure(Throwable fatal) {
        StringBuilder sb = new StringBuilder();
        sb.append("ferric ").append(build.version()).append(" could not load its native library for ")
                .append(platform).append(". Attempts:");
        int i = 1;
        for (LoadAttempt a : attempts) sb.append("\n  ").append(i++).append(". ").append(a);
        if (fatal != null) sb.append("\n  ").append(i).append(". ").append(fatal.getMessage());
        sb.append("\nTo fix: put dev.ferric:ferric-native:").append(build.version()).append(':').append(platform.classifier())
                .append(" on the classpath next to dev.ferric:ferric, or point -D").append(LoaderConfig.LIBRARY_PATH)
                .append(" at a ferric ").append(build.version()).append(" library. `ferric doctor` shows the details.");
        UnsatisfiedLinkError e = new UnsatisfiedLinkError(sb.toString());
        if (fatal != null) e.initCause(fatal);
        for (LoadAttempt a : attempts) if (a.error() != null) e.addSuppressed(a.error());
        return e;
    }
}
