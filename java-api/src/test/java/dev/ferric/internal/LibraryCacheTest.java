package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache directory's privacy rules and the extraction protocol, on real files. */
class LibraryCacheTest {
    @TempDir
    Path tmp;

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static void chmod(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    }

    @Test
    void newDirectoryIsCreatedOwnerOnly() throws IOException {
        assumeTrue(posix());
        Path dir = LibraryCache.privateDir(tmp.resolve("a/b/ferric"), true).path;
        assertEquals(0700, mode(dir));
        assertEquals(tmp.resolve("a/b/ferric"), dir);
    }

    @Test
    void ownDirectoryOpenToOthersIsTightened() throws IOException {
        assumeTrue(posix());
        Path dir = Files.createDirectory(tmp.resolve("ferric"));
        chmod(dir, 0777);
        LibraryCache.privateDir(dir, true);
        assertEquals(0700, mode(dir));
        chmod(dir, 0750);
        LibraryCache.privateDir(dir, true);
        assertEquals(0700, mode(dir));
    }

    @Test
    void directoryOwnedByAnotherUserIsRefused() throws IOException {
        assumeTrue(posix());
        Path dir = Files.createDirectory(tmp.resolve("ferric"));
        assumeTrue(NativeLoaderTest.chown(dir, 4242), "needs root to hand a directory to another user");
        IOException e = assertThrows(IOException.class, () -> LibraryCache.privateDir(dir, true));
        assertTrue(e.getMessage().contains("uid 4242") && e.getMessage().contains("not by this user"), e.getMessage());
        assertEquals(0700, mode(dir) & 0700, "a refused directory is left as it was");
    }

