package dev.ferric.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
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
 * time for the platform; after it, the file mapped must still be the file hashed, and the library's
 * version and ABI number must equal the API's. When nothing loads, the error lists every attempt and
 * why it failed.
 */
public final class NativeLoader {
    static final String RESOURCE_ROOT = "META-INF/native/ferric/";
    /** Private copies of the library one JVM may make, one per further class loader that loads ferric. */
    static final int MAX_COPIES = 16;
    /** What the JDK says when a library file is already bound to another class loader. */
    private static final String HELD_BY_ANOTHER_LOADER = "already loaded in another classloader";
    private static final String CLASSPATH = "classpath";
    private static final String JAVA_LIBRARY_PATH = "java.library.path";
    private static final String ANDROID = "android";

    private final LoaderConfig config;
    private final Platform platform;
    private final BuildInfo build;
    private final ClassLoader resources;
    private final Linker linker;
    private final List<LoadAttempt> attempts = new ArrayList<>();

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

    /** Returned by {@link #loadVerified} when the JVM has bound that file to another class loader. */
    private static final Loaded HELD_ELSEWHERE = new Loaded(null, null, null);

    /**
     * Ends the search: trying further candidates cannot help (native access denied, relocated
     * classes), or a library that is not the one verified is already mapped into this JVM.
     */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    LoadReport load() {
        Loaded loaded = null;
        Refusal refusal = null;
        try {
            loaded = find();
        } catch (Refusal r) {
            refusal = r;
        }
        String pin = build.pinnedChecksum(platform.classifier());
        if (loaded != null) {
            return new LoadReport(platform, attempts, loaded.from, loaded.sha256, pin, loaded.version, null);
        }
        return new LoadReport(platform, attempts, null, null, pin, null, failure(refusal));
    }

    private Loaded find() throws Refusal {
        String relocated = relocation(NativeLoader.class.getName());
        if (relocated != null) throw refuse("classes", NativeLoader.class.getName(), relocated);
        if (config.libraryPath != null && !config.libraryPath.trim().isEmpty()) return fromOverride();
        Loaded loaded = platform.isAndroid() ? fromAndroid() : null;
        if (loaded == null) loaded = fromClasspath();
        if (loaded == null) loaded = fromJavaLibraryPath();
        return loaded;
    }

    /**
     * Why ferric's classes cannot bind their native methods when this class is {@code className}, or
     * null when it has its original name. JNI binds {@code native} methods by the class's name
     * ({@code Java_dev_ferric_...}), which a shading plugin's relocation changes.
     */
    static String relocation(String className) {
        // Built at run time so that a relocating plugin, which rewrites string constants, leaves them alone.
        String original = String.join(".", "dev", "ferric");
        String expected = String.join(".", original, "internal", "NativeLoader");
        if (expected.equals(className)) return null;
        return "ferric's classes were relocated (this class is " + className + ", expected " + expected
                + "): native methods are bound by their original class names, so a relocated copy of ferric cannot"
                + " call its library. Exclude " + original + " from relocation (maven-shade-plugin: <excludes><exclude>"
                + original + ".**</exclude></excludes> in the <relocation>), or do not shade ferric";
    }

    private Loaded fromOverride() throws Refusal {
        Path p = Paths.get(config.libraryPath.trim()).toAbsolutePath();
        try {
            p = p.toRealPath(); // hash and load one and the same file, even through a symbolic link
        } catch (IOException e) {
            attempt(LoaderConfig.LIBRARY_PATH, p.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e, e);
            return null;
        }
        Loaded l = loadVerified(LoaderConfig.LIBRARY_PATH, p, pin());
        return l == HELD_ELSEWHERE ? null : l;
    }

