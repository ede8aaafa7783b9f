package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every lookup path and every refusal of {@link NativeLoader}, driven through a {@link FakeLinker}
 * on real files: what would be mapped is recorded, so "never loaded" is checked, not assumed.
 */
class NativeLoaderTest {
    private static final String VERSION = "1.2.3";
    private static final Platform LINUX = Platform.detect("Linux", "amd64", "Eclipse Adoptium", "OpenJDK", Platform.Libc.GLIBC);
    private static final Platform ANDROID = Platform.detect("Linux", "aarch64", "The Android Project", "Android Runtime",
            Platform.Libc.UNKNOWN);

    @TempDir
    Path tmp;

    private byte[] lib;
    private byte[] tampered;
    private String pin;
    private Platform platform = LINUX;
    private BuildInfo build;
    private FakeLinker linker;
    private final List<URLClassLoader> loaders = new ArrayList<>();

    // LoaderConfig fields, changed per test
    private String override;
    private String cacheDir;
    private boolean verify = true;
    private String javaLibraryPath = "";
    private String xdg;
    private String tmpDir;

    @BeforeEach
    void setUp() {
        lib = new byte[5000];
        new Random(3).nextBytes(lib);
        tampered = lib.clone();
        tampered[2500] ^= 0x01; // one bit
        pin = Sha256.of(lib);
        build = new BuildInfo(VERSION, Collections.singletonMap("linux-x86_64", pin));
        linker = new FakeLinker(VERSION);
        cacheDir = tmp.resolve("cache").toString();
    }

    @AfterEach
    void closeLoaders() throws IOException {
        for (URLClassLoader l : loaders) l.close();
    }

    private LoadReport load(ClassLoader resources) {
        LoaderConfig config = new LoaderConfig(override, cacheDir, verify, javaLibraryPath, tmp.resolve("home").toString(),
                xdg, null, tmpDir, "tester");
        return new NativeLoader(config, platform, build, resources, linker).load();
    }

    /** A class path root holding {@code bytes} as the classifier jar's resource, plus a sidecar checksum file. */
    private ClassLoader classpath(byte[]... libraries) throws IOException {
        URL[] roots = new URL[libraries.length];
        for (int i = 0; i < libraries.length; i++) {
            Path root = Files.createDirectories(tmp.resolve("cp" + i));
            Path dir = Files.createDirectories(root.resolve("META-INF/native/ferric/" + platform.classifier()));
            Files.write(dir.resolve(platform.libraryFileName()), libraries[i]);
            Files.write(dir.resolve(platform.libraryFileName() + ".sha256"),
                    (Sha256.of(libraries[i]) + "  " + platform.libraryFileName() + "\n").getBytes(StandardCharsets.US_ASCII));
            roots[i] = root.toUri().toURL();
        }
        URLClassLoader cl = new URLClassLoader(roots, null); // no parent: the real classifier jar stays invisible
        loaders.add(cl);
        return cl;
    }

