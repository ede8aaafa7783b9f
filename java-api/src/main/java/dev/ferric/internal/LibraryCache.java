package dev.ferric.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The per-user directory native libraries are extracted to.
 *
 * <p>Files are named by their content hash, written to a private temp file, verified, then renamed
 * atomically into place, so any number of threads and JVMs can extract at once: each either renames
 * a complete, verified file or finds one already there. Files are never deleted while they may be
 * mapped; a file that fails verification (truncated, bit-flipped, a symbolic link) is replaced once.
 */
final class LibraryCache {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_EXEC = PosixFilePermissions.fromString("r-x------");

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

    /** {@code libferric.so} with hash {@code abcd...} becomes {@code libferric-<32 hex>.so}. */
    static String cachedFileName(String libraryFileName, String sha256) {
        int dot = libraryFileName.lastIndexOf('.');
        String stem = dot < 0 ? libraryFileName : libraryFileName.substring(0, dot);
        String ext = dot < 0 ? "" : libraryFileName.substring(dot);
        return stem + "-" + sha256.substring(0, 32) + ext;
    }

    /**
     * Creates {@code dir} if needed and checks that only this user can write to it: on POSIX systems a
     * new directory is created 0700, and an existing one must be owned by us and not writable by group
     * or others (we tighten it to 0700 if it is ours), or it is refused.
     */
    static Path privateDir(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        boolean posix = Files.getFileStore(existingAncestor(abs)).supportsFileAttributeView(PosixFileAttributeView.class);
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
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
            UserPrincipal owner = Files.getOwner(abs, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = currentUser(abs);
            if (!owner.equals(me)) {
                throw new IOException(abs + " is owned by " + owner.getName() + ", not by this user (" + me.getName() + ")");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(abs, LinkOption.NOFOLLOW_LINKS);
            if (!perms.equals(OWNER_ONLY)) Files.setPosixFilePermissions(abs, OWNER_ONLY);
        }
        if (!Files.isWritable(abs)) throw new IOException(abs + " is not writable");
        return abs;
    }

    /** Who we are, as the file system sees it: the owner of a file we just created. */
    private static UserPrincipal currentUser(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, ".owner-", ".tmp");
        try {
            return Files.getOwner(probe);
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
     * Returns a verified file holding {@code bytes} in {@code dir}: the existing one if its content
     * hashes to {@code sha256}, else a fresh one written to a temp file, forced to disk, verified and
     * atomically renamed into place.
     */
    static Path install(Path dir, byte[] bytes, String sha256, String libraryFileName) throws IOException {
        Path target = dir.resolve(cachedFileName(libraryFileName, sha256));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (verifies(target, sha256)) return target;
            // Truncated by a killed extraction, modified, or a planted symlink: replace it, once.
            Files.delete(target);
        }
        Path tmp = Files.createTempFile(dir, ".ferric-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            if (!verifies(tmp, sha256)) {
                throw new IOException("the file written to " + tmp + " does not read back intact (disk full or failing?)");
            }
            setReadOnlyForOwner(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(dir + " does not support atomic rename", e);
            } catch (IOException e) {
                // Windows cannot replace a DLL another JVM has loaded; that file is just as good.
                if (!verifies(target, sha256)) throw e;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (!verifies(target, sha256)) {
            throw new IOException(target + " changed after it was written; refusing to load it");
        }
        return target;
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

    private static boolean notEmpty(String s) {
        return s != null && !s.trim().isEmpty();
    }
}