    private Loaded fromAndroid() throws Refusal {
        String where = "System.loadLibrary(ferric)";
        try {
            linker.loadLibrary("ferric");
        } catch (UnsatisfiedLinkError e) {
            attempt(ANDROID, where, LoadAttempt.Outcome.FAILED, "not in the APK's jniLibs: " + e.getMessage(), e);
            return null;
        } catch (RuntimeException e) {
            attempt(ANDROID, where, LoadAttempt.Outcome.FAILED, "load failed: " + e, e);
            return null;
        }
        String version = checkVersion(ANDROID, where);
        attempt(ANDROID, where, LoadAttempt.Outcome.LOADED, "ferric " + version + "; integrity is the APK signature's", null);
        return new Loaded(where, null, version);
    }

    private Loaded fromClasspath() throws Refusal {
        String name = resourcePath();
        List<URL> urls;
        try {
            urls = Collections.list(resources.getResources(name));
        } catch (IOException e) {
            attempt(CLASSPATH, name, LoadAttempt.Outcome.FAILED, "cannot list resources: " + e.getMessage(), e);
            return null;
        }
        if (urls.isEmpty()) {
            attempt(CLASSPATH, name, LoadAttempt.Outcome.SKIPPED, "not on the classpath: add the dependency "
                    + missingDependency(), null);
            return null;
        }
        String pin = pin();
        for (URL url : urls) {
            byte[] bytes;
            try {
                bytes = read(url);
            } catch (IOException e) {
                attempt(CLASSPATH, url.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e);
                continue;
            }
            String sha = Sha256.of(bytes);
            if (config.verify && !sha.equals(pin)) {
                // The native jar's own .sha256 file is not consulted: whoever swaps the library swaps it too.
                attempt(CLASSPATH, url.toString(), LoadAttempt.Outcome.FAILED, mismatch("resource", sha, pin), null);
                continue;
            }
            Loaded loaded = extractAndLoad(bytes, sha);
            if (loaded != null) return loaded;
        }
        return null;
    }

    /** Tries each cache directory until one holds a verified copy that loads. */
    private Loaded extractAndLoad(byte[] bytes, String sha) throws Refusal {
        List<Path> dirs = LibraryCache.candidateDirs(config.cacheDir, platform.os(), config.userHome,
                config.xdgCacheHome, config.localAppData, config.tmpDir, config.userName);
        if (dirs.isEmpty()) {
            attempt(CLASSPATH, "(cache)", LoadAttempt.Outcome.FAILED, "no cache directory: user.home and java.io.tmpdir are unset; set -D"
                    + LoaderConfig.CACHE_DIR, null);
        }
        for (Path dir : dirs) {
            Path privateDir;
            try {
                privateDir = LibraryCache.privateDir(dir);
            } catch (IOException | RuntimeException e) {
                attempt(CLASSPATH, dir.toString(), LoadAttempt.Outcome.FAILED, "cannot use as cache: " + describe(e), e);
                continue;
            }
            // Copy 0 is shared by every JVM; a class loader that finds it bound to another loader of
            // this JVM (an app-server redeploy, a plugin) gets a copy of its own: JNI binds a file to one loader.
            for (int copy = 0; copy < MAX_COPIES; copy++) {
                Path file;
                try {
                    file = LibraryCache.install(privateDir, bytes, sha,
                            LibraryCache.cachedFileName(platform.libraryFileName(), sha, copy));
                } catch (IOException | RuntimeException e) {
                    attempt(CLASSPATH, privateDir.toString(), LoadAttempt.Outcome.FAILED, "cannot extract to: " + describe(e), e);
                    break;
                }
                Loaded loaded = loadVerified(CLASSPATH, file, sha);
                if (loaded == HELD_ELSEWHERE) {
                    if (copy == MAX_COPIES - 1) {
                        attempt(CLASSPATH, privateDir.toString(), LoadAttempt.Outcome.FAILED, "all " + MAX_COPIES
                                + " copies are bound to other class loaders of this JVM; load ferric from one shared"
                                + " class loader (e.g. the server's lib directory) instead of each application's", null);
                    }
                    continue;
                }
                if (loaded != null) return loaded;
                break; // this directory cannot be used (e.g. the load failed): try the next one
            }
        }
        return null;
    }

