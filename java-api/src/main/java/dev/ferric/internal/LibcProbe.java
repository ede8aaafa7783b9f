package dev.ferric.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds which libc the running JVM uses by reading the ELF interpreter ({@code PT_INTERP}) of the
 * process's own executable: {@code /lib/ld-musl-x86_64.so.1} means musl, {@code ld-linux...} glibc.
 * This asks the binary that is actually running instead of guessing from {@code /etc/os-release},
 * which misfires on distroless images, gcompat and containers built from another base. When the
 * executable cannot be read, the dynamic loader mapped into this process ({@code /proc/self/maps})
 * decides; it is never guessed from files that merely exist on disk.
 */
final class LibcProbe {
    private static final int PT_INTERP = 3;
    /** The program headers of real executables sit in the first page; this bounds what is read. */
    static final int HEAD_BYTES = 64 * 1024;

    private LibcProbe() {}

    static Platform.Libc ofRunningJvm() {
        return ofProcess(Paths.get("/proc/self/exe"), Paths.get(System.getProperty("java.home", ""), "bin", "java"),
                Paths.get("/proc/self/maps"));
    }

    /** The libc of a process: the interpreter of its executable or launcher, else what its memory map shows. */
    static Platform.Libc ofProcess(Path exe, Path launcher, Path maps) {
        for (Path p : new Path[] {exe, launcher}) {
            Platform.Libc libc = ofExecutable(p);
            if (libc != Platform.Libc.UNKNOWN) return libc;
        }
        try {
            return fromMemoryMap(new String(LibraryCache.readFile(maps), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Platform.Libc.UNKNOWN;
        }
    }

    static Platform.Libc ofExecutable(Path exe) {
        try (InputStream in = new FileInputStream(exe.toFile())) { // java.io: see LibraryCache.readFile
            byte[] head = new byte[HEAD_BYTES];
            int n = 0;
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) n += r;
            return fromInterpreter(interpreter(head, n));
        } catch (IOException | RuntimeException e) {
            return Platform.Libc.UNKNOWN;
        }
    }

    static Platform.Libc fromInterpreter(String interp) {
        if (interp == null) return Platform.Libc.UNKNOWN;
        String name = interp.substring(interp.lastIndexOf('/') + 1);
        if (name.startsWith("ld-musl-")) return Platform.Libc.MUSL;
        if (name.startsWith("ld-linux") || name.startsWith("ld64.so") || name.startsWith("ld.so")) return Platform.Libc.GLIBC;
        return Platform.Libc.UNKNOWN;
    }

    /** The dynamic loader mapped into a process, from its {@code /proc/<pid>/maps} text. */
    static Platform.Libc fromMemoryMap(String maps) {
        boolean glibc = false;
        for (String line : maps.split("\n")) {
            int slash = line.indexOf('/');
            if (slash < 0) continue;
            String file = line.substring(line.lastIndexOf('/') + 1).trim();
            if (file.startsWith("ld-musl-") || file.startsWith("libc.musl-")) return Platform.Libc.MUSL;
            if (file.startsWith("ld-linux") || file.startsWith("libc.so.6") || file.startsWith("libc-2.")) glibc = true;
        }
        return glibc ? Platform.Libc.GLIBC : Platform.Libc.UNKNOWN;
    }

    /**
     * Returns the {@code PT_INTERP} string of the ELF image in {@code b[0..len)}, or null when there is
     * none or the bytes are not a well-formed ELF header (every read is bounds-checked).
     */
    static String interpreter(byte[] b, int len) {
        if (len < 52 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') return null;
        if ((b[4] != 1 && b[4] != 2) || (b[5] != 1 && b[5] != 2)) return null; // ELFCLASS32/64, ELFDATA2LSB/MSB
        boolean is64 = b[4] == 2;
        boolean little = b[5] == 1;
        long phoff = is64 ? read(b, len, 32, 8, little) : read(b, len, 28, 4, little);
        long phentsize = read(b, len, is64 ? 54 : 42, 2, little);
        long phnum = read(b, len, is64 ? 56 : 44, 2, little);
        if (phoff <= 0 || phentsize < (is64 ? 56 : 32) || phnum <= 0) return null;
        if (phoff > len || phnum * phentsize > len - phoff) return null; // the table must lie in the bytes read
        for (long i = 0; i < phnum; i++) {
            long ph = phoff + i * phentsize;
            long type = read(b, len, ph, 4, little);
            if (type < 0) return null; // program headers run past the bytes read
            if (type != PT_INTERP) continue;
            long off = is64 ? read(b, len, ph + 8, 8, little) : read(b, len, ph + 4, 4, little);
            long size = is64 ? read(b, len, ph + 32, 8, little) : read(b, len, ph + 16, 4, little);
            if (off < 0 || size <= 0 || size > len || off > len - size) return null;
            int end = (int) (off + size);
            while (end > off && b[end - 1] == 0) end--;
            return new String(b, (int) off, end - (int) off, StandardCharsets.US_ASCII);
        }
        return null;
    }

    /** Unsigned little/big-endian read of {@code n} bytes at {@code at}; -1 when out of range or too large. */
    private static long read(byte[] b, int len, long at, int n, boolean little) {
        if (at < 0 || at > len - n) return -1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            int idx = (int) at + (little ? n - 1 - i : i);
            v = (v << 8) | (b[idx] & 0xff);
        }
        return v; // an 8-byte value with the top bit set comes back negative: treated as out of range
    }
}
