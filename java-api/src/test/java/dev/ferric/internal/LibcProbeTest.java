package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** musl vs glibc from the ELF interpreter of the running executable: synthesized, hostile and real binaries. */
class LibcProbeTest {
    private static final int PT_LOAD = 1;
    private static final int PT_INTERP = 3;
    private static final int PT_NOTE = 4;

    /** A minimal ELF executable: header, a PT_LOAD, a PT_NOTE, then PT_INTERP (if any) and its string. */
    static byte[] elf(boolean is64, boolean little, String interp) {
        int ehsize = is64 ? 64 : 52;
        int phentsize = is64 ? 56 : 32;
        int phnum = interp == null ? 2 : 3;
        int strOff = ehsize + phnum * phentsize;
        byte[] s = interp == null ? new byte[0] : (interp + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(strOff + s.length).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (little ? 1 : 2), 1});
        b.position(16);
        b.putShort((short) 3).putShort((short) (is64 ? 62 : 3)).putInt(1); // ET_DYN, machine, version
        if (is64) {
            b.putLong(0x1040).putLong(ehsize).putLong(0).putInt(0); // entry, phoff, shoff, flags
        } else {
            b.putInt(0x1040).putInt(ehsize).putInt(0).putInt(0);
        }
        b.putShort((short) ehsize).putShort((short) phentsize).putShort((short) phnum);
        int[] types = interp == null ? new int[] {PT_LOAD, PT_NOTE} : new int[] {PT_LOAD, PT_NOTE, PT_INTERP};
        for (int i = 0; i < types.length; i++) {
            b.position(ehsize + i * phentsize);
            long off = types[i] == PT_INTERP ? strOff : 0;
            long size = types[i] == PT_INTERP ? s.length : 0;
            if (is64) {
                b.putInt(types[i]).putInt(4).putLong(off).putLong(off).putLong(off).putLong(size).putLong(size).putLong(1);
            } else {
                b.putInt(types[i]).putInt((int) off).putInt((int) off).putInt((int) off).putInt((int) size)
                        .putInt((int) size).putInt(4).putInt(1);
            }
        }
        b.position(strOff);
        b.put(s);
        return b.array();
    }

    @ParameterizedTest(name = "{0}-bit {1}: {2}")
    @CsvSource({
            "64, LE, /lib64/ld-linux-x86-64.so.2, GLIBC",
            "64, LE, /lib/ld-linux-aarch64.so.1, GLIBC",
            "64, LE, /lib/ld-musl-x86_64.so.1, MUSL",
            "64, LE, /lib/ld-musl-aarch64.so.1, MUSL",
            "64, LE, /nix/store/abc-glibc-2.39/lib/ld-linux-x86-64.so.2, GLIBC",
            "64, BE, /lib64/ld64.so.1, GLIBC",    // s390x
            "64, BE, /lib64/ld64.so.2, GLIBC",    // ppc64
            "64, BE, /lib/ld-musl-s390x.so.1, MUSL",
            "32, LE, /lib/ld-linux.so.2, GLIBC",  // i386
            "32, LE, /lib/ld-linux-armhf.so.3, GLIBC",
            "32, LE, /lib/ld-musl-armhf.so.1, MUSL",
            "32, BE, /lib/ld.so.1, GLIBC",        // ppc32
            "32, BE, /lib/ld-musl-mips.so.1, MUSL",
            "64, LE, /system/bin/linker64, UNKNOWN", // Android's bionic
    })
    void interpreterOfSynthesizedHeaders(int bits, String order, String interp, Platform.Libc libc) {
        byte[] image = elf(bits == 64, order.equals("LE"), interp);
        assertEquals(interp, LibcProbe.interpreter(image, image.length));
        assertEquals(libc, LibcProbe.fromInterpreter(interp));
    }

    @Test
    void staticExecutableHasNoInterpreter() {
        for (boolean is64 : new boolean[] {true, false}) {
            for (boolean little : new boolean[] {true, false}) {
                byte[] image = elf(is64, little, null);
                assertNull(LibcProbe.interpreter(image, image.length));
            }
        }
    }

    @Test
    void everyTruncationIsRefusedNotMisreadAndNeverThrows() {
        for (boolean is64 : new boolean[] {true, false}) {
            for (boolean little : new boolean[] {true, false}) {
                byte[] image = elf(is64, little, "/lib/ld-musl-x86_64.so.1");
                for (int len = 0; len < image.length; len++) {
                    String got = LibcProbe.interpreter(Arrays.copyOf(image, len), len);
                    // Fewer bytes than the whole image mean no answer, never a wrong one.
                    assertNull(got, "prefix of " + len + " bytes");
                }
                // len smaller than the array: the bytes past len must be ignored
                assertNull(LibcProbe.interpreter(image, image.length / 2));
            }
        }
    }

    @Test
    void hostileFieldsAreRefused() {
        byte[] good = elf(true, true, "/lib/ld-musl-x86_64.so.1");
        // {offset in header or first interp phdr, width, value}
        long[][] corruptions = {
                {4, 1, 3},                  // ELF class 3
                {5, 1, 0},                  // data encoding 0
                {32, 8, -1L},               // e_phoff with the top bit set
                {32, 8, 1L << 40},          // e_phoff far past the end
                {32, 8, 0},                 // e_phoff 0 (points into the header)
                {54, 2, 0},                 // e_phentsize 0
                {54, 2, 8},                 // e_phentsize smaller than a program header
                {56, 2, 0},                 // e_phnum 0
                {56, 2, 0xffff},            // e_phnum 65535: headers run past the end
                {64 + 2 * 56 + 8, 8, -1L},  // p_offset of PT_INTERP negative
                {64 + 2 * 56 + 8, 8, 1L << 33},
                {64 + 2 * 56 + 32, 8, -1L}, // p_filesz negative
                {64 + 2 * 56 + 32, 8, 0},   // p_filesz 0
                {64 + 2 * 56 + 32, 8, Long.MAX_VALUE},
                {64 + 2 * 56 + 32, 8, 1L << 31},
        };
        for (long[] c : corruptions) {
            byte[] bad = good.clone();
            ByteBuffer b = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
            if (c[1] == 1) bad[(int) c[0]] = (byte) c[2];
            else if (c[1] == 2) b.putShort((int) c[0], (short) c[2]);
            else b.putLong((int) c[0], c[2]);
            assertNull(LibcProbe.interpreter(bad, bad.length), "corruption at " + c[0] + " = " + c[2]);
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(1);
        int answered = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(600)];
            r.nextBytes(b);
            if (b.length >= 6 && r.nextBoolean()) {
                b[0] = 0x7f;
                b[1] = 'E';
                b[2] = 'L';
                b[3] = 'F';
                b[4] = (byte) (1 + r.nextInt(2));
                b[5] = (byte) (1 + r.nextInt(2));
            }
            if (LibcProbe.interpreter(b, b.length) != null) answered++;
            LibcProbe.interpreter(b, r.nextInt(b.length + 1));
        }
        assertTrue(answered < 20_000);
        assertNull(LibcProbe.interpreter("not an ELF file at all, just some text".getBytes(StandardCharsets.US_ASCII), 38));
    }

    @Test
    void missingAndUnreadableFilesAreUnknown(@TempDir Path dir) throws IOException {
        assertEquals(Platform.Libc.UNKNOWN, LibcProbe.ofExecutable(dir.resolve("absent")));
        assertEquals(Platform.Libc.UNKNOWN, LibcProbe.ofExecutable(dir)); // a directory
        Path empty = Files.createFile(dir.resolve("empty"));
        assertEquals(Platform.Libc.UNKNOWN, LibcProbe.ofExecutable(empty));
    }

    @Test
    void realBinariesOfThisMachine() throws IOException {
        assumeTrue(Files.isReadable(Paths.get("/proc/self/exe")), "needs Linux /proc");
        Platform.Libc expected = LibcProbe.fromMemoryMap(new String(Files.readAllBytes(Paths.get("/proc/self/maps")),
                StandardCharsets.UTF_8));
        assertTrue(expected != Platform.Libc.UNKNOWN, "a dynamically linked JVM maps its libc");
        // The running JVM, its launcher and ordinary system binaries agree with what is mapped.
        assertEquals(expected, LibcProbe.ofExecutable(Paths.get("/proc/self/exe")));
        assertEquals(expected, LibcProbe.ofExecutable(Paths.get(System.getProperty("java.home"), "bin", "java")));
        assertEquals(expected, LibcProbe.ofRunningJvm());
        for (String bin : new String[] {"/bin/sh", "/usr/bin/env"}) {
            Path p = Paths.get(bin);
            if (Files.isReadable(p)) {
                byte[] b = Files.readAllBytes(p);
                assertNotNull(LibcProbe.interpreter(b, Math.min(b.length, LibcProbe.HEAD_BYTES)), bin);
                assertEquals(expected, LibcProbe.ofExecutable(p), bin);
            }
        }
    }

    @Test
    void realExecutableWithMuslInterpreterPatchedIn(@TempDir Path dir) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        byte[] b = Files.readAllBytes(java);
        String interp = LibcProbe.interpreter(b, Math.min(b.length, LibcProbe.HEAD_BYTES));
        assumeTrue(interp != null && interp.length() >= "/lib/ld-musl-x86_64.so.1".length(), "needs a dynamic ELF launcher");
        // Overwrite the interpreter in place, as an Alpine build of the same launcher would have it.
        int at = indexOf(b, interp.getBytes(StandardCharsets.US_ASCII));
        byte[] musl = "/lib/ld-musl-x86_64.so.1".getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(b, at, at + interp.length(), (byte) 0);
        System.arraycopy(musl, 0, b, at, musl.length);
        Path patched = Files.write(dir.resolve("java-musl"), b);
        assertEquals(Platform.Libc.MUSL, LibcProbe.ofExecutable(patched));
        // The probe falls back from an unreadable executable to the launcher, then to the memory map.
        Path none = dir.resolve("absent");
        assertEquals(Platform.Libc.MUSL, LibcProbe.ofProcess(none, patched, none));
        assertEquals(Platform.Libc.MUSL, LibcProbe.ofProcess(patched, java, none));
    }

    @Test
    void memoryMapDecidesWhenNoExecutableCanBeRead(@TempDir Path dir) throws IOException {
        Path none = dir.resolve("absent");
        Path musl = Files.write(dir.resolve("maps-musl"), (
                "55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1234 /usr/lib/jvm/java-21-openjdk/bin/java\n"
                + "7f1e2c000000-7f1e2c200000 r-xp 00000000 08:01 5678 /usr/lib/jvm/java-21-openjdk/lib/server/libjvm.so\n"
                + "7f1e2d000000-7f1e2d090000 r-xp 00000000 08:01 91 /lib/ld-musl-x86_64.so.1\n"
                + "7ffd1c000000-7ffd1c021000 rw-p 00000000 00:00 0 [stack]\n").getBytes(StandardCharsets.UTF_8));
        Path glibc = Files.write(dir.resolve("maps-glibc"), (
                "7f1e2c000000-7f1e2c200000 r-xp 00000000 08:01 5678 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
                + "7f1e2d000000-7f1e2d090000 r-xp 00000000 08:01 91 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2\n")
                .getBytes(StandardCharsets.UTF_8));
        // gcompat on Alpine maps a glibc-named shim on top of musl: musl still decides.
        Path gcompat = Files.write(dir.resolve("maps-gcompat"), (
                "7f1e2c000000-7f1e2c200000 r-xp 00000000 08:01 5678 /lib/libgcompat.so.0\n"
                + "7f1e2c000000-7f1e2c200000 r-xp 00000000 08:01 5679 /lib/ld-linux-x86-64.so.2\n"
                + "7f1e2d000000-7f1e2d090000 r-xp 00000000 08:01 91 /lib/ld-musl-x86_64.so.1\n")
                .getBytes(StandardCharsets.UTF_8));
        Path anon = Files.write(dir.resolve("maps-anon"), "7ffd1c000000-7ffd1c021000 rw-p 00000000 00:00 0 [stack]\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Platform.Libc.MUSL, LibcProbe.ofProcess(none, none, musl));
        assertEquals(Platform.Libc.GLIBC, LibcProbe.ofProcess(none, none, glibc));
        assertEquals(Platform.Libc.MUSL, LibcProbe.ofProcess(none, none, gcompat));
        assertEquals(Platform.Libc.UNKNOWN, LibcProbe.ofProcess(none, none, anon));
        assertEquals(Platform.Libc.UNKNOWN, LibcProbe.ofProcess(none, none, none));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
