package dev.ferric.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds which libc the running JVM uses by reading the ELF interpreter ({@code PT_INTERP}) of the
 * process's own executable: {@code /lib/ld-musl-x86_64.so.1} means musl, {@code ld-linux...} glibc.
 * This asks the binary that is actually running instead of guessing from {@code /etc/os-release},
 * which misfires on distroless images, gcompat and containers built from another base.
 */
final class LibcProbe {
    private static final int PT_INTERP = 3;

    private LibcProbe() {}

    static Platform.Libc ofRunningJvm() {
        String[] candidates = {"/proc/self/exe", System.getProperty("java.home", "") + "/bin/java"};
        for (String c : candidates) {
            Platform.Libc libc = ofExecutable(Paths.get(c));
            if (libc != Platform.Libc.UNKNOWN) return libc;
        }
        // No readable interpreter (static launcher, hardened /proc): fall back to the loader's presence.
        File[] lib = new File("/lib").listFiles((d, n) -> n.startsWith("ld-musl-"));
        return lib != null && lib.length > 0 ? Platform.Libc.MUSL : Platform.Libc.UNKNOWN;
    }

    static Platform.Libc ofExecutable(Path exe) {
        try (InputStream in = Files.newInputStream(exe)) {
            byte[] head = new byte[64 * 1024];
            int n = 0;
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) n += r;
            return fromInterpreter(interpreter(head, n));
        } catch (IOException | RuntimeException e) {
            return Platform.Libc.UNKNOWN;
        }
    }

    static Platform.Libc fromInterpreter(String interp) {
        if (interp == null) return Platform.Libc.UNKNOWN;
        if (interp.contains("ld-musl")) return Platform.Libc.MUSL;
        if (interp.contains("ld-linux") || interp.contains("ld64.so") || interp.contains("ld.so")) return Platform.Libc.GLIBC;
        return Platform.Libc.UNKNOWN;
    }

    /**
     * Returns the {@code PT_INTERP} string of the ELF image in {@code b[0..len)}, or null when there is
     * none or the bytes are not a well-formed ELF header (every read is bounds-checked).
     */
    static String interpreter(byte[] b, int len) {
        if (len < 52 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') return null;
        boolean is64 = b[4] == 2;
        boolean little = b[5] == 1;
        long phoff = is64 ? read(b, len, 32, 8, little) : read(b, len, 28, 4, little);
        int phentsize = (int) read(b, len, is64 ? 54 : 42, 2, little);
        int phnum = (int) read(b, len, is64 ? 56 : 44, 2, little);
        if (phoff < 0 || phentsize <= 0) return null;
        for (int i = 0; i < phnum; i++) {
            long ph = phoff + (long) i * phentsize;
            if (read(b, len, ph, 4, little) != PT_INTERP) continue;
            long off = is64 ? read(b, len, ph + 8, 8, little) : read(b, len, ph + 4, 4, little);
            long size = is64 ? read(b, len, ph + 32, 8, little) : read(b, len, ph + 16, 4, little);
            if (off < 0 || size <= 0 || off + size > len) return null;
            int end = (int) (off + size);
            while (end > off && b[end - 1] == 0) end--;
            return new String(b, (int) off, end - (int) off, StandardCharsets.US_ASCII);
        }
        return null;
    }

    /** Unsigned little/big-endian read of {@code n} bytes at {@code at}; -1 when out of range. */
    private static long read(byte[] b, int len, long at, int n, boolean little) {
        if (at < 0 || at + n > len) return -1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            int idx = (int) at + (little ? n - 1 - i : i);
            v = (v << 8) | (b[idx] & 0xff);
        }
        return v;
    }
}