    private Loaded fromJavaLibraryPath() throws Refusal {
        List<String> searched = new ArrayList<>();
        boolean found = false;
        for (String entry : config.javaLibraryPathEntries()) {
            if (entry.trim().isEmpty()) continue;
            searched.add(entry);
            Path file = Paths.get(entry, platform.libraryFileName()).toAbsolutePath();
            if (!Files.exists(file)) continue;
            found = true;
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException e) {
                attempt(JAVA_LIBRARY_PATH, file.toString(), LoadAttempt.Outcome.FAILED, "cannot read: " + e, e);
                continue;
            }
            Loaded loaded = loadVerified(JAVA_LIBRARY_PATH, real, pin());
            if (loaded != null && loaded != HELD_ELSEWHERE) return loaded;
        }
        if (!found) {
            attempt(JAVA_LIBRARY_PATH, String.join(File.pathSeparator, searched), LoadAttempt.Outcome.SKIPPED,
                    "no " + platform.libraryFileName() + " in any of its " + searched.size() + " directories", null);
        }
        return null;
    }

    /**
     * Hashes {@code file}, checks it against {@code expected}, loads it, then checks that the file
     * mapped is the file hashed and that the library is this release's. Returns null when this file
     * failed (the next candidate may work), {@link #HELD_ELSEWHERE} when another class loader holds it.
     */
    private Loaded loadVerified(String source, Path file, String expected) throws Refusal {
        String where = file.toString();
        String before;
        String actual;
        Long inode;
        try {
            before = LibraryCache.identity(file);
            inode = LibraryCache.inode(file);
            actual = Sha256.ofFile(file);
            if (!before.equals(LibraryCache.identity(file))) {
                attempt(source, where, LoadAttempt.Outcome.FAILED, "the file changed while it was being hashed", null);
                return null;
            }
        } catch (IOException e) {
            attempt(source, where, LoadAttempt.Outcome.FAILED, "cannot read: " + e.getMessage(), e);
            return null;
        }
        if (config.verify && !actual.equals(expected)) {
            attempt(source, where, LoadAttempt.Outcome.FAILED, mismatch("file", actual, expected), null);
            return null;
        }
        try {
            linker.load(where);
        } catch (UnsatisfiedLinkError e) {
            if (String.valueOf(e.getMessage()).contains(HELD_BY_ANOTHER_LOADER)) {
                if (CLASSPATH.equals(source)) {
                    attempt(source, where, LoadAttempt.Outcome.SKIPPED, "bound to another class loader of this JVM;"
                            + " trying a private copy", null);
                    return HELD_ELSEWHERE;
                }
                attempt(source, where, LoadAttempt.Outcome.FAILED, "bound to another class loader of this JVM (JNI binds"
                        + " a library file to one class loader); the classifier jar gives each class loader its own copy", e);
                return null;
            }
            attempt(source, where, LoadAttempt.Outcome.FAILED, "load failed: " + e.getMessage() + hint(e, file), e);
            return null;
        } catch (RuntimeException e) {
            if (isNativeAccessDenied(e)) throw refuse(source, where, nativeAccessDenied(e));
            attempt(source, where, LoadAttempt.Outcome.FAILED, "load failed: " + e, e);
            return null;
        }
        // The library is mapped now and cannot be unmapped: if it is not the file hashed, stop.
        String swapped = replacedSinceHashed(file, before, inode);
        if (swapped != null) throw refuse(source, where, swapped);
        String version = checkVersion(source, where);
        attempt(source, where, LoadAttempt.Outcome.LOADED, "ferric " + version + ", sha256 " + actual
                + (config.verify ? " (matches the pin)" : " (not verified: -D" + LoaderConfig.VERIFY + "=false)"), null);
        return new Loaded(where, actual, version);
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
            Boolean same = LibraryCache.mapsInode(maps, real, inode);
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

    /** The loaded library's version, or a refusal naming both versions when it is not this release's. */
    private String checkVersion(String source, String where) throws Refusal {
        int abi;
        String version;
        try {
            abi = linker.abiVersion();
            version = linker.version();
        } catch (UnsatisfiedLinkError e) {
            throw refuse(source, where, "the library loaded but has no ferric entry points (" + e.getMessage()
                    + "): it is not a ferric " + build.version() + " library");
        }
        if (abi != BuildInfo.ABI_VERSION || !build.version().equals(version)) {
            throw refuse(source, where, "version skew: the native library is ferric " + version + " (ABI " + abi
                    + ") but the Java API is ferric " + build.version() + " (ABI " + BuildInfo.ABI_VERSION
                    + "); use dev.ferric:ferric-native:" + build.version() + ":" + platform.classifier()
                    + " with dev.ferric:ferric:" + build.version());
        }
        return version;
    }

    private Refusal refuse(String source, String where, String why) {
        attempt(source, where, LoadAttempt.Outcome.FAILED, why, null);
        return new Refusal(why);
    }

    private void attempt(String source, String location, LoadAttempt.Outcome outcome, String detail, Throwable error) {
        attempts.add(new LoadAttempt(source, location, outcome, detail, error));
    }

    private String pin() {
        return build.pinnedChecksum(platform.classifier());
    }

    private String mismatch(String what, String actual, String pin) {
        if (pin == null) {
            return "this ferric " + build.version() + " build pins no library for " + platform.classifier() + " ("
                    + what + " has sha256 " + actual + "); to load a library you built yourself set -D"
                    + LoaderConfig.VERIFY + "=false";
        }
        return "checksum mismatch: " + what + " has sha256 " + actual + " but ferric " + build.version() + " pinned "
                + pin + " for " + platform.classifier() + "; refusing to load bytes this release did not build"
                + " (a ferric-native jar of another version, or a tampered one)";
    }

    /** The message, with the exception's class where the message alone says too little (e.g. just a path). */
    private static String describe(Throwable e) {
        boolean plain = e.getClass() == IOException.class && e.getMessage() != null;
        return plain ? e.getMessage() : e.toString();
    }

    /** A hint for a failed {@code System.load}, chained into the attempt's message. */
    private static String hint(UnsatisfiedLinkError e, Path file) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String noexec = null;
        try {
            noexec = LibraryCache.noexecMountPoint(LibraryCache.readMountInfo(), file.toRealPath().getParent().toString());
        } catch (IOException | RuntimeException ignored) {
            // no mount table to consult: the message alone decides
        }
        if (noexec != null) {
            return " (" + file.getParent() + " is on a file system mounted noexec at " + noexec + "; set -D"
                    + LoaderConfig.CACHE_DIR + "=<a directory that allows execution>)";
        }
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

    /** JDK 24+ with {@code --illegal-native-access=deny} throws {@code IllegalCallerException} (a Java 9 class). */
    static boolean isNativeAccessDenied(RuntimeException e) {
        return "java.lang.IllegalCallerException".equals(e.getClass().getName());
    }

    private static String nativeAccessDenied(RuntimeException e) {
        String module = moduleName(NativeLoader.class);
        String flag = "--enable-native-access=" + (module == null ? "ALL-UNNAMED" : module);
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
                if (n == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            }
            return Arrays.copyOf(buf, n);
        }
    }

    private UnsatisfiedLinkError failure(Refusal refusal) {
        StringBuilder sb = new StringBuilder();
        sb.append("ferric ").append(build.version()).append(" could not load its native library for ")
                .append(platform).append(". Attempts:");
        int i = 1;
        for (LoadAttempt a : attempts) sb.append("\n  ").append(i++).append(". ").append(a);
        if (refusal == null) {
            sb.append("\nTo fix: put dev.ferric:ferric-native:").append(build.version()).append(':')
                    .append(platform.classifier()).append(" on the classpath next to dev.ferric:ferric, or point -D")
                    .append(LoaderConfig.LIBRARY_PATH).append(" at a ferric ").append(build.version())
                    .append(" library. `ferric doctor` shows the details.");
        }
        UnsatisfiedLinkError e = new UnsatisfiedLinkError(sb.toString());
        if (refusal != null) e.initCause(refusal);
        for (LoadAttempt a : attempts) if (a.error() != null) e.addSuppressed(a.error());
        return e;
    }
}
