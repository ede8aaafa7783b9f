package dev.ferric.internal;

import java.util.Locale;

/**
 * The platform this JVM runs on, named the way ferric's classifier jars are ({@code linux-x86_64},
 * {@code linux-aarch_64-musl}, {@code osx-aarch_64}, {@code windows-x86_64}, ...).
 *
 * <p>Detection is a pure function of system properties and of the libc the running JVM is linked
 * against, so every platform's decision is unit-tested on any machine. Architecture comes from
 * {@code os.arch}, which is the JVM's own architecture (an x86_64 JVM under Rosetta gets the x86_64
 * library, as it must).
 */
public final class Platform {
    /** How the C library of a Linux process was determined. */
    public enum Libc { GLIBC, MUSL, UNKNOWN }

    private final String os;
    private final String arch;
    private final boolean musl;
    private final boolean android;

    Platform(String os, String arch, boolean musl, boolean android) {
        this.os = os;
        this.arch = arch;
        this.musl = musl;
        this.android = android;
    }

    /**
     * Decides the platform from system property values and the running JVM's libc.
     *
     * @param osName {@code os.name}
     * @param osArch {@code os.arch}
     * @param vmVendor {@code java.vm.vendor} (Android's is "The Android Project")
     * @param runtimeName {@code java.runtime.name} (Android's contains "Android")
     * @param libc the libc of the running process (only consulted on Linux)
     */
    public static Platform detect(String osName, String osArch, String vmVendor, String runtimeName, Libc libc) {
        boolean android = contains(vmVendor, "android") || contains(runtimeName, "android");
        String os = normalizeOs(osName);
        return new Platform(os, normalizeArch(osArch), "linux".equals(os) && !android && libc == Libc.MUSL, android);
    }

    /** The platform of this JVM. */
    public static Platform current() {
        String osName = System.getProperty("os.name", "");
        boolean linux = "linux".equals(normalizeOs(osName));
        return detect(osName, System.getProperty("os.arch", ""), System.getProperty("java.vm.vendor", ""),
                System.getProperty("java.runtime.name", ""), linux ? LibcProbe.ofRunningJvm() : Libc.UNKNOWN);
    }

    private static boolean contains(String s, String part) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(part);
    }

    /** Lower case, letters and digits only. (No regular expressions: this runs on every JVM's start, and regex start-up costs milliseconds.) */
    private static String clean(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) sb.append(c);
        }
        return sb.toString();
    }

    private static boolean oneOf(String v, String... names) {
        for (String n : names) if (v.equals(n)) return true;
        return false;
    }

    /** os-maven-plugin's OS names; "unknown" when not recognised. */
    static String normalizeOs(String osName) {
        String v = clean(osName);
        if (v.startsWith("linux")) return "linux";
        if (v.startsWith("macosx") || v.startsWith("osx") || v.startsWith("darwin")) return "osx";
        if (v.startsWith("windows")) return "windows";
        if (v.startsWith("freebsd")) return "freebsd";
        return "unknown";
    }

    /**
     * os-maven-plugin's architecture names; "unknown" when not recognised. Spellings seen in the wild:
     * {@code amd64} (Windows, older Linux JVMs), {@code x86_64}, {@code aarch64}, {@code arm64}
     * (some macOS and Windows JVMs), {@code aarch_64} (already normalised).
     */
    static String normalizeArch(String osArch) {
        String v = clean(osArch); // lower case, separators dropped: "aarch_64" -> "aarch64"
        if (oneOf(v, "x8664", "amd64", "ia32e", "em64t", "x64")) return "x86_64";
        if (oneOf(v, "x8632", "x86", "i386", "i486", "i586", "i686", "ia32", "x32")) return "x86_32";
        if (oneOf(v, "aarch64", "arm64")) return "aarch_64";
        if (oneOf(v, "arm", "arm32", "armhf") || v.startsWith("armv7")) return "arm_32";
        if (v.equals("riscv64")) return "riscv64";
        if (v.equals("ppc64le")) return "ppcle_64";
        if (v.equals("s390x")) return "s390_64";
        return "unknown";
    }

    /** Normalised OS: linux, osx, windows, freebsd or unknown. */
    public String os() { return os; }

    /** Normalised architecture: x86_64, aarch_64, ... or unknown. */
    public String arch() { return arch; }

    /** Whether this is a Linux process linked against musl libc (Alpine and friends). */
    public boolean isMusl() { return musl; }

    /** Whether this is the Android runtime (libraries come from the APK, never extracted). */
    public boolean isAndroid() { return android; }

    /** The classifier of the ferric-native jar for this platform, e.g. {@code linux-x86_64-musl}. */
    public String classifier() {
        return os + "-" + arch + (musl ? "-musl" : "");
    }

    /** File name of the native library on this OS ({@code System.mapLibraryName} as a pure function). */
    public String libraryFileName() {
        return fileName("ferric");
    }

    /** File name of the loader's verifier library on this OS (see {@code rust-core/verifier}). */
    public String verifierFileName() {
        return fileName("ferric_verifier");
    }

    private String fileName(String stem) {
        switch (os) {
            case "windows": return stem + ".dll";
            case "osx": return "lib" + stem + ".dylib";
            default: return "lib" + stem + ".so";
        }
    }

    @Override
    public String toString() {
        return classifier() + (android ? " (Android)" : "");
    }
}
