package dev.ferric.blake3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.FerricProvider;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Blake3ModesTest {
    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void keyMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> Blake3.keyedHash(new byte[31], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Blake3.newKeyedHasher(new byte[33]));
        assertThrows(NullPointerException.class, () -> Blake3.newKeyedHasher(null));
        assertThrows(NullPointerException.class, () -> Blake3.keyedHash(new byte[32], null));
        assertThrows(NullPointerException.class, () -> Blake3.deriveKey(null, new byte[0]));
        assertThrows(NullPointerException.class, () -> Blake3.deriveKey("ctx", null));
        assertThrows(IllegalArgumentException.class, () -> Blake3.deriveKey("ctx", new byte[0], -1));
    }

    @Test
    void resetKeepsTheKey() {
        byte[] key = random(32, 1);
        try (Blake3.Hasher h = Blake3.newKeyedHasher(key)) {
            h.update(new byte[] {1, 2, 3}).reset().update("abc".getBytes());
            assertArrayEquals(Blake3.keyedHash(key, "abc".getBytes()), h.digest());
        }
    }

    @Test
    void byteBuffersAdvanceTheirPositionAndAgreeWithArrays() {
        byte[] data = random(300_000, 2);
        byte[] expected = Blake3.hash(data, 100, 200_000);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
        direct.put(data).position(100).limit(200_100);
        assertArrayEquals(expected, Blake3.hash(direct));
        assertEquals(200_100, direct.position());
        ByteBuffer heap = ByteBuffer.wrap(data, 100, 200_000);
        assertArrayEquals(expected, Blake3.hash(heap));
        assertEquals(200_100, heap.position());
        ByteBuffer slice = ByteBuffer.wrap(data);
        slice.position(50);
        ByteBuffer offsetArray = slice.slice(); // arrayOffset 50
        offsetArray.position(50).limit(200_050);
        assertArrayEquals(expected, Blake3.hash(offsetArray));
        ByteBuffer readOnly = ByteBuffer.wrap(data, 100, 200_000).asReadOnlyBuffer();
        try (Blake3.Hasher h = Blake3.newHasher()) {
            assertArrayEquals(expected, h.update(readOnly).digest());
            assertEquals(200_100, readOnly.position());
        }
        ByteBuffer readOnlyDirect = ((ByteBuffer) direct.position(100)).asReadOnlyBuffer();
        try (Blake3.Hasher h = Blake3.newHasher()) {
            assertArrayEquals(expected, h.update(readOnlyDirect).digest());
        }
        assertArrayEquals(Blake3.hash(new byte[0]), Blake3.hash(ByteBuffer.allocateDirect(0)));
        assertThrows(NullPointerException.class, () -> Blake3.hash((ByteBuffer) null));
    }

    @Test
    void messageDigestProviderWorksAndClonesNativeState() throws Exception {
        MessageDigest md = MessageDigest.getInstance("BLAKE3", new FerricProvider());
        assertEquals(32, md.getDigestLength());
        md.update("ab".getBytes());
        MessageDigest copy = (MessageDigest) md.clone();
        assertNotSame(md, copy);
        md.update((byte) 'c');
        copy.update("xy".getBytes());
        assertArrayEquals(Blake3.hash("abc".getBytes()), md.digest());
        assertArrayEquals(Blake3.hash("abxy".getBytes()), copy.digest());
        // digest() resets, as the JCA requires
        assertArrayEquals(Blake3.hash(new byte[0]), md.digest());
        md.update(ByteBuffer.wrap("abc".getBytes()));
        byte[] out = new byte[40];
        assertEquals(32, md.digest(out, 8, 32));
        assertArrayEquals(Blake3.hash("abc".getBytes()), Arrays.copyOfRange(out, 8, 40));
        assertThrows(java.security.DigestException.class, () -> md.digest(new byte[40], 0, 31));
        assertEquals("BLAKE3", MessageDigest.getInstance("BLAKE3-256", new FerricProvider()).getAlgorithm().replace("-256", ""));
    }

    @Test
    void hashFileMatchesInMemoryOnEveryThreadCountAndReportsMissingFiles(@TempDir Path dir) throws Exception {
        for (int len : new int[] {0, 1023, 1024, 1025, 65535, 65536, 65537, 131071, 131072, 5 << 20}) {
            byte[] data = random(len, len);
            Path f = dir.resolve("f" + len);
            Files.write(f, data);
            byte[] expected = Blake3.hash(data);
            for (int threads : new int[] {0, 1, 2, 4}) assertArrayEquals(expected, Blake3.hashFile(f, threads), len + "/" + threads);
        }
        assertThrows(NoSuchFileException.class, () -> Blake3.hashFile(dir.resolve("missing")));
        assertThrows(java.io.IOException.class, () -> Blake3.hashFile(dir));
        assertThrows(IllegalArgumentException.class, () -> Blake3.hashFile(dir.resolve("f0"), -1));
        assertThrows(NullPointerException.class, () -> Blake3.hashFile(null));
    }

    @Test
    void outputStreamIsTheExtendedOutputAndIgnoresLaterUpdates() throws Exception {
        try (Blake3.Hasher h = Blake3.newHasher().update("stream".getBytes())) {
            byte[] expected = h.digest(5000);
            try (InputStream out = h.outputStream()) {
                h.update("later".getBytes());
                byte[] first = new byte[100];
                assertEquals(100, out.read(first));
                assertArrayEquals(Arrays.copyOf(expected, 100), first);
                assertEquals(1000, out.skip(1000));
                assertEquals(expected[1100] & 0xff, out.read());
            }
        }
    }

    @Test
    void copyIsIndependent() {
        try (Blake3.Hasher a = Blake3.newHasher().update("x".getBytes()); Blake3.Hasher b = a.copy()) {
            a.update("1".getBytes());
            b.update("2".getBytes());
            assertArrayEquals(Blake3.hash("x1".getBytes()), a.digest());
            assertArrayEquals(Blake3.hash("x2".getBytes()), b.digest());
            assertTrue(!a.isClosed() && !b.isClosed());
        }
    }
}
