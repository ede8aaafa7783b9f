package dev.ferric.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The per-user directory native libraries are extracted to, and the file checks that make the bytes
 * the JVM maps the bytes the loader hashed.
 *
 * <p>Files are named by their content hash and written to a private temp file, verified, then
 * hard-linked into place, which never replaces an existing file: any number of threads and JVMs can
 * extract at once, the first complete file wins, and a file another JVM has mapped is never swapped
 * under it. A file that fails verification (truncated, bit-flipped, a symbolic link) is replaced
 * once. The directory must be private: owned by this user, mode 0700, and reachable only through
 * directories that no other user can rename or replace entries in.
 */
final class LibraryCache {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_EXEC = PosixFilePermissions.fromString("r-x------");
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
            String user = notEmpty(userName) ? userName.replaceAll("[^A-Za-z0-9._-]", "_") : "user";
            dirs.add(Paths.get(tmpDir, "ferric-" + user));
        }
        return dirs;
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

    /**
     * Creates {@code dir} if needed and checks that only this user can change what it holds.
     *
     * <p>On POSIX systems: a new directory is created 0700; an existing one must be owned by this
     * user (a group- or other-writable one is tightened to 0700); every directory above it must be
     * owned by root or this user and, if others may write to it, be sticky (like {@code /tmp}), so no
     * one else can rename it away and put another in its place. On Linux a directory on a file system
     * mounted {@code noexec} is refused up front: nothing extracted there could be loaded.
     *
     * @throws IOException naming the reason when the directory cannot be used
     */
    static Path privateDir(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        boolean posix = Files.getFileStore(existingAncestor(abs)).supportsFileAttributeView(PosixFileAttributeView.class);
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            // (not when the parent is a link to a directory: Java 11 throws FileAlreadyExistsException then)
            if (abs.getParent() != null && !Files.isDirectory(abs.getParent())) Files.createDirectories(abs.getParent());
            try {
                if (posix) Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                else Files.createDirectory(abs);
            } catch (FileAlreadyExistsException raced) {
                // another thread or JVM made it first; it is checked below like any existing directory
            }
        }
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(abs + " is not a directory (symbolic links are not followed)");
        }
        if (posix) {
            Owner me = currentUser(abs);
            Owner owner = Owner.of(abs);
            if (!owner.equals(me)) {
                throw new IOException(abs + " is owned by " + owner + ", not by this user (" + me + ")");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(abs, LinkOption.NOFOLLOW_LINKS);
            if (!perms.equals(OWNER_ONLY)) Files.setPosixFilePermissions(abs, OWNER_ONLY);
            Set<Path> above = new LinkedHashSet<>();
            if (abs.getParent() != null) directoriesOnTheWay(abs.getParent(), above, 0);
            if (abs.toRealPath().getParent() != null) directoriesOnTheWay(abs.toRealPath().getParent(), above, 0);
            for (Path a : above) checkAncestor(a, me);
        }
        String noexec = noexecMountPoint(readMountInfo(), abs.toRealPath().toString());
        if (noexec != null) {
            throw new IOException(abs + " is on a file system mounted noexec (mount point " + noexec
                    + "): libraries there cannot be loaded");
        }
        if (!Files.isWritable(abs)) throw new IOException(abs + " is not writable");
        return abs;
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
        Owner owner = Owner.of(a);
        if (!owner.isRoot() && !owner.equals(me)) {
            throw new IOException(a + " (above the cache directory) is owned by " + owner
                    + ", who could replace the cache directory; use -D" + LoaderConfig.CACHE_DIR + "=<a directory of yours>");
        }
        // Without the mode bits (no "unix" attribute view) the sticky bit cannot be seen, and a
        // world-writable sticky directory like /tmp must not be refused, so that check is skipped.
        Integer mode = unixInt(a, "unix:mode");
        if (mode != null && (mode & (S_IWGRP | S_IWOTH)) != 0 && (mode & S_ISVTX) == 0) {
            throw new IOException(a + " (above the cache directory) is writable by other users and not sticky,"
                    + " so they could replace the cache directory; use -D" + LoaderConfig.CACHE_DIR + "=<a directory of yours>");
        }
    }

    /** Who we are, as the file system sees it: the owner of a file we just created. */
    private static Owner currentUser(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, TEMP_PREFIX + "owner-", TEMP_SUFFIX);
        try {
            return Owner.of(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static Path existingAncestor(Path p) {
        Path a = p;
        while (a != null && !Files.exists(a)) a = a.getParent();
        return a == null ? p.getRoot() : a;
    }

    /**
     * Returns a verified file named {@code fileName} holding {@code bytes} in {@code dir}: the existing
     * one if its content hashes to {@code sha256}, else a fresh one written to a temp file, forced to
     * disk, verified and linked into place.
     */
    static Path install(Path dir, byte[] bytes, String sha256, String fileName) throws IOException {
        sweepStaleTempFiles(dir, System.currentTimeMillis());
        Path target = dir.resolve(fileName);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (verifies(target, sha256)) return target;
            // Truncated by a killed extraction, modified, or a planted symlink: replace it, once.
            try {
                Files.delete(target);
            } catch (NoSuchFileException raced) {
                // another JVM removed it first
            }
        }
        Path tmp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            if (!verifies(tmp, sha256)) {
                throw new IOException("the file written to " + tmp + " does not read back intact (disk full or failing?)");
            }
            setReadOnlyForOwner(tmp);
            publish(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (!verifies(target, sha256)) {
            throw new IOException(target + " does not hold the verified bytes after it was written; refusing to load it");
        }
        return target;
    }

    /** Makes {@code tmp} visible as {@code target} without ever replacing a file already there. */
    private static void publish(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp); // atomic and never replaces: the first complete file wins
        } catch (FileAlreadyExistsException first) {
            // another thread or JVM published the same bytes; install() verifies what is there
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
            // File systems without hard links: an atomic rename is the next best thing.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Deletes temp files a killed process left behind; fresh ones may belong to a running extraction. */
    static void sweepStaleTempFiles(Path dir, long nowMillis) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : s) {
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

    static boolean verifies(Path file, String sha256) {
        try {
            return sha256.equals(Sha256.ofFile(file));
        } catch (IOException e) {
            return false;
        }
    }

    private static void setReadOnlyForOwner(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, EnumSet.copyOf(OWNER_READ_EXEC));
        }
    }

    /**
     * What identifies a file's content without reading it: file key (device and inode where the OS
     * has them), size and modification time, read without following a symbolic link.
     */
    static String identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.fileKey() + " size=" + a.size() + " mtime=" + a.lastModifiedTime().toMillis();
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
     * Reads a {@code /proc/self/maps} text: {@code TRUE} if {@code path} is mapped and every mapping
     * of it has inode {@code ino}, {@code FALSE} if a mapping of it has another inode (the file was
     * replaced), null if it is not mapped at all.
     */
    static Boolean mapsInode(String maps, String path, long ino) {
        Boolean result = null;
        for (String line : maps.split("\n")) {
            // address perms offset dev inode [pathname, which may contain spaces]
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6) continue;
            String name = f[5];
            if (name.endsWith(" (deleted)")) name = name.substring(0, name.length() - " (deleted)".length());
            if (!name.equals(path)) continue;
            long mapped;
            try {
                mapped = Long.parseLong(f[4]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (mapped != ino) return Boolean.FALSE;
            result = Boolean.TRUE;
        }
        return result;
    }

    /** This process's {@code /proc/self/mountinfo}, or null where there is none. */
    static String readMountInfo() {
        Path p = Paths.get("/proc/self/mountinfo");
        try {
            return Files.isReadable(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : null;
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
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
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

    /** A file's owner: its numeric uid where the OS exposes it (names can be ambiguous), else the principal. */
    static final class Owner {
        private final Integer uid;
        private final UserPrincipal principal;

        private Owner(Integer uid, UserPrincipal principal) {
            this.uid = uid;
            this.principal = principal;
        }

        static Owner of(Path p) throws IOException {
            return new Owner(unixInt(p, "unix:uid"), Files.getOwner(p, LinkOption.NOFOLLOW_LINKS));
        }

        boolean isRoot() {
            return uid != null ? uid == 0 : "root".equals(principal.getName());
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Owner)) return false;
            Owner other = (Owner) o;
            return uid != null && other.uid != null ? uid.equals(other.uid) : principal.equals(other.principal);
        }

        @Override
        public int hashCode() {
            return uid != null ? uid : principal.hashCode();
        }

        @Override
        public String toString() {
            return principal.getName() + (uid != null ? " (uid " + uid + ")" : "");
        }
    }
}
