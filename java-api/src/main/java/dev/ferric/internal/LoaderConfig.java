package dev.ferric.internal;

import java.io.File;

/** The system properties and environment the loader reads, captured once so tests can supply their own. */
final class LoaderConfig {
    /** Load exactly this file (no fallback). */
    static final String LIBRARY_PATH = "ferric.library.path";
    /** Extract to this directory instead of the per-user cache. */
    static final String CACHE_DIR = "ferric.cache.dir";
    /** {@code false} loads a library whose checksum is not pinned (your own build); default {@code true}. */
    static final String VERIFY = "ferric.library.verify";

    final String libraryPath;
    final String cacheDir;
    final boolean verify;
    final String javaLibraryPath;
    final String userHome;
    final String xdgCacheHome;
    final String localAppData;
    final String tmpDir;
    final String userName;

    LoaderConfig(String libraryPath, String cacheDir, boolean verify, String javaLibraryPath, String userHome,
                 String xdgCacheHome, String localAppData, String tmpDir, String userName) {
        this.libraryPath = libraryPath;
        this.cacheDir = cacheDir;
        this.verify = verify;
        this.javaLibraryPath = javaLibraryPath;
        this.userHome = userHome;
        this.xdgCacheHome = xdgCacheHome;
        this.localAppData = localAppData;
        this.tmpDir = tmpDir;
        this.userName = userName;
    }

    static LoaderConfig fromSystem() {
        String cacheDir = System.getProperty(CACHE_DIR);
        // The environment only names the per-user cache: with ferric.cache.dir it is not read (a JVM's
        // first System.getenv copies all of it, in the interpreter).
        boolean perUserCache = cacheDir == null || cacheDir.trim().isEmpty();
        return new LoaderConfig(
                System.getProperty(LIBRARY_PATH),
                cacheDir,
                !"false".equalsIgnoreCase(System.getProperty(VERIFY, "true").trim()),
                System.getProperty("java.library.path", ""),
                System.getProperty("user.home"),
                perUserCache ? System.getenv("XDG_CACHE_HOME") : null,
                perUserCache ? System.getenv("LOCALAPPDATA") : null,
                System.getProperty("java.io.tmpdir"),
                System.getProperty("user.name"));
    }

    String[] javaLibraryPathEntries() {
        return javaLibraryPath.isEmpty() ? new String[0] : javaLibraryPath.split(File.pathSeparator);
    }
}
