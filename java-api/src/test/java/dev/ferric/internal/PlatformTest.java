package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Platform detection as a pure function of what each platform's JVM reports. */
class PlatformTest {
    @ParameterizedTest(name = "{0} / {1} / libc {2} -> {3}")
    @CsvSource({
            // os.name, os.arch, libc of the process, expected classifier, library file
            "Linux, amd64, GLIBC, linux-x86_64, libferric.so",
            "Linux, x86_64, GLIBC, linux-x86_64, libferric.so",
            "Linux, amd64, UNKNOWN, linux-x86_64, libferric.so",
            "Linux, aarch64, GLIBC, linux-aarch_64, libferric.so",
            "Linux, arm64, GLIBC, linux-aarch_64, libferric.so",
            "Linux, aarch_64, GLIBC, linux-aarch_64, libferric.so",
            "Linux, amd64, MUSL, linux-x86_64-musl, libferric.so",
            "Linux, x86_64, MUSL, linux-x86_64-musl, libferric.so",
            "Linux, aarch64, MUSL, linux-aarch_64-musl, libferric.so",
            "Mac OS X, x86_64, UNKNOWN, osx-x86_64, libferric.dylib",
            "Mac OS X, aarch64, UNKNOWN, osx-aarch_64, libferric.dylib",
            "Mac OS X, arm64, UNKNOWN, osx-aarch_64, libferric.dylib",
            "Darwin, aarch64, UNKNOWN, osx-aarch_64, libferric.dylib",
            // libc is only a Linux question: a (wrong) MUSL answer elsewhere changes nothing
            "Mac OS X, aarch64, MUSL, osx-aarch_64, libferric.dylib",
            "Windows 10, amd64, UNKNOWN, windows-x86_64, ferric.dll",
            "Windows 11, amd64, UNKNOWN, windows-x86_64, ferric.dll",
            "Windows Server 2022, AMD64, UNKNOWN, windows-x86_64, ferric.dll",
            "Windows 11, x86_64, MUSL, windows-x86_64, ferric.dll",
            "Windows 11, aarch64, UNKNOWN, windows-aarch_64, ferric.dll",
            "FreeBSD, amd64, UNKNOWN, freebsd-x86_64, libferric.so",
            "Linux, i686, GLIBC, linux-x86_32, libferric.so",
            "Linux, ppc64le, GLIBC, linux-ppcle_64, libferric.so",
            "Linux, s390x, GLIBC, linux-s390_64, libferric.so",
            "Linux, riscv64, GLIBC, linux-riscv64, libferric.so",
            "SunOS, sparcv9, UNKNOWN, unknown-unknown, libferric.so",
    })
    void classifierOfEveryPlatform(String osName, String osArch, Platform.Libc libc, String classifier, String file) {
        Platform p = Platform.detect(osName, osArch, "Eclipse Adoptium", "OpenJDK Runtime Environment", libc);
        assertEquals(classifier, p.classifier());
        assertEquals(file, p.libraryFileName());
        assertFalse(p.isAndroid());
        assertEquals(libc == Platform.Libc.MUSL && osName.equals("Linux"), p.isMusl());
    }

    @ParameterizedTest(name = "Android {1} ({0})")
    @CsvSource({
            // java.vm.vendor, os.arch, java.runtime.name, expected arch
            "The Android Project, aarch64, Android Runtime, aarch_64",
            "The Android Project, armv7l, Android Runtime, arm_32",
            "The Android Project, x86_64, Android Runtime, x86_64",
            "The Android Project, i686, Android Runtime, x86_32",
            // either property alone identifies Android
            "Google Inc., aarch64, Android Runtime, aarch_64",
            "The Android Project, aarch64, '', aarch_64",
    })
    void androidIsDetectedFromTheRuntimeNotFromLinux(String vendor, String arch, String runtime, String expectedArch) {
        // Android's bionic is neither glibc nor musl; even a MUSL answer must not make it a musl platform
        Platform p = Platform.detect("Linux", arch, vendor, runtime, Platform.Libc.MUSL);
        assertTrue(p.isAndroid());
        assertFalse(p.isMusl());
        assertEquals(expectedArch, p.arch());
        assertEquals("linux", p.os());
        assertTrue(p.toString().endsWith("(Android)"), p.toString());
    }

    @Test
    void nullPropertiesGiveUnknownNotAnException() {
        Platform p = Platform.detect(null, null, null, null, Platform.Libc.UNKNOWN);
        assertEquals("unknown-unknown", p.classifier());
        assertFalse(p.isAndroid());
    }

    @ParameterizedTest
    @CsvSource({"x86_64, x86_64", "amd64, x86_64", "AMD64, x86_64", "x64, x86_64", "em64t, x86_64", "ia32e, x86_64",
            "aarch64, aarch_64", "arm64, aarch_64", "ARM64, aarch_64", "aarch_64, aarch_64", "AArch64, aarch_64",
            "x86, x86_32", "i386, x86_32", "i486, x86_32", "i586, x86_32", "i686, x86_32", "ia32, x86_32",
            "arm, arm_32", "armv7l, arm_32", "armhf, arm_32", "ppc64le, ppcle_64", "s390x, s390_64",
            "riscv64, riscv64", "mips, unknown", "'', unknown"})
    void architectureSpellings(String osArch, String expected) {
        assertEquals(expected, Platform.normalizeArch(osArch));
    }

    @ParameterizedTest
    @CsvSource({"Linux, linux", "LINUX, linux", "Mac OS X, osx", "MacOSX, osx", "OS X, osx", "Darwin, osx",
            "Windows 10, windows", "Windows Server 2019, windows", "Windows NT (unknown), windows",
            "FreeBSD, freebsd", "SunOS, unknown", "'', unknown"})
    void osSpellings(String osName, String expected) {
        assertEquals(expected, Platform.normalizeOs(osName));
    }

    @Test
    void thisJvmIsDetectedFromItsOwnProperties() {
        Platform p = Platform.current();
        assertEquals(Platform.normalizeArch(System.getProperty("os.arch")), p.arch());
        assertFalse(p.isAndroid());
        if (p.os().equals("linux")) {
            assertEquals(LibcProbe.ofRunningJvm() == Platform.Libc.MUSL, p.isMusl());
            assertTrue(p.classifier().startsWith("linux-"));
        }
        // The classifier jar the build packaged for this machine is the one detection picks.
        String built = System.getProperty("ferric.test.classifier");
        if (built != null) assertEquals(built, p.classifier());
    }
}