    @Test
    void symbolicLinkInPlaceOfTheDirectoryIsRefused() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("ferric"), real);
        IOException e = assertThrows(IOException.class, () -> LibraryCache.privateDir(link, true));
        assertTrue(e.getMessage().contains("symbolic links are not followed"), e.getMessage());
    }

    @Test
    void parentOwnedByAnotherUserIsRefused() throws IOException {
        assumeTrue(posix());
        Path parent = Files.createDirectory(tmp.resolve("theirs"));
        chmod(parent, 0755);
        Path dir = Files.createDirectory(parent.resolve("ferric"));
        assumeTrue(NativeLoaderTest.chown(parent, 4242), "needs root to hand a directory to another user");
        IOException e = assertThrows(IOException.class, () -> LibraryCache.privateDir(dir, true));
        assertTrue(e.getMessage().contains(parent + " (above the cache directory) is owned by"), e.getMessage());
    }

    @Test
    void parentWritableByOthersIsRefusedUnlessSticky() throws IOException {
        assumeTrue(posix());
        Path parent = Files.createDirectory(tmp.resolve("shared"));
        chmod(parent, 0777);
        IOException e = assertThrows(IOException.class, () -> LibraryCache.privateDir(parent.resolve("ferric"), true));
        assertTrue(e.getMessage().contains("writable by other users and not sticky"), e.getMessage());
        chmod(parent, 0775);
        assertThrows(IOException.class, () -> LibraryCache.privateDir(parent.resolve("ferric"), true));
        chmod(parent, 01777); // like /tmp: others cannot rename or delete what is ours
        assertEquals(parent.resolve("ferric"), LibraryCache.privateDir(parent.resolve("ferric"), true).path);
    }

    @Test
    void parentsBehindASymbolicLinkAreCheckedToo() throws IOException {
        assumeTrue(posix());
        Path open = Files.createDirectory(tmp.resolve("open"));
        chmod(open, 0777);
        Path target = Files.createDirectory(open.resolve("target"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        // the path as given looks private, but its real location sits in a directory anyone can change
        IOException e = assertThrows(IOException.class, () -> LibraryCache.privateDir(link.resolve("ferric"), true));
        assertTrue(e.getMessage().contains(open.toString()), e.getMessage());
    }

    @Test
    void noexecMountIsFoundFromMountInfo() {
        String info = String.join("\n",
                "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
                "30 22 0:26 / /tmp rw,nosuid,nodev,noexec shared:5 - tmpfs tmpfs rw",
                "31 30 0:27 / /tmp/exec rw,nosuid,nodev shared:6 - tmpfs tmpfs rw",
                "32 22 0:28 / /mnt/with\\040space rw,noexec - tmpfs tmpfs rw",
                "33 22 0:29 / /data rw - ext4 /dev/sdb1 rw",
                "34 22 0:30 / /data rw,noexec - tmpfs tmpfs rw", // mounted later on top of /data
                "35 22 0:31 / /da rw,noexec - tmpfs tmpfs rw");
        assertEquals("/tmp", LibraryCache.noexecMountPoint(info, "/tmp/ferric-me"));
        assertEquals("/tmp", LibraryCache.noexecMountPoint(info, "/tmp"));
        assertNull(LibraryCache.noexecMountPoint(info, "/tmp/exec/ferric"));
        assertNull(LibraryCache.noexecMountPoint(info, "/tmp-other/ferric"));
        assertNull(LibraryCache.noexecMountPoint(info, "/home/me/.cache/ferric"));
        assertEquals("/mnt/with space", LibraryCache.noexecMountPoint(info, "/mnt/with space/ferric"));
        assertEquals("/data", LibraryCache.noexecMountPoint(info, "/data/ferric"));
        assertNull(LibraryCache.noexecMountPoint(null, "/tmp/ferric"));
        assertNull(LibraryCache.noexecMountPoint("garbage\n\n1 2", "/tmp"));
    }

    @Test
    void memoryMapIsReadForTheInodeOfAPath() throws IOException {
        String maps = String.join("\n",
                "7f00-7f10 r--p 00000000 fd:01 1001 /cache/libferric-ab.so",
                "7f10-7f20 r-xp 00001000 fd:01 1001 /cache/libferric-ab.so",
                "7f20-7f30 r--p 00000000 fd:01 2002 /cache/with space/libferric-ab.so",
                "7f30-7f40 r--p 00000000 fd:01 3003 /cache/gone.so (deleted)",
                "7ffd-7ffe rw-p 00000000 00:00 0 [stack]");
        assertEquals(Boolean.TRUE, LibraryCache.mapsInode(maps, "/cache/libferric-ab.so", 1001));
        assertEquals(Boolean.FALSE, LibraryCache.mapsInode(maps, "/cache/libferric-ab.so", 1002));
        assertEquals(Boolean.TRUE, LibraryCache.mapsInode(maps, "/cache/with space/libferric-ab.so", 2002));
        assertEquals(Boolean.TRUE, LibraryCache.mapsInode(maps, "/cache/gone.so", 3003));
        assertEquals(Boolean.FALSE, LibraryCache.mapsInode(maps, "/cache/gone.so", 3004));
        assertNull(LibraryCache.mapsInode(maps, "/cache/other.so", 1001));
        // a path that is not ASCII: the map holds its UTF-8 bytes, read one character per byte
        String utf8 = new String("7f40-7f50 r-xp 00000000 fd:01 4004 /cache/\u00e9 \u4e2d/libferric-ab.so\n"
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String path = "/cache/\u00e9 \u4e2d/libferric-ab.so";
        assertEquals(Boolean.TRUE, LibraryCache.mapsInode(utf8, LibraryCache.mapsText(path), 4004));
        assertEquals(Boolean.FALSE, LibraryCache.mapsInode(utf8, LibraryCache.mapsText(path), 4005));
        assertNull(LibraryCache.mapsInode(utf8, path, 4004), "the path's characters are not the map's bytes");
        // the real map of this JVM, as the loader reads it, shows the inode of the libjvm it runs
        String real = Linker.SYSTEM.memoryMap();
        assumeTrue(real != null);
        String libjvm = Arrays.stream(real.split("\n")).filter(l -> l.endsWith("/libjvm.so")).findFirst()
                .map(l -> l.substring(l.indexOf('/'))).orElse(null);
        assumeTrue(libjvm != null);
        Long ino = LibraryCache.inode(Paths.get(new String(libjvm.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)));
        assumeTrue(ino != null);
        assertEquals(Boolean.TRUE, LibraryCache.mapsInode(real, libjvm, ino));
        assertEquals(Boolean.FALSE, LibraryCache.mapsInode(real, libjvm, ino + 1));
    }

    @Test
    void extractWritesAReadOnlyFileAndNeverReplacesOne() throws IOException {
        byte[] bytes = "library bytes".getBytes(StandardCharsets.US_ASCII);
        String sha = Sha256.of(bytes);
        LibraryCache.CacheDir dir = LibraryCache.privateDir(tmp.resolve("ferric"), true);
        Path f = dir.path.resolve(LibraryCache.cachedFileName("libferric.so", sha, 0));
        extract(dir.path, bytes, f);
        assertEquals("libferric-" + sha.substring(0, 32) + ".so", f.getFileName().toString());
        assertEquals(sha, Sha256.ofFile(f));
        if (posix()) assertEquals(0500, mode(f));
        assertNull(LibraryCache.distrust(f, dir.owner), "a file this user extracted is trusted");
        String identity = LibraryCache.identity(f);
        extract(dir.path, "other bytes".getBytes(StandardCharsets.US_ASCII), f);
        assertEquals(identity, LibraryCache.identity(f), "a file already published is never replaced");
        assertEquals(sha, Sha256.ofFile(f));
        assertEquals(1, listing(dir.path).size(), "no temp files left");
    }

    /** What another user, or an old umask, can leave under the library's cached name. */
    @Test
    void entriesOthersCouldHaveWrittenAreDistrusted() throws IOException {
        assumeTrue(posix());
        LibraryCache.CacheDir dir = LibraryCache.privateDir(tmp.resolve("ferric"), true);
        Path mine = Files.write(dir.path.resolve("mine.so"), new byte[] {1});
        chmod(mine, 0500);
        assertNull(LibraryCache.distrust(mine, dir.owner));
        chmod(mine, 0520);
        assertTrue(LibraryCache.distrust(mine, dir.owner).contains("writable by its group"), LibraryCache.distrust(mine, dir.owner));
        chmod(mine, 0502);
        assertTrue(LibraryCache.distrust(mine, dir.owner).contains("writable by other users"));
        chmod(mine, 0500);
        Path second = Files.createLink(tmp.resolve("second-name.so"), mine);
        assertTrue(LibraryCache.distrust(mine, dir.owner).contains("2 hard links"), LibraryCache.distrust(mine, dir.owner));
        Files.delete(second);
        // a publishing JVM's temp file of the same inode is not a second name: it is removed right after
        Path publishing = Files.createLink(dir.path.resolve(LibraryCache.TEMP_PREFIX + "x" + LibraryCache.TEMP_SUFFIX), mine);
        assertNull(LibraryCache.distrust(mine, dir.owner));
        Files.delete(publishing);
        Path link = Files.createSymbolicLink(dir.path.resolve("link.so"), mine);
        assertTrue(LibraryCache.distrust(link, dir.owner).contains("symbolic link"));
        assertNull(LibraryCache.distrust(dir.path.resolve("absent.so"), dir.owner));
        assumeTrue(NativeLoaderTest.chown(mine, 4242), "needs root to hand a file to another user");
        assertTrue(LibraryCache.distrust(mine, dir.owner).contains("owned by") && LibraryCache.distrust(mine, dir.owner).contains("4242"));
    }

    @Test
    void aDirectoryThatWasOpenToOthersIsTightenedAndEmptiedOfFerricEntries() throws IOException {
        assumeTrue(posix());
        Path dir = Files.createDirectory(tmp.resolve("ferric"));
        Path lib = Files.write(dir.resolve(LibraryCache.cachedFileName("libferric.so", Sha256.of(new byte[0]), 0)), new byte[1]);
        Path copy = Files.write(dir.resolve(LibraryCache.cachedFileName("libferric_verifier.so", Sha256.of(new byte[1]), 3)), new byte[1]);
        Path temp = Files.write(dir.resolve(LibraryCache.TEMP_PREFIX + "1" + LibraryCache.TEMP_SUFFIX), new byte[1]);
        Path notOurs = Files.write(dir.resolve("notes.txt"), new byte[1]);
        chmod(dir, 0777);
        LibraryCache.CacheDir cache = LibraryCache.privateDir(dir, true);
        assertEquals(0700, mode(dir));
        assertTrue(cache.repaired != null && cache.repaired.contains("rwxrwxrwx") && cache.repaired.contains("removed the 3"), cache.repaired);
        assertFalse(Files.exists(lib) || Files.exists(copy) || Files.exists(temp));
        assertTrue(Files.exists(notOurs), "only ferric's own entries are removed");
        assertNull(LibraryCache.privateDir(dir, true).repaired, "a private directory is left as it is");
        chmod(dir, 0750); // readable, not writable, by the group: nothing could have been planted
        assertNull(LibraryCache.privateDir(dir, true).repaired);
        assertEquals(0700, mode(dir));
    }

    @Test
    void theEffectiveUidIsReadFromProcStatus() throws IOException {
        Path status = Files.write(tmp.resolve("status"),
                "Name:\tjava\nUmask:\t0022\nUid:\t1000\t1001\t1000\t1000\nGid:\t100\t100\t100\t100\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Integer.valueOf(1001), LibraryCache.effectiveUid(status), "the second number: effective");
        assertNull(LibraryCache.effectiveUid(Files.write(tmp.resolve("other"), "Name:\tx\n".getBytes(StandardCharsets.US_ASCII))));
        assertNull(LibraryCache.effectiveUid(tmp.resolve("absent")));
        Path self = Paths.get("/proc/self/status");
        assumeTrue(Files.isReadable(self));
        assertEquals(Files.getAttribute(Files.createFile(tmp.resolve("mine")), "unix:uid"), LibraryCache.effectiveUid(self));
    }

    @Test
    void cachedNamesAreContentAddressedPerCopy() {
        String sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assertEquals("libferric-0123456789abcdef0123456789abcdef.so", LibraryCache.cachedFileName("libferric.so", sha, 0));
        assertEquals("libferric-0123456789abcdef0123456789abcdef-3.dylib", LibraryCache.cachedFileName("libferric.dylib", sha, 3));
        assertEquals("ferric-0123456789abcdef0123456789abcdef.dll", LibraryCache.cachedFileName("ferric.dll", sha, 0));
    }

    @Test
    void manyThreadsExtractingAtOnceLeaveOneTrustedFile() throws Exception {
        byte[] bytes = new byte[1 << 20];
        new Random(5).nextBytes(bytes);
        String sha = Sha256.of(bytes);
        Path dir = tmp.resolve("ferric");
        int threads = 32;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Path>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                LibraryCache.CacheDir d = LibraryCache.privateDir(dir, true);
                Path target = d.path.resolve(LibraryCache.cachedFileName("libferric.so", sha, 0));
                // what the loader does: trust what is there (another thread may be publishing it), else extract
                String distrust = LibraryCache.distrust(target, d.owner);
                if (distrust != null) throw new AssertionError(distrust);
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) extract(d.path, bytes, target);
                distrust = LibraryCache.distrust(target, d.owner);
                if (distrust != null) throw new AssertionError(distrust);
                return target;
            }));
        }
        Set<Path> paths = new HashSet<>();
        for (Future<Path> f : results) paths.add(f.get(60, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(1, paths.size());
        assertEquals(sha, Sha256.ofFile(paths.iterator().next()));
        assertEquals(Arrays.asList(paths.iterator().next().getFileName().toString()), listing(dir), "one file, no temp files");
    }

    @Test
    void staleTempFilesOfKilledProcessesAreSweptFreshOnesKept() throws IOException {
        Path dir = LibraryCache.privateDir(tmp.resolve("ferric"), true).path;
        Path stale = Files.createFile(dir.resolve(LibraryCache.TEMP_PREFIX + "123" + LibraryCache.TEMP_SUFFIX));
        Path fresh = Files.createFile(dir.resolve(LibraryCache.TEMP_PREFIX + "456" + LibraryCache.TEMP_SUFFIX));
        Path other = Files.createFile(dir.resolve("notes.tmp"));
        Path prefixOnly = Files.createFile(dir.resolve(LibraryCache.TEMP_PREFIX + "notes"));
        long now = System.currentTimeMillis();
        for (Path p : Arrays.asList(stale, other, prefixOnly)) { // old, but only ferric's temp names are swept
            Files.setLastModifiedTime(p, FileTime.fromMillis(now - LibraryCache.STALE_TEMP_MILLIS - 60_000));
        }
        LibraryCache.sweepStaleTempFiles(dir, now);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(other));
        assertTrue(Files.exists(prefixOnly));
    }

    @Test
    void candidateDirectoriesPerPlatform() {
        assertEquals(paths("/o"), LibraryCache.candidateDirs("/o", "linux", "/home/u", "/x", null, "/tmp", "u"));
        assertEquals(paths("/x/ferric", "/tmp/ferric-u"),
                LibraryCache.candidateDirs(null, "linux", "/home/u", "/x", null, "/tmp", "u"));
        assertEquals(paths("/home/u/.cache/ferric", "/tmp/ferric-u"), // a relative XDG_CACHE_HOME is ignored (spec)
                LibraryCache.candidateDirs(null, "linux", "/home/u", "rel", null, "/tmp", "u"));
        assertEquals(paths("/tmp/ferric-u"), LibraryCache.candidateDirs(null, "linux", "?", null, null, "/tmp", "u"));
        assertEquals(paths("/Users/u/Library/Caches/ferric", "/tmp/ferric-u"),
                LibraryCache.candidateDirs(null, "osx", "/Users/u", "/x", null, "/tmp", "u"));
        assertEquals(paths("/tmp/ferric-a_b_c"), LibraryCache.candidateDirs(null, "linux", null, null, null, "/tmp", "a/b c"));
        assertEquals(paths("/tmp/ferric-user"), LibraryCache.candidateDirs(null, "linux", "", "", null, "/tmp", null));
        assertTrue(LibraryCache.candidateDirs(null, "linux", null, null, null, null, null).isEmpty());
        if (java.io.File.separatorChar == '\\') {
            assertEquals(paths("C:\\Users\\u\\AppData\\Local\\ferric", "C:\\Temp\\ferric-u"),
                    LibraryCache.candidateDirs(null, "windows", "C:\\Users\\u", null, "C:\\Users\\u\\AppData\\Local", "C:\\Temp", "u"));
        } else {
            assertEquals(paths("/lad/ferric", "/tmp/ferric-u"),
                    LibraryCache.candidateDirs(null, "windows", "/home/u", "/x", "/lad", "/tmp", "u"));
        }
    }

    /** What the loader does on a cache miss, without the hashing: a temp file of ours, linked into place. */
    private static void extract(Path dir, byte[] bytes, Path target) throws IOException {
        Path tmp = LibraryCache.writeTemp(dir, bytes);
        try {
            LibraryCache.publish(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<Path> paths(String... p) {
        return Arrays.stream(p).map(Paths::get).collect(Collectors.toList());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
