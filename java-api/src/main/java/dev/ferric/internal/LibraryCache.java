package dev.ferric.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-user directory native libraries are extracted to, and the file checks that make the bytes
 * the JVM maps the bytes the loader hashed.
 *
 * <p>Files are named by their content hash and written to a private temp file, verified, then
 * hard-linked into place, which never replaces an existing file: any number of threads and JVMs can
 * extract at once, the first complete file wins, and a file another JVM has mapped is never swapped
 * under it. An entry is trusted only if no other user can have written it (a regular file of this
 * user's, writable by nobody else, with one link); any other entry, and one that fails verification
 * (truncated, bit-flipped), is replaced. The directory must be private: owned by this user, mode 0700,
 * and reachable only through directories that no other user can rename or replace entries in.
 */
final class LibraryCache {
    /**
     * The modes ferric creates files and directories with, in a class of their own: the first
     * {@code EnumSet} of a JVM reflects over the enum (a millisecond of class loading), which a load
     * from a warm cache, creating nothing, does not need.
     */
    private static final class Modes {
        static final Set<PosixFilePermission> OWNER_ONLY =
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        static final Set<PosixFilePermission> OWNER_READ_EXEC =
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE);
        static final Set<PosixFilePermission> OWNER_READ_WRITE =
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    /** Names of what ferric keeps in a cache directory (libraries of any version, copy and platform). */
    private static final String ENTRY_PATTERN = "(lib)?ferric(_verifier)?-[0-9a-f]{32}(-[0-9]+)?\\.(so|dylib|dll)";
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();
    static final String TEMP_PREFIX = ".ferric-";
    static final String TEMP_SUFFIX = ".tmp";
    /** Temp files older than this were left by a killed process (a write takes milliseconds). */
    static final long STALE_TEMP_MILLIS = TimeUnit.HOURS.toMillis(1);
    private static final int S_IWGRP = 0020;
    private static final int S_IWOTH = 0002;
    private static final int S_ISVTX = 01000;

    private LibraryCache() {}

    /**
     * Candidate cache directories, best first: the {@code ferric.cache.dir} override alone if given;
     * otherwise the OS's per-user cache, then {@code java.io.tmpdir/ferric-<user>}.
     */
    static List<Path> candidateDirs(String override, String os, String userHome, String xdgCacheHome,
                                    String localAppData, String tmpDir, String userName) {
        List<Path> dirs = new ArrayList<>();
        if (notEmpty(override)) {
            dirs.add(Paths.get(override));
            return dirs;
        }
        if ("windows".equals(os)) {
            if (notEmpty(localAppData)) dirs.add(Paths.get(localAppData, "ferric"));
        } else if ("osx".equals(os)) {
            if (notEmpty(userHome)) dirs.add(Paths.get(userHome, "Library", "Caches", "ferric"));
        } else if (notEmpty(xdgCacheHome) && Paths.get(xdgCacheHome).isAbsolute()) {
            dirs.add(Paths.get(xdgCacheHome, "ferric"));
        } else if (notEmpty(userHome) && !"?".equals(userHome)) {
            dirs.add(Paths.get(userHome, ".cache", "ferric"));
        }
        if (notEmpty(tmpDir)) {
            String user = notEmpty(userName) ? fileNameSafe(userName) : "user";
            dirs.add(Paths.get(tmpDir, "ferric-" + user));
        }
        return dirs;
    }

    /** {@code name} with every character but ASCII letters, digits, {@code . _ -} replaced by {@code _}. */
    private static String fileNameSafe(String name) {
        char[] c = name.toCharArray();
        for (int i = 0; i < c.length; i++) {
            boolean ok = (c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= 'a' && c[i] <= 'z') || (c[i] >= '0' && c[i] <= '9')
                    || c[i] == '.' || c[i] == '_' || c[i] == '-';
            if (!ok) c[i] = '_';
        }
        return new String(c);
    }

    /**
     * {@code libferric.so} with hash {@code abcd...} becomes {@code libferric-<32 hex>.so}; copy
     * {@code n > 0} (one per further class loader of a JVM) becomes {@code libferric-<32 hex>-n.so}.
     */
    static String cachedFileName(String libraryFileName, String sha256, int copy) {
        int dot = libraryFileName.lastIndexOf('.');
        String stem = dot < 0 ? libraryFileName : libraryFileName.substring(0, dot);
        String ext = dot < 0 ? "" : libraryFileName.substring(dot);
        return stem + "-" + sha256.substring(0, 32) + (copy == 0 ? "" : "-" + copy) + ext;
    }

    /** A cache directory that passed {@link #privateDir}. */
    static final class CacheDir {
        final Path path;
        /** This user, as the file system records owners; null where it has no owners (not POSIX). */
        final Owner owner;
        /** What had to be done to make it private (tightened, entries removed), or null. */
        final String repaired;

        CacheDir(Path path, Owner owner, String repaired) {
            this.path = path;
            this.owner = owner;
            this.repaired = repaired;
        }
    }

    /**
     * Creates {@code dir} if needed and checks that only this user can change what it holds.
     *
     * <p>On POSIX systems: a new directory is created 0700; an existing one must be owned by this
     * user, and one that others could write to is tightened to 0700 and loses every ferric entry it
     * held (another user may have planted it, or still hold it open for writing); every directory
     * above it must be owned by root or this user and, if others may write to it, be sticky (like
     * {@code /tmp}), so no one else can rename it away and put another in its place. When
     * {@code toExtract}, it must also be writable, and on Linux a directory on a file system mounted
     * {@code noexec} is refused up front: nothing extracted there could be loaded. Without it (the
     * directory already holds the library: a warm start) neither is checked unless it had to be
     * emptied, since nothing is written and reading the mount table costs milliseconds of a start; a
     * library there that fails to load because of {@code noexec} is explained by the loader in the
     * same words.
     *
     * @throws UnusableDirException naming the reason and the fix when the directory cannot be used
     */
    static CacheDir privateDir(Path dir, boolean toExtract) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        boolean posix = posix(abs);
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            // (not when the parent is a link to a directory: Java 11 throws FileAlreadyExistsException then)
            if (abs.getParent() != null && !Files.isDirectory(abs.getParent())) Files.createDirectories(abs.getParent());
            try {
                if (posix) Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(Modes.OWNER_ONLY));
                else Files.createDirectory(abs);
            } catch (FileAlreadyExistsException raced) {
                // another thread or JVM made it first; it is checked below like any existing directory
            }
        }
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(abs + " is not a directory (symbolic links are not followed)");
        }
        Owner me = null;
        String repaired = null;
        if (posix) {
            me = currentUser(abs);
            Map<String, Object> attributes = unixAttributes(abs, "unix:uid,mode");
            Owner owner = Owner.of(abs, attributes);
            if (!owner.equals(me)) {
                throw new UnusableDirException(abs + " is owned by " + owner + ", not by this user (" + me + ")", OWN_DIR_FIX);
            }
            Integer mode = attributes == null ? null : (Integer) attributes.get("mode");
            if (mode == null || (mode & 07777) != 0700) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(abs, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(abs, Modes.OWNER_ONLY);
                boolean wasOpen = perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
                if (wasOpen) {
                    repaired = "was mode " + PosixFilePermissions.toString(perms) + ", writable by other users: tightened to rwx------"
                            + " and removed the " + purge(abs) + " ferric entries it held, which are not trusted";
                }
            }
        }
        Path real = abs.toRealPath();
        if (posix) {
            Set<Path> above = new LinkedHashSet<>();
            if (abs.getParent() != null) directoriesOnTheWay(abs.getParent(), above, 0);
            if (real.getParent() != null) directoriesOnTheWay(real.getParent(), above, 0);
            for (Path a : above) checkAncestor(a, me);
        }
        if (!toExtract && repaired == null) return new CacheDir(abs, me, null); // (an emptied one is extracted into)
        String noexec = noexecMountPoint(readMountInfo(), real.toString());
        if (noexec != null) {
            throw new UnusableDirException(abs + " is on a file system mounted noexec (mount point " + noexec
                    + "): libraries there cannot be loaded", noexecFix(noexec));
        }
        if (!Files.isWritable(abs)) throw new UnusableDirException(abs + " is not writable", OWN_DIR_FIX);
        return new CacheDir(abs, me, repaired);
    }

    static final String OWN_DIR_FIX = "set -D" + LoaderConfig.CACHE_DIR + "=<a directory of yours> (it is created with mode 0700)";

    static String noexecFix(String mountPoint) {
        return "set -D" + LoaderConfig.CACHE_DIR + "=<a directory on a file system mounted with exec>, or remount "
                + mountPoint + " with exec (mount -o remount,exec " + mountPoint + ")";
    }

    /** A cache directory that cannot be used, with what the user can do about it. */
    static final class UnusableDirException extends IOException {
        private static final long serialVersionUID = 1L;
        final String fix;

        UnusableDirException(String message, String fix) {
            super(message);
            this.fix = fix;
        }
    }

    /** Removes every ferric library and temp file from {@code dir}; returns how many. */
    private static int purge(Path dir) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.matches(ENTRY_PATTERN) || (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX))) {
                    if (Files.deleteIfExists(p)) removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Why the cache entry {@code file} cannot be trusted, or null when only this user can have
     * written it (or it does not exist): it must be a regular file (not a link) owned by
     * {@code me}, writable by neither group nor others, and have one link, so no other name for
     * it can change its bytes. A second link that is another JVM's temp file of this very entry
     * (publishing links the temp file into place, then removes it) is not a second name.
     */
    static String distrust(Path file, Owner me) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Files.isSymbolicLink(file) ? "a symbolic link (links are never followed)" : "not a regular file";
        }
        if (me == null) return null; // no owners or modes on this file system: the hash decides alone
        Map<String, Object> a = Files.readAttributes(file, "unix:uid,mode,nlink,ino", LinkOption.NOFOLLOW_LINKS);
        Owner owner = Owner.of(file, a);
        if (!owner.equals(me)) return "owned by " + owner + ", not by this user";
        int mode = (Integer) a.get("mode");
        if ((mode & (S_IWGRP | S_IWOTH)) != 0) {
            return "writable by " + ((mode & S_IWOTH) != 0 ? "other users" : "its group") + " (mode " + Integer.toOctalString(mode & 07777) + ")";
        }
        int links = (Integer) a.get("nlink");
        // a publishing JVM removes its temp link right after linking: count the temp links, then read
        // the link count again, so a temp file removed in between does not make its entry a stranger's
        if (links > 1 && links - 1 > tempLinksTo(file.getParent(), a.get("ino"))) {
            Integer again = unixInt(file, "unix:nlink");
            if (again != null) links = again;
        }
        if (links > 1 && links - 1 > tempLinksTo(file.getParent(), a.get("ino"))) {
            return "has " + links + " hard links: another name for the file could change its bytes";
        }
        return null;
    }

    /** How many temp files in {@code dir} are the inode {@code ino}. */
    private static int tempLinksTo(Path dir, Object ino) {
        int n = 0;
        // Not a glob: that compiles a java.util.regex pattern, ~5 ms of a fresh JVM's first extraction.
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue;
                try {
                    if (ino.equals(Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS))) n++;
                } catch (IOException gone) {
                    // published and removed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return n;
    }

    /** Removes a cache entry; one already gone (another JVM removed it first) is fine. */
    static void remove(Path file) throws IOException {
        try {
            Files.delete(file);
        } catch (NoSuchFileException raced) {
            // another JVM removed it first
        }
    }

    /**
     * Adds {@code p} and every directory above it to {@code out}, following each symbolic link on the
     * way to the directories it leads through (whoever can change those can redirect the path).
     * The links themselves are left out: their mode bits mean nothing.
     */
    private static void directoriesOnTheWay(Path p, Set<Path> out, int depth) throws IOException {
        if (depth > 40) throw new IOException("too many levels of symbolic links above " + p);
        for (Path a = p; a != null; a = a.getParent()) {
            if (Files.isSymbolicLink(a)) {
                Path parent = a.getParent();
                Path target = Files.readSymbolicLink(a);
                directoriesOnTheWay((parent == null ? target : parent.resolve(target)).normalize(), out, depth + 1);
            } else {
                out.add(a);
            }
        }
    }

    private static void checkAncestor(Path a, Owner me) throws IOException {
        Map<String, Object> attributes = unixAttributes(a, "unix:uid,mode");
        Owner owner = Owner.of(a, attributes);
        if (!owner.isRoot() && !owner.equals(me)) {
            throw new UnusableDirException(a + " (above the cache directory) is owned by " + owner
                    + ", who could replace the cache directory", OWN_DIR_FIX);
        }
        // Without the mode bits (no "unix" attribute view) the sticky bit cannot be seen, and a
        // world-writable sticky directory like /tmp must not be refused, so that check is skipped.
        Integer mode = attributes == null ? null : (Integer) attributes.get("mode");
        if (mode != null && (mode & (S_IWGRP | S_IWOTH)) != 0 && (mode & S_ISVTX) == 0) {
            throw new UnusableDirException(a + " (above the cache directory) is writable by other users and not sticky,"
                    + " so they could replace the cache directory", OWN_DIR_FIX);
        }
    }

    /**
     * Who we are, as the file system sees it: on Linux the effective uid from {@code /proc/self/status}
     * (nothing written; {@code /proc/self} itself is a link owned by root, and {@code /proc/<pid>} is
     * root's for a process that is not dumpable), elsewhere the owner of a file created in {@code dir}.
     */
    private static Owner currentUser(Path dir) throws IOException {
        Integer euid = effectiveUid(Paths.get("/proc/self/status"));
        if (euid != null) return Owner.ofUid(euid, System.getProperty("user.name"));
        Path probe = createTempFile(dir);
        try {
            return Owner.of(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** The effective uid in a {@code /proc/<pid>/status} file (second number of its {@code Uid:} line), or null. */
    static Integer effectiveUid(Path status) {
        try { // read, not first checked with Files.isReadable: its AccessMode is not in the JDK's class archive
            String text = new String(readFile(status), StandardCharsets.US_ASCII);
            int at = text.startsWith("Uid:") ? 0 : text.indexOf("\nUid:") + 1;
            if (at <= 0 && !text.startsWith("Uid:")) return null;
            int end = text.indexOf('\n', at);
            String[] f = text.substring(at + 4, end < 0 ? text.length() : end).trim().split("\t");
            return f.length >= 2 ? Integer.valueOf(f[1].trim()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A new empty file for this user alone in {@code dir}, named {@code .ferric-*.tmp}. Not
     * {@code Files.createTempFile}: its names come from {@code SecureRandom}, whose first use in a
     * JVM starts the security providers (tens of milliseconds).
     */
    static Path createTempFile(Path dir) throws IOException {
        boolean posix = posix(dir);
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(TEMP_PREFIX + Long.toHexString(System.nanoTime()) + "-"
                    + Long.toHexString(Thread.currentThread().getId()) + "-" + TEMP_COUNTER.incrementAndGet() + TEMP_SUFFIX);
            try {
                return posix ? Files.createFile(p, PosixFilePermissions.asFileAttribute(Modes.OWNER_READ_WRITE)) : Files.createFile(p);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 100) throw taken;
            }
        }
    }

    /**
     * Writes {@code bytes} to a new temp file of this user's in {@code dir}, made read-only (0500),
     * for the loader to hash and then {@link #publish}. Not forced to disk: the loader hashes the file
     * before every load, so a file a crash left incomplete is found and replaced then.
     */
    static Path writeTemp(Path dir, byte[] bytes) throws IOException {
        sweepStaleTempFiles(dir, System.currentTimeMillis());
        Path tmp = createTempFile(dir);
        try {
            // One native write: Files.write loops over 8 KiB chunks, ~400 interpreted calls in a fresh JVM.
            try (java.io.FileOutputStream out = new java.io.FileOutputStream(tmp.toFile())) {
                out.write(bytes);
            }
            setReadOnlyForOwner(tmp);
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Makes {@code tmp} visible as {@code target} (the same inode, linked) without ever replacing a
     * file already there; the caller deletes {@code tmp} afterwards.
     */
    static void publish(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp); // atomic and never replaces: the first complete file wins
        } catch (FileAlreadyExistsException first) {
            // another thread or JVM published first; the loader checks and hashes what is there
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
            // File systems without hard links: a move that refuses to replace what another JVM may
            // have published meanwhile (not ATOMIC_MOVE: that replaces on every platform).
            try {
                Files.move(tmp, target);
            } catch (FileAlreadyExistsException first) {
                // published meanwhile; checked and hashed like any entry
            }
        }
    }

    /** Deletes temp files a killed process left behind; fresh ones may belong to a running extraction. */
    static void sweepStaleTempFiles(Path dir, long nowMillis) {
        // Not a glob: that compiles a java.util.regex pattern, ~5 ms of a fresh JVM's first extraction.
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue;
                try {
                    FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                    if (nowMillis - t.toMillis() > STALE_TEMP_MILLIS) Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    // best effort: another process may be deleting it too
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    /**
     * Whether files under {@code p} have POSIX owners and modes. Asked of the file system, not of the
     * store: {@code Files.getFileStore} reads the whole mount table on Linux, at every start.
     */
    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void setReadOnlyForOwner(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, EnumSet.copyOf(Modes.OWNER_READ_EXEC));
        }
    }

    /**
     * What identifies a file's content without reading it: file key (device and inode where the OS
     * has them), size and modification time, read without following a symbolic link. The time at the
     * file system's full precision (100 ns on NTFS), not in milliseconds: where there is no file key
     * (Windows), a file of the same size renamed over the original within the same millisecond would
     * otherwise keep the identity.
     */
    static String identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        // as an Instant: FileTime.to(TimeUnit) starts java.time's unit tables, ~0.5 ms of a fresh JVM's start
        java.time.Instant mtime = a.lastModifiedTime().toInstant();
        return a.fileKey() + " size=" + a.size() + " mtime=" + mtime.getEpochSecond() + "." + mtime.getNano();
    }

    /** Fails unless {@code file} is a regular file; a symbolic link is not followed, so it fails too. */
    static void requireRegularFile(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file (symbolic links are not followed)");
        }
    }

    /** The inode number of {@code file}, or null where the file system does not say. */
    static Long inode(Path file) {
        try {
            Object ino = Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            return ino instanceof Number ? ((Number) ino).longValue() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code path} as it appears in {@link Linker#memoryMap()}'s text: its UTF-8 bytes (the file
     * system's encoding on Linux), one ISO-8859-1 character per byte.
     */
    static String mapsText(String path) {
        return new String(path.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads a {@code /proc/self/maps} text: {@code TRUE} if {@code path} is mapped and every mapping
     * of it has inode {@code ino}, {@code FALSE} if a mapping of it has another inode (the file was
     * replaced), null if it is not mapped at all.
     */
    static Boolean mapsInode(String maps, String path, long ino) {
        Boolean result = null;
        // Lines are "address perms offset dev inode [pathname]"; the pathname may contain spaces.
        // Only the lines naming the path are parsed, found with indexOf: this runs at every start, in
        // the interpreter, where walking the whole map (tens of kilobytes) character by character
        // costs milliseconds.
        for (int at = maps.indexOf(path); at >= 0; at = maps.indexOf(path, at + 1)) {
            int end = maps.indexOf('\n', at);
            if (end < 0) end = maps.length();
            String rest = maps.substring(at + path.length(), end);
            if (!rest.isEmpty() && !rest.equals(" (deleted)")) continue; // a longer name that starts with the path
            int start = maps.lastIndexOf('\n', at) + 1;
            String line = maps.substring(start, at).trim();
            int inodeStart = line.lastIndexOf(' ') + 1; // the fifth field, the last before the path
            long mapped = inodeStart > 0 ? parseLong(line, inodeStart, line.length()) : -1;
            if (mapped < 0) continue;
            if (mapped != ino) return Boolean.FALSE;
            result = Boolean.TRUE;
        }
        return result;
    }

    /** The decimal number in {@code s[from, to)}, or -1 when it is not one. */
    private static long parseLong(String s, int from, int to) {
        if (from >= to || to - from > 18) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The whole content of {@code file}. Through {@code java.io}, whose classes every JVM has loaded
     * at start, not NIO channels, whose first use costs a fresh JVM milliseconds of class loading.
     * Follows symbolic links: callers check the path with {@code NOFOLLOW_LINKS} first, and the loader
     * checks the file's identity around every hash and the inode mapped after every load.
     */
    static byte[] readFile(Path file) throws IOException {
        try (java.io.InputStream in = new java.io.FileInputStream(file.toFile())) {
            // sized by the file's length (0 for /proc files): one read, no copy, when the length is right
            return readAll(in, (int) Math.min(file.toFile().length(), Integer.MAX_VALUE - 8));
        }
    }

    /** Everything {@code in} holds; one read and no copy when {@code sizeHint} is its exact size. */
    static byte[] readAll(java.io.InputStream in, int sizeHint) throws IOException {
        byte[] buf = new byte[Math.max(8192, sizeHint)];
        int n = 0;
        while (true) {
            for (int r; n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0; ) n += r;
            if (n < buf.length) return java.util.Arrays.copyOf(buf, n);
            int more = in.read();
            if (more < 0) return buf;
            buf = java.util.Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, Integer.MAX_VALUE - 8));
            buf[n++] = (byte) more;
        }
    }

    /** This process's {@code /proc/self/mountinfo}, or null where there is none. */
    static String readMountInfo() {
        Path p = Paths.get("/proc/self/mountinfo");
        try {
            return new String(readFile(p), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads a {@code /proc/self/mountinfo} text: the mount point of the mount holding
     * {@code realPath} if that mount is {@code noexec}, else null (also when {@code mountInfo} is null).
     */
    static String noexecMountPoint(String mountInfo, String realPath) {
        if (mountInfo == null) return null;
        String best = null;
        boolean bestNoexec = false;
        for (String line : mountInfo.split("\n")) {
            // id parent major:minor root mountpoint options [optional fields] - fstype source superoptions
            String[] f = line.trim().split(" ");
            if (f.length < 6) continue;
            String mountPoint = unescapeOctal(f[4]);
            boolean contains = mountPoint.equals("/") || realPath.equals(mountPoint) || realPath.startsWith(mountPoint + "/");
            // Later lines are mounted on top of earlier ones at the same point, so >= keeps the last.
            if (contains && (best == null || mountPoint.length() >= best.length())) {
                best = mountPoint;
                bestNoexec = (',' + f[5] + ',').contains(",noexec,");
            }
        }
        return bestNoexec ? best : null;
    }

    /** mountinfo writes space, tab, newline and backslash in paths as {@code \ooo}. */
    private static String unescapeOctal(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && isOctal(s.charAt(i + 1)) && isOctal(s.charAt(i + 2)) && isOctal(s.charAt(i + 3))) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    /**
     * Several "unix" attributes of {@code p} in one read (each {@code Files.getAttribute} parses the
     * request and builds a map: interpreted code, on every start), or null where there is no such view.
     */
    private static Map<String, Object> unixAttributes(Path p, String attributes) {
        try {
            return Files.readAttributes(p, attributes, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Integer unixInt(Path p, String attribute) {
        try {
            Object v = Files.getAttribute(p, attribute, LinkOption.NOFOLLOW_LINKS);
            return v instanceof Integer ? (Integer) v : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.trim().isEmpty();
    }

    /**
     * A file's owner: its numeric uid where the OS exposes it (names can be ambiguous), else the
     * principal. The user name behind a uid is looked up only for messages.
     */
    static final class Owner {
        private final Integer uid;
        private final Path file;
        private UserPrincipal principal;
        /** The name to show when there is no file to ask (the current user). */
        private String name;

        private Owner(Integer uid, Path file, UserPrincipal principal) {
            this.uid = uid;
            this.file = file;
            this.principal = principal;
        }

        static Owner of(Path p) throws IOException {
            Integer uid = unixInt(p, "unix:uid");
            return new Owner(uid, p, uid == null ? Files.getOwner(p, LinkOption.NOFOLLOW_LINKS) : null);
        }

        /** The owner of {@code p}, whose "unix" attributes (with "uid") were read already; null: there were none. */
        static Owner of(Path p, Map<String, Object> unixAttributes) throws IOException {
            Object uid = unixAttributes == null ? null : unixAttributes.get("uid");
            return uid instanceof Integer ? new Owner((Integer) uid, p, null) : of(p);
        }

        /** The user {@code uid}, called {@code name} in messages. */
        static Owner ofUid(int uid, String name) {
            Owner o = new Owner(uid, null, null);
            o.name = name;
            return o;
        }

        private UserPrincipal principal() {
            if (principal == null && file != null) {
                try {
                    principal = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }
            return principal;
        }

        boolean isRoot() {
            return uid != null ? uid == 0 : "root".equals(principal.getName());
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Owner)) return false;
            Owner other = (Owner) o;
            return uid != null && other.uid != null ? uid.equals(other.uid) : principal().equals(other.principal());
        }

        @Override
        public int hashCode() {
            return uid != null ? uid : principal().hashCode();
        }

        @Override
        public String toString() {
            UserPrincipal p = principal();
            String shown = p != null ? p.getName() : name != null ? name : "?";
            return shown + (uid != null ? " (uid " + uid + ")" : "");
        }
    }
}