    private ClassLoader emptyClasspath() throws IOException {
        return classpath();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    private void assertNeverLoadedOtherBytes() {
        for (String h : linker.hashesLoaded) assertEquals(pin, h, "the loader asked to map bytes that are not the pinned ones");
    }

    private static String message(LoadReport r) {
        assertNotNull(r.failure(), "expected a failure");
        return r.failure().getMessage();
    }

    private Path cachedFile(int copy) {
        return tmp.resolve("cache").resolve(LibraryCache.cachedFileName(platform.libraryFileName(), pin, copy));
    }

    // ---- lookup order ----

    @Test
    void classpathJarIsExtractedVerifiedAndLoaded() throws IOException {
        LoadReport r = load(classpath(lib));
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(cachedFile(0).toString(), r.loadedFrom());
        assertEquals(Collections.singletonList("load:" + cachedFile(0)), linker.calls);
        assertEquals(pin, r.loadedChecksum());
        assertEquals(pin, r.pinnedChecksum());
        assertEquals(VERSION, r.nativeVersion());
        assertNeverLoadedOtherBytes();
        LoadAttempt last = r.attempts().get(r.attempts().size() - 1);
        assertEquals(LoadAttempt.Outcome.LOADED, last.outcome());
        assertEquals("classpath", last.source());
    }

    @Test
    void classpathComesBeforeJavaLibraryPath() throws IOException {
        Path good = file("jlp/" + platform.libraryFileName(), lib);
        javaLibraryPath = good.getParent().toString();
        LoadReport r = load(classpath(lib));
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(cachedFile(0).toString(), r.loadedFrom());
        assertEquals(1, linker.calls.size());
    }

    @Test
    void overrideIsLoadedAloneAndNeverFallsBack() throws IOException {
        Path bad = file("override/bad.so", tampered);
        override = bad.toString();
        Path jlpGood = file("jlp/" + platform.libraryFileName(), lib);
        javaLibraryPath = jlpGood.getParent().toString();
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        assertTrue(linker.calls.isEmpty(), "nothing may be loaded: " + linker.calls);
        assertEquals(1, r.attempts().size(), "no fallback after the override: " + r.attempts());
        assertEquals(LoaderConfig.LIBRARY_PATH, r.attempts().get(0).source());
        assertTrue(message(r).contains("checksum mismatch"), message(r));
        assertFalse(Files.exists(tmp.resolve("cache")), "the classpath resource must not even be extracted");

        linker = new FakeLinker(VERSION);
        override = file("override/good.so", lib).toString();
        LoadReport ok = load(classpath(lib));
        assertTrue(ok.loaded(), () -> message(ok));
        assertEquals(override, ok.loadedFrom());
        assertEquals(Collections.singletonList("load:" + override), linker.calls);
    }

    @Test
    void withVerificationOffANamedFileIsNotHashedButStillIdentified() throws IOException {
        verify = false;
        override = file("override/own-build.so", tampered).toString();
        LoadReport ok = load(classpath(lib));
        assertTrue(ok.loaded(), () -> message(ok));
        assertNull(ok.loadedChecksum(), "nothing compares a hash here, so none is computed");
        assertTrue(ok.attempts().get(0).detail().contains("not hashed or verified"), ok.attempts().toString());

        // the file mapped must still be the file identified
        linker = new FakeLinker(VERSION);
        linker.duringLoad = renameOver(lib);
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        assertTrue(message(r).contains("replaced between verification and loading"), message(r));

        override = tmp.resolve("override").toString(); // a directory: refused as unreadable, not hashed
        LoadReport dir = load(classpath(lib));
        assertFalse(dir.loaded());
        assertTrue(message(dir).contains("not a regular file"), message(dir));
    }

    @Test
    void overrideThroughASymbolicLinkLoadsTheFileItHashed() throws IOException {
        Path real = file("override/real.so", lib);
        Path link = Files.createSymbolicLink(tmp.resolve("override/link.so"), real);
        override = link.toString();
        LoadReport r = load(emptyClasspath());
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(Collections.singletonList("load:" + real.toRealPath()), linker.calls);
    }

    @Test
    void androidLoadsFromTheApkAndNeverExtracts() throws IOException {
        platform = ANDROID;
        LoadReport r = load(classpath(lib));
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(Collections.singletonList("loadLibrary:ferric"), linker.calls);
        assertEquals("System.loadLibrary(ferric)", r.loadedFrom());
        assertFalse(Files.exists(tmp.resolve("cache")), "Android must not extract anything");
    }

    @Test
    void androidWithoutTheLibraryInTheApkTriesTheNextSteps() throws IOException {
        platform = ANDROID;
        build = new BuildInfo(VERSION, Collections.singletonMap(ANDROID.classifier(), pin));
        linker.loadLibraryFailure = new UnsatisfiedLinkError("dlopen failed: library \"libferric.so\" not found");
        LoadReport r = load(classpath(lib));
        assertTrue(r.loaded(), () -> message(r));
        assertEquals("android", r.attempts().get(0).source());
        assertEquals(LoadAttempt.Outcome.FAILED, r.attempts().get(0).outcome());
        assertEquals("loadLibrary:ferric", linker.calls.get(0));
        assertEquals("classpath", r.attempts().get(r.attempts().size() - 1).source());
    }

    @Test
    void javaLibraryPathIsSearchedInOrderAndRefusesUnpinnedFiles() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("jlp-empty"));
        Path bad = file("jlp-bad/" + platform.libraryFileName(), tampered);
        Path good = file("jlp-good/" + platform.libraryFileName(), lib);
        Path later = file("jlp-later/" + platform.libraryFileName(), lib);
        javaLibraryPath = String.join(File.pathSeparator, empty.toString(), bad.getParent().toString(),
                good.getParent().toString(), later.getParent().toString());
        LoadReport r = load(emptyClasspath());
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(good.toRealPath().toString(), r.loadedFrom());
        assertEquals(Collections.singletonList("load:" + good.toRealPath()), linker.calls);
        assertNeverLoadedOtherBytes();
        List<String> sources = r.attempts().stream().map(LoadAttempt::source).collect(Collectors.toList());
        assertEquals(java.util.Arrays.asList("classpath", "java.library.path", "java.library.path"), sources);
        assertTrue(r.attempts().get(1).detail().contains("checksum mismatch"), r.attempts().get(1).detail());
    }

    // ---- integrity ----

    @Test
    void tamperedResourceIsRefusedEvenWhenItsSidecarChecksumMatches() throws IOException {
        ClassLoader cp = classpath(tampered);
        // the native jar's own .sha256 agrees with the tampered bytes: it must not matter
        URL sidecar = cp.getResource(new NativeLoader(null, platform, build, cp, linker).resourcePath() + ".sha256");
        assertTrue(new String(readAll(sidecar), StandardCharsets.US_ASCII).startsWith(Sha256.of(tampered)));
        LoadReport r = load(cp);
        assertFalse(r.loaded());
        assertTrue(linker.calls.isEmpty(), "tampered bytes must never be loaded: " + linker.calls);
        String m = message(r);
        assertTrue(m.contains("checksum mismatch") && m.contains(Sha256.of(tampered)) && m.contains(pin), m);
        assertFalse(Files.exists(cachedFile(0)), "nothing may be extracted");
    }

    @Test
    void ofSeveralCopiesOnTheClasspathOnlyThePinnedOneLoads() throws IOException {
        LoadReport r = load(classpath(tampered, lib));
        assertTrue(r.loaded(), () -> message(r));
        assertNeverLoadedOtherBytes();
        assertEquals(LoadAttempt.Outcome.FAILED, r.attempts().get(0).outcome());
    }

    /** What can already sit in the cache under the library's name. */
    enum CacheDamage { TRUNCATED, BIT_FLIPPED, EMPTY, SYMLINK_TO_TAMPERED, SYMLINK_TO_GOOD_COPY, HARDLINK_TO_WRITABLE_COPY }

    @ParameterizedTest
    @EnumSource(CacheDamage.class)
    void damagedCachedFileIsReplacedOnceAndNeverLoaded(CacheDamage damage) throws IOException {
        Path target = cachedFile(0);
        Files.createDirectories(target.getParent());
        Path elsewhere = tmp.resolve("elsewhere.so");
        switch (damage) {
            case TRUNCATED: Files.write(target, java.util.Arrays.copyOf(lib, lib.length / 2)); break;
            case BIT_FLIPPED: Files.write(target, tampered); break;
            case EMPTY: Files.write(target, new byte[0]); break;
            case SYMLINK_TO_TAMPERED: Files.createSymbolicLink(target, Files.write(elsewhere, tampered)); break;
            // even the right bytes behind a link are refused: whoever owns the link target can change them later
            case SYMLINK_TO_GOOD_COPY: Files.createSymbolicLink(target, Files.write(elsewhere, lib)); break;
            // right bytes, but another name for them could be rewritten in place: still the pinned bytes now
            case HARDLINK_TO_WRITABLE_COPY: Files.createLink(target, Files.write(elsewhere, tampered)); break;
            default: throw new AssertionError(damage);
        }
        LoadReport r = load(classpath(lib));
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(Collections.singletonList("load:" + target), linker.calls);
        assertNeverLoadedOtherBytes();
        assertTrue(Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(pin, Sha256.ofFile(target));
        if (Files.exists(elsewhere)) {
            assertFalse(pin.equals(Sha256.ofFile(elsewhere)) && damage != CacheDamage.SYMLINK_TO_GOOD_COPY,
                    "the file behind a link must be left alone, not written through");
        }
        assertNoTempFiles(target.getParent());
    }

    @Test
    void aCacheEntryThatCannotBeReplacedFallsThroughToTheNextDirectory() throws IOException {
        cacheDir = null;
        xdg = tmp.resolve("xdg").toString();
        tmpDir = tmp.resolve("tmpdir").toString();
        Path first = tmp.resolve("xdg/ferric").resolve(LibraryCache.cachedFileName(platform.libraryFileName(), pin, 0));
        Files.createDirectories(first.resolve("in-the-way")); // a non-empty directory where the file should be
        LoadReport r = load(classpath(lib));
        assertTrue(r.loaded(), () -> message(r));
        assertTrue(r.loadedFrom().startsWith(tmp.resolve("tmpdir/ferric-tester").toString()), r.loadedFrom());
        assertEquals(1, linker.calls.size());
        assertTrue(r.attempts().stream().anyMatch(a -> a.outcome() == LoadAttempt.Outcome.FAILED
                && a.location().startsWith(tmp.resolve("xdg").toString())), r.attempts().toString());
    }

    @Test
    void aFileReplacedBetweenHashingAndLoadingIsRefusedAndNothingElseIsTried() throws IOException {
        file("jlp/" + platform.libraryFileName(), lib);
        javaLibraryPath = tmp.resolve("jlp").toString();
        linker.duringLoad = renameOver(tampered);
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        assertTrue(message(r).contains("replaced between verification and loading"), message(r));
        assertEquals(1, linker.calls.size(), "after mapping unverified bytes nothing else may be tried");
    }

    /** A {@code duringLoad} that renames a file of {@code bytes} over the one being loaded, as an attacker would. */
    private static java.util.function.Function<Path, Void> renameOver(byte[] bytes) {
        return p -> {
            try {
                Path other = Files.write(p.resolveSibling("other.tmp"), bytes);
                Files.move(other, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return null;
        };
    }

    @Test
    void memoryMapShowingAnotherInodeIsRefused() throws IOException {
        Path target = cachedFile(0);
        linker.duringLoad = p -> {
            Long ino = LibraryCache.inode(p);
            linker.memoryMap = "7f0000000000-7f0000100000 r-xp 00000000 fd:01 " + (ino == null ? 1 : ino + 1) + " " + target + "\n";
            return null;
        };
        LoadReport r = load(classpath(lib));
        assumeTrue(LibraryCache.inode(target) != null, "no inode numbers on this file system: the identity check decides");
        assertFalse(r.loaded());
        assertTrue(message(r).contains("mapped another inode"), message(r));

        // and the right inode passes
        linker = new FakeLinker(VERSION);
        linker.duringLoad = p -> {
            linker.memoryMap = "7f0000000000-7f0000100000 r-xp 00000000 fd:01 " + LibraryCache.inode(p) + " " + p + "\n";
            return null;
        };
        LoadReport ok = load(classpath(lib));
        assertTrue(ok.loaded(), () -> message(ok));
    }

    @Test
    void unpinnedLibraryIsRefusedUnlessVerificationIsTurnedOff() throws IOException {
        build = new BuildInfo(VERSION, Collections.<String, String>emptyMap());
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        assertTrue(message(r).contains("pins no library for linux-x86_64"), message(r));
        assertTrue(message(r).contains("-Dferric.library.verify=false"), message(r));
        assertTrue(linker.calls.isEmpty());

        verify = false;
        LoadReport ok = load(classpath(tampered));
        assertTrue(ok.loaded(), () -> message(ok));
        assertTrue(ok.attempts().get(ok.attempts().size() - 1).detail().contains("not verified"));
    }

    // ---- version skew ----

    @Test
    void anotherVersionIsRefusedNamingBothAndNothingElseIsTried() throws IOException {
        linker.version = "1.2.2";
        file("jlp/" + platform.libraryFileName(), lib);
        javaLibraryPath = tmp.resolve("jlp").toString();
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        String m = message(r);
        assertTrue(m.contains("native library is ferric 1.2.2") && m.contains("Java API is ferric 1.2.3"), m);
        assertTrue(m.contains("dev.ferric:ferric-native:1.2.3:linux-x86_64"), m);
        assertEquals(1, linker.calls.size(), "a mapped library of another version stops the search");
        assertFalse(r.retryable(), "a library was mapped and refused: searching again cannot help");
    }

    @Test
    void anotherAbiIsRefusedNamingBoth() throws IOException {
        linker.abi = BuildInfo.ABI_VERSION + 1;
        LoadReport r = load(classpath(lib));
        String m = message(r);
        assertTrue(m.contains("(ABI " + (BuildInfo.ABI_VERSION + 1) + ")") && m.contains("(ABI " + BuildInfo.ABI_VERSION + ")"), m);
    }

    @Test
    void aLibraryWithoutFerricEntryPointsIsRefused() throws IOException {
        linker.noEntryPoints = true;
        LoadReport r = load(classpath(lib));
        assertTrue(message(r).contains("no ferric entry points"), message(r));
    }

    // ---- errors ----

    @Test
    void apiJarAloneNamesTheMissingDependencyTheLoadersSearchedAndHowToAddIt() throws IOException {
        LoadReport r = load(emptyClasspath());
        assertFalse(r.loaded());
        String m = message(r);
        assertTrue(m.contains("not on the classpath (searched java.net.URLClassLoader@"), m);
        assertTrue(m.contains("<classifier>linux-x86_64</classifier>") && m.contains("runtimeOnly(\"dev.ferric:ferric-native:1.2.3:linux-x86_64\")")
                && m.contains("--jars or spark.jars"), m);
        assertTrue(linker.calls.isEmpty());
        assertTrue(r.retryable(), "nothing was mapped: a later call may find a jar added meanwhile");
    }

    @Test
    void theThreadsContextClassLoaderIsSearchedTooAndVerifiedTheSameWay() throws IOException {
        ClassLoader own = emptyClasspath();
        LoaderConfig config = new LoaderConfig(null, cacheDir, true, "", tmp.resolve("home").toString(), null, null, null, "tester");
        LoadReport r = new NativeLoader(config, platform, build, own, classpath(lib), linker).load();
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(cachedFile(0).toString(), r.loadedFrom());

        linker = new FakeLinker(VERSION);
        config = new LoaderConfig(null, tmp.resolve("cache2").toString(), true, "", tmp.resolve("home").toString(), null, null, null, "tester");
        LoadReport bad = new NativeLoader(config, platform, build, own, classpath(tampered), linker).load();
        assertTrue(message(bad).contains("checksum mismatch"), message(bad));
        LoadReport none = new NativeLoader(config, platform, build, own, emptyClasspath(), linker).load();
        assertTrue(message(none).contains("and the thread's context class loader, java.net.URLClassLoader@"), message(none));
        assertTrue(linker.calls.isEmpty());
    }

    @Test
    void aKeptFailureSaysWhenItsSearchRanAndWhetherItIsRepeated() throws IOException {
        LoadReport r = load(emptyClasspath());
        UnsatisfiedLinkError e = NativeLoader.unavailable(r, r.attemptedAtMillis() + 2500);
        assertTrue(e.getMessage().startsWith(message(r)), e.getMessage());
        assertTrue(e.getMessage().contains("(2500 ms ago); a later call searches again"), e.getMessage());
        assertNull(e.getCause(), "the text appears once per exception chain");

        linker.version = "0.0.1"; // mapped, then refused: final
        LoadReport refused = load(classpath(lib));
        assertTrue(NativeLoader.unavailable(refused, refused.attemptedAtMillis()).getMessage().contains("it is not repeated"));
        assertFalse(refused.retryable());

        linker = new FakeLinker(VERSION); // found, but another version: failing again the same way, not repeated
        cacheDir = tmp.resolve("cache-other").toString();
        LoadReport mismatch = load(classpath(tampered));
        assertTrue(message(mismatch).contains("checksum mismatch"), message(mismatch));
        assertFalse(mismatch.retryable(), "a jar that was found and failed is not read again every second");
    }

    /** Right bytes under the cached name, in a private directory, that another user could have written. */
    enum Plant { OTHER_USERS_WRITABLE_FILE, HARD_LINK_TO_OTHER_USERS_FILE, OWN_GROUP_WRITABLE_FILE }

    @ParameterizedTest
    @EnumSource(Plant.class)
    void anEntryOthersCouldWriteIsReplacedByAFreshFileOfOursEvenWithTheRightBytes(Plant plant) throws IOException {
        Path target = cachedFile(0);
        LibraryCache.privateDir(target.getParent(), true);
        Path planted;
        switch (plant) {
            case OTHER_USERS_WRITABLE_FILE:
                planted = Files.write(target, lib);
                assumeTrue(chown(planted, 65534), "needs root to hand a file to another user");
                chmod(planted, 0666);
                break;
            case HARD_LINK_TO_OTHER_USERS_FILE:
                planted = Files.write(tmp.resolve("theirs.so"), lib);
                assumeTrue(chown(planted, 65534), "needs root to hand a file to another user");
                chmod(planted, 0644);
                Files.createLink(target, planted);
                break;
            case OWN_GROUP_WRITABLE_FILE:
                planted = Files.write(target, lib);
                chmod(planted, 0660);
                break;
            default: throw new AssertionError(plant);
        }
        Long plantedInode = LibraryCache.inode(planted);
        assumeTrue(plantedInode != null);
        LoadReport r;
        try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(planted)) {
            r = load(classpath(lib)); // (held open, as by its owner: and so its inode number cannot be reused)
        }
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(Collections.singletonList("load:" + target), linker.calls);
        assertNotEquals(plantedInode, LibraryCache.inode(target), "the planted inode itself must never be loaded");
        assertEquals(Files.getAttribute(tmp, "unix:uid"), Files.getAttribute(target, "unix:uid"), "owned by this user");
        assertEquals(0500, (Integer) Files.getAttribute(target, "unix:mode") & 0777);
        assertEquals(1, ((Number) Files.getAttribute(target, "unix:nlink")).intValue());
        LoadAttempt replaced = r.attempts().get(0);
        assertEquals(LoadAttempt.Outcome.REPLACED, replaced.outcome(), r.attempts().toString());
        String why = plant == Plant.OWN_GROUP_WRITABLE_FILE ? "writable by its group"
                : plant == Plant.HARD_LINK_TO_OTHER_USERS_FILE ? "owned by" : "owned by nobody (uid 65534)";
        assertTrue(replaced.detail().contains(why) && replaced.detail().contains("extracted afresh"), replaced.detail());
        if (plant == Plant.HARD_LINK_TO_OTHER_USERS_FILE) assertEquals(pin, Sha256.ofFile(planted), "their file is left alone");
    }

    @Test
    void aCacheDirectoryThatWasOpenToOthersKeepsNothingFromBefore() throws IOException {
        Path target = cachedFile(0);
        Files.createDirectories(target.getParent());
        Path earlier = Files.write(target, lib); // the right bytes, and even ours: still not trusted
        chmod(earlier, 0500);
        Long earlierInode = LibraryCache.inode(earlier);
        chmod(target.getParent(), 0777);
        LoadReport r;
        try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(earlier)) {
            r = load(classpath(lib));
        }
        assertTrue(r.loaded(), () -> message(r));
        assertNotEquals(earlierInode, LibraryCache.inode(target));
        assertEquals(0700, (Integer) Files.getAttribute(target.getParent(), "unix:mode") & 0777);
        assertEquals(LoadAttempt.Outcome.REPLACED, r.attempts().get(0).outcome());
        assertTrue(r.attempts().get(0).detail().contains("writable by other users: tightened"), r.attempts().get(0).detail());
    }

    @Test
    void aWarmCacheIsLoadedWithoutReadingTheJar() throws IOException {
        assertTrue(load(classpath(lib)).loaded());
        ClassLoader unreadable = new URLClassLoader(new URL[0], null) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                // present, but reading it fails: a warm load must not need its bytes
                return Collections.enumeration(Collections.singletonList(new URL("file:" + tmp.resolve("no-such.jar"))));
            }
        };
        linker = new FakeLinker(VERSION);
        LoadReport r = load(unreadable);
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(Collections.singletonList("load:" + cachedFile(0)), linker.calls);
        assertEquals(1, r.attempts().size(), r.attempts().toString());
    }

    @Test
    void aCopyInTheSecondCacheDirectoryIsLoadedWhenTheJarIsGone() throws IOException {
        cacheDir = null;
        xdg = tmp.resolve("xdg").toString();
        tmpDir = tmp.resolve("tmpdir").toString();
        Path second = tmp.resolve("tmpdir/ferric-tester").resolve(LibraryCache.cachedFileName(platform.libraryFileName(), pin, 0));
        Files.createDirectories(second.getParent());
        chmod(second.getParent(), 0700);
        chmod(Files.write(second, lib), 0500);
        LoadReport r = load(emptyClasspath());
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(second.toString(), r.loadedFrom());
    }

    // ---- the verifier ----

    /** The classifier jar's resources: the library and, when given, the verifier beside it. */
    private ClassLoader classpathWithVerifier(byte[] library, byte[] verifier) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("cpv"));
        Path dir = Files.createDirectories(root.resolve("META-INF/native/ferric/" + platform.classifier()));
        Files.write(dir.resolve(platform.libraryFileName()), library);
        Files.write(dir.resolve(platform.verifierFileName()), verifier);
        URLClassLoader cl = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        loaders.add(cl);
        return cl;
    }

    @Test
    void thePinnedVerifierIsLoadedFirstAndHashesTheLibrary() throws IOException {
        byte[] verifier = "verifier bytes".getBytes(StandardCharsets.US_ASCII);
        String verifierPin = Sha256.of(verifier);
        build = new BuildInfo(VERSION, Collections.singletonMap("linux-x86_64", pin), Collections.singletonMap("linux-x86_64", verifierPin));
        LoadReport r = load(classpathWithVerifier(lib, verifier));
        assertTrue(r.loaded(), () -> message(r));
        Path verifierFile = tmp.resolve("cache").resolve(LibraryCache.cachedFileName(platform.verifierFileName(), verifierPin, 0));
        assertEquals(java.util.Arrays.asList("load:" + verifierFile, "load:" + cachedFile(0)), linker.calls);
        assertTrue(linker.verifierHashes >= 1, "the library was hashed by the verifier");
        assertTrue(r.hashing().startsWith("by the verifier " + verifierFile), r.hashing());
        assertEquals(java.util.Arrays.asList(verifierPin, pin), linker.hashesLoaded);
    }

    @Test
    void aVerifierThatDoesNotMatchItsPinIsNeverLoadedAndJavaHashesInstead() throws IOException {
        byte[] verifier = "verifier bytes".getBytes(StandardCharsets.US_ASCII);
        build = new BuildInfo(VERSION, Collections.singletonMap("linux-x86_64", pin),
                Collections.singletonMap("linux-x86_64", Sha256.of("another verifier".getBytes(StandardCharsets.US_ASCII))));
        LoadReport r = load(classpathWithVerifier(lib, verifier));
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(Collections.singletonList("load:" + cachedFile(0)), linker.calls, "the mismatching verifier is not loaded");
        assertEquals(0, linker.verifierHashes);
        assertTrue(r.hashing().startsWith("in Java: the verifier could not be used") && r.hashing().contains("checksum mismatch"), r.hashing());
    }

    @Test
    void theVerifierBesideANamedLibraryHashesIt() throws IOException {
        byte[] verifier = "verifier bytes".getBytes(StandardCharsets.US_ASCII);
        String verifierPin = Sha256.of(verifier);
        build = new BuildInfo(VERSION, Collections.singletonMap("linux-x86_64", pin), Collections.singletonMap("linux-x86_64", verifierPin));
        override = file("opt/ferric/" + platform.libraryFileName(), lib).toString();
        Path verifierFile = file("opt/ferric/" + platform.verifierFileName(), verifier);
        LoadReport r = load(classpath(lib));
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(java.util.Arrays.asList("load:" + verifierFile.toRealPath(), "load:" + override), linker.calls);
        assertTrue(linker.verifierHashes >= 1, "the library was hashed by the verifier");
        assertTrue(r.hashing().startsWith("by the verifier " + verifierFile.toRealPath()), r.hashing());
        assertEquals(java.util.Arrays.asList(verifierPin, pin), linker.hashesLoaded);

        // one that does not match its pin is never loaded: Java hashes the library, which still loads
        linker = new FakeLinker(VERSION);
        Files.write(verifierFile, "another verifier".getBytes(StandardCharsets.US_ASCII));
        LoadReport java = load(classpath(lib));
        assertTrue(java.loaded(), () -> message(java));
        assertEquals(Collections.singletonList("load:" + override), linker.calls);
        assertEquals(0, linker.verifierHashes);
        assertTrue(java.hashing().startsWith("in Java: the verifier could not be used") && java.hashing().contains("checksum mismatch"),
                java.hashing());

        // a large file under its name is not even hashed
        linker = new FakeLinker(VERSION);
        Files.write(verifierFile, new byte[(int) NativeLoader.MAX_VERIFIER_BYTES + 1]);
        LoadReport large = load(classpath(lib));
        assertTrue(large.loaded(), () -> message(large));
        assertTrue(large.hashing().contains("too large to be ferric's verifier"), large.hashing());

        // none beside it: hashed in Java, said so
        linker = new FakeLinker(VERSION);
        Files.delete(verifierFile);
        LoadReport none = load(classpath(lib));
        assertTrue(none.loaded(), () -> message(none));
        assertTrue(none.hashing().startsWith("in Java: no " + platform.verifierFileName() + " beside "), none.hashing());

        // a symbolic link to the right bytes is not read, let alone loaded (where the file system has
        // links: under Wine the link is made but then seen as no file at all, which is refused too)
        linker = new FakeLinker(VERSION);
        Files.createSymbolicLink(verifierFile, file("elsewhere/" + platform.verifierFileName(), verifier));
        LoadReport link = load(classpath(lib));
        assertTrue(link.loaded(), () -> message(link));
        assertEquals(Collections.singletonList("load:" + override), linker.calls);
        if (Files.isSymbolicLink(verifierFile)) {
            assertTrue(link.hashing().contains("symbolic links are not followed"), link.hashing());
        }
    }

    @Test
    void aBadOverrideWithAGenuineVerifierBesideItLoadsOnlyTheVerifierAndNothingElse() throws IOException {
        byte[] verifier = "verifier bytes".getBytes(StandardCharsets.US_ASCII);
        build = new BuildInfo(VERSION, Collections.singletonMap("linux-x86_64", pin),
                Collections.singletonMap("linux-x86_64", Sha256.of(verifier)));
        override = file("opt/ferric/" + platform.libraryFileName(), tampered).toString();
        Path verifierFile = file("opt/ferric/" + platform.verifierFileName(), verifier);
        file("jlp/" + platform.libraryFileName(), lib);
        javaLibraryPath = tmp.resolve("jlp").toString();
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        assertTrue(message(r).contains("checksum mismatch"), message(r));
        assertEquals(Collections.singletonList("load:" + verifierFile.toRealPath()), linker.calls,
                "the verifier (pinned, checked) is the only library mapped; no fallback after the override");
        assertFalse(Files.exists(tmp.resolve("cache")), "the classpath resource must not even be extracted");
    }

    @Test
    void finalErrorListsEveryAttemptInOrder() throws IOException {
        cacheDir = null;
        Path xdgFile = file("xdg-is-a-file", new byte[1]);
        xdg = xdgFile.toString();                       // 1. cannot create a directory under a file
        Path otherUsers = Files.createDirectories(tmp.resolve("shared"));
        tmpDir = otherUsers.toString();
        Path foreign = Files.createDirectories(otherUsers.resolve("ferric-tester"));
        assumeTrue(chown(foreign, 4242), "needs root to hand a directory to another user");  // 2. not ours
        Path bad = file("jlp1/" + platform.libraryFileName(), tampered);    // 3. checksum mismatch
        Path noexec = file("jlp2/" + platform.libraryFileName(), lib);      // 4. mapping refused
        javaLibraryPath = bad.getParent() + File.pathSeparator + noexec.getParent();
        String noexecDir = tmp.resolve("jlp2").toRealPath().toString();
        linker.linkFailure = p -> p.startsWith(noexecDir)
                ? new UnsatisfiedLinkError(p + ": failed to map segment from shared object") : null;
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        String m = message(r);
        List<LoadAttempt> a = r.attempts();
        assertEquals(4, a.size(), a.toString());
        assertTrue(a.get(0).location().startsWith(xdgFile.toString()), a.toString());
        assertTrue(a.get(1).detail().contains("uid 4242"), a.get(1).detail());
        assertTrue(a.get(2).detail().contains("checksum mismatch"), a.get(2).detail());
        assertTrue(a.get(3).detail().contains("failed to map segment") && a.get(3).detail().contains("noexec"), a.get(3).detail());
        for (LoadAttempt x : a) assertEquals(LoadAttempt.Outcome.FAILED, x.outcome());
        for (int n = 1; n <= a.size(); n++) assertTrue(m.contains("\n  " + n + ". " + a.get(n - 1)), m);
        // one fix per kind of failure, and not the missing-jar one: the jar was found
        assertTrue(m.contains("\nTo fix:\n  - set -Dferric.cache.dir=<a directory of yours>"), m);
        assertTrue(m.contains("\n  - use dev.ferric:ferric-native:1.2.3:linux-x86_64, the native jar of the same release"), m);
        assertTrue(m.contains("\n  - set -Dferric.cache.dir=<a directory on a file system mounted with exec>"), m);
        assertFalse(m.contains("Maven:") || m.contains("on the classpath next to"), m);
        assertEquals(1, m.split("set -Dferric.cache.dir=<a directory of yours>", -1).length - 1, "each fix once: " + m);
        assertTrue(java.util.Arrays.stream(r.failure().getSuppressed())
                .anyMatch(t -> String.valueOf(t.getMessage()).contains("failed to map segment")), "underlying errors are kept");
        assertTrue(linker.calls.size() == 1 && linker.calls.get(0).startsWith("load:" + noexecDir), linker.calls.toString());
    }

    @Test
    void eachFurtherClassLoaderGetsItsOwnVerifiedCopy() throws IOException {
        // copies 0 and 1 are bound to other class loaders of this JVM
        linker.linkFailure = p -> p.equals(cachedFile(0).toString()) || p.equals(cachedFile(1).toString())
                ? new UnsatisfiedLinkError("Native Library " + p + " already loaded in another classloader") : null;
        LoadReport r = load(classpath(lib));
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(cachedFile(2).toString(), r.loadedFrom());
        assertEquals(3, linker.calls.size());
        assertNeverLoadedOtherBytes();
    }

    @Test
    void runningOutOfCopiesIsAClearError() throws IOException {
        linker.linkFailure = p -> new UnsatisfiedLinkError("Native Library " + p + " already loaded in another classloader");
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        assertEquals(NativeLoader.MAX_COPIES, linker.calls.size());
        assertTrue(message(r).contains("all " + NativeLoader.MAX_COPIES + " copies are bound to other class loaders"), message(r));
    }

    @Test
    void deniedNativeAccessNamesTheFlagAndStops() throws Exception {
        // what JDK 24+ throws in deny mode; made reflectively so these tests still compile for Java 8
        Class<?> ice;
        try {
            ice = Class.forName("java.lang.IllegalCallerException");
        } catch (ClassNotFoundException java8) {
            assumeTrue(false, "no IllegalCallerException before Java 9");
            return;
        }
        java.lang.reflect.Constructor<?> make = ice.getConstructor(String.class);
        linker.loadFailure = p -> {
            try {
                return (RuntimeException) make.newInstance("Illegal native access from: unnamed module @6d06d69c");
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
        file("jlp/" + platform.libraryFileName(), lib);
        javaLibraryPath = tmp.resolve("jlp").toString();
        LoadReport r = load(classpath(lib));
        assertFalse(r.loaded());
        String m = message(r);
        assertTrue(m.contains("--enable-native-access=ALL-UNNAMED"), m);
        assertTrue(m.contains("Enable-Native-Access: ALL-UNNAMED"), m);
        assertEquals(1, linker.calls.size(), "every other candidate would be denied the same way");
    }

    @Test
    void theRealLoaderOfThisJvmLoadedThePinnedLibrary() {
        LoadReport r = NativeLoader.report();
        assertTrue(r.loaded(), () -> message(r));
        assertEquals(r.pinnedChecksum(), r.loadedChecksum());
        assertEquals(BuildInfo.get().version(), r.nativeVersion());
    }

    @Test
    void theRealVerifierHashedThisJvmsLibraryAndCompressesLikeJava() {
        LoadReport r = NativeLoader.report();
        assertTrue(r.hashing().startsWith("by the verifier "), r.hashing());
        LibraryHasher verifier = LibraryHasher.verifier(Linker.SYSTEM);
        Random random = new Random(11);
        for (int n : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 262_144, 1_000_003}) {
            byte[] b = new byte[n];
            random.nextBytes(b);
            assertEquals(Sha256.of(b), verifier.of(b), "length " + n);
        }
        // arguments it must refuse without touching anything
        int[] state = new int[8];
        assertFalse(VerifierNative.compress(new int[7], new byte[64], 0, 1));
        assertFalse(VerifierNative.compress(state, new byte[64], 1, 1));
        assertFalse(VerifierNative.compress(state, new byte[64], -1, 1));
        assertFalse(VerifierNative.compress(state, new byte[64], 0, -1));
        assertFalse(VerifierNative.compress(state, new byte[128], 64, Integer.MAX_VALUE));
        assertFalse(VerifierNative.compress(null, new byte[64], 0, 1));
        assertFalse(VerifierNative.compress(state, null, 0, 1));
        assertEquals(Arrays.toString(new int[8]), Arrays.toString(state));
    }

    private static void assertNoTempFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().endsWith(LibraryCache.TEMP_SUFFIX))
                    .collect(Collectors.toList());
            assertTrue(temps.isEmpty(), temps.toString());
        }
    }

    private static void chmod(Path p, int mode) throws IOException {
        assumeTrue(p.getFileSystem().supportedFileAttributeViews().contains("unix"),
                "POSIX permissions only: this file system has no unix attribute view (Windows)");
        Files.setAttribute(p, "unix:mode", mode, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Gives {@code p} to another uid; false when this process may not (not root). */
    static boolean chown(Path p, int uid) {
        try {
            Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] readAll(URL url) throws IOException {
        try (java.io.InputStream in = url.openStream()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
            return out.toByteArray();
        }
    }
}
