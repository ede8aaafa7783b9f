package dev.ferric.blake3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Hex;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Blake3ApiTest {
    /** An independent implementation to compare against. */
    private static byte[] reference(byte[] in, int off, int len) {
        Blake3Digest d = new Blake3Digest(256);
        d.update(in, off, len);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 65, 1023, 1024, 1025, 2048, 4096, 65535, 65536, 65537,
            256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 1 << 20, 3 * (1 << 20) + 17})
    void equalsBouncyCastleAtChunkAndCopyBoundaries(int len) {
        byte[] data = new byte[len + 10];
        new Random(len).nextBytes(data);
        assertArrayEquals(reference(data, 5, len), Blake3.hash(data, 5, len));
        try (Blake3.Hasher h = new Blake3.Hasher()) {
            h.update(data, 5, len);
            assertArrayEquals(reference(data, 5, len), h.digest());
        }
    }

    @Test
    void randomSplitsOfStreamingInputGiveTheOneShotDigest() {
        Random r = new Random(42);
        for (int iter = 0; iter < 200; iter++) {
            byte[] data = new byte[r.nextInt(20000)];
            r.nextBytes(data);
            byte[] expected = Blake3.hash(data);
            try (Blake3.Hasher h = Blake3.newHasher()) {
                int off = 0;
                while (off < data.length) {
                    int n = Math.min(data.length - off, r.nextInt(3000));
                    h.update(data, off, n);
                    off += n;
                }
                assertArrayEquals(expected, h.digest(), "iteration " + iter);
            }
        }
    }

    /**
     * A hasher gathers small updates in Java and defers {@code reset()} until its next crossing: every
     * mix of updates (arrays, single bytes, heap and direct buffers, around the 1 KiB gathering limit),
     * digests, extended output at offsets, copies and resets must give Bouncy Castle's BLAKE3 of the
     * bytes absorbed since the last reset, plain and keyed.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gatheredUpdatesAndDeferredResetsAgreeWithBouncyCastle(boolean keyed) throws java.io.IOException {
        Random r = new Random(keyed ? 7 : 8);
        byte[] key = keyed ? new byte[Blake3.KEY_LEN] : null;
        if (keyed) r.nextBytes(key);
        for (int iter = 0; iter < 60; iter++) {
            java.io.ByteArrayOutputStream absorbed = new java.io.ByteArrayOutputStream();
            try (Blake3.Hasher h = keyed ? Blake3.newKeyedHasher(key) : Blake3.newHasher()) {
                for (int step = 0; step < 40; step++) {
                    int op = r.nextInt(10);
                    String at = "iteration " + iter + ", step " + step + ", op " + op;
                    if (op <= 2) { // an array range: mostly small, sometimes over the limit
                        byte[] data = new byte[r.nextInt(op == 2 ? 3000 : 300) + 2];
                        r.nextBytes(data);
                        int off = r.nextInt(2);
                        int len = r.nextInt(data.length - off + 1);
                        h.update(data, off, len);
                        absorbed.write(data, off, len);
                    } else if (op == 3) { // single bytes, enough to fill the gathered bytes now and then
                        int n = r.nextInt(1100);
                        for (int i = 0; i < n; i++) {
                            byte b = (byte) r.nextInt();
                            h.update(b);
                            absorbed.write(b);
                        }
                    } else if (op == 4) { // a heap, read-only heap or direct buffer, a direct one in parallel, a stream
                        byte[] data = new byte[r.nextInt(2500)];
                        r.nextBytes(data);
                        int how = r.nextInt(5);
                        if (how == 4) {
                            h.update(new java.io.ByteArrayInputStream(data));
                        } else if (how == 3) {
                            java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(data.length).put(data);
                            direct.rewind();
                            h.updateParallel(direct, 1);
                        } else {
                            java.nio.ByteBuffer buf = how == 0 ? java.nio.ByteBuffer.wrap(data)
                                    : how == 1 ? java.nio.ByteBuffer.wrap(data).asReadOnlyBuffer()
                                    : java.nio.ByteBuffer.allocateDirect(data.length).put(data);
                            buf.rewind();
                            h.update(buf);
                        }
                        absorbed.write(data, 0, data.length);
                    } else if (op == 5) {
                        assertArrayEquals(bouncyCastle(key, absorbed, 0, 32), h.digest(), at);
                    } else if (op == 6) { // extended output at an offset
                        int position = r.nextInt(3000);
                        byte[] piece = new byte[r.nextInt(100)];
                        h.output(position, piece, 0, piece.length);
                        assertArrayEquals(bouncyCastle(key, absorbed, position, piece.length), piece, at);
                    } else if (op == 7) {
                        h.reset();
                        absorbed.reset();
                    } else if (op == 8) { // a copy sees what was gathered; the original goes on alone
                        try (Blake3.Hasher copy = h.copy()) {
                            assertArrayEquals(bouncyCastle(key, absorbed, 0, 32), copy.digest(), at);
                            copy.update((byte) 1);
                        }
                    } else { // the MessageDigest round: digest into an array, then reset
                        byte[] out = new byte[34];
                        h.digestInto(out, 1, 32);
                        assertArrayEquals(bouncyCastle(key, absorbed, 0, 32), java.util.Arrays.copyOfRange(out, 1, 33), at);
                        h.reset();
                        absorbed.reset();
                    }
                }
                assertArrayEquals(bouncyCastle(key, absorbed, 0, 32), h.digest(), "iteration " + iter + ", end");
            }
        }
    }

    /** Output bytes {@code [position, position + len)} of BLAKE3 (keyed when {@code key} is not null) of {@code input}. */
    private static byte[] bouncyCastle(byte[] key, java.io.ByteArrayOutputStream input, int position, int len) {
        Blake3Digest d = new Blake3Digest();
        if (key != null) d.init(org.bouncycastle.crypto.params.Blake3Parameters.key(key));
        byte[] in = input.toByteArray();
        d.update(in, 0, in.length);
        byte[] all = new byte[position + len];
        d.doOutput(all, 0, all.length);
        return java.util.Arrays.copyOfRange(all, position, position + len);
    }

    @Test
    void hashIntoCallerArrayWritesExactly32BytesAtTheOffset() {
        byte[] out = new byte[40];
        java.util.Arrays.fill(out, (byte) 7);
        Blake3.hash("abc".getBytes(), 0, 3, out, 4);
        assertArrayEquals(Blake3.hash("abc".getBytes()), java.util.Arrays.copyOfRange(out, 4, 36));
        for (int i : new int[] {0, 1, 2, 3, 36, 37, 38, 39}) assertEquals(7, out[i]);
    }

    @Test
    void knownDigestAndHex() {
        assertEquals("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85", Blake3.hashHex("abc".getBytes()));
        assertEquals(Blake3.hashHex(new byte[0]), Blake3.toHex(Blake3.hash(new byte[0])));
        assertArrayEquals(Blake3.hash(new byte[0]), Hex.decode(Blake3.hashHex(new byte[0])));
    }

    @Test
    void digestDoesNotResetResetDoes() {
        try (Blake3.Hasher h = Blake3.newHasher()) {
            h.update("ab".getBytes());
            byte[] partial = h.digest();
            assertArrayEquals(Blake3.hash("ab".getBytes()), partial);
            h.update((byte) 'c');
            assertArrayEquals(Blake3.hash("abc".getBytes()), h.digest());
            h.reset().update("xyz".getBytes());
            assertArrayEquals(Blake3.hash("xyz".getBytes()), h.digest());
        }
    }

    @Test
    void longExtendedOutputIsConsistentAcrossChunkedReads() {
        try (Blake3.Hasher h = Blake3.newHasher()) {
            h.update("xof".getBytes());
            byte[] whole = h.digest(200_000);
            byte[] piece = new byte[1000];
            h.output(150_000, piece, 0, piece.length);
            assertArrayEquals(java.util.Arrays.copyOfRange(whole, 150_000, 151_000), piece);
            assertEquals(0, h.digest(0).length);
        }
    }

    @Test
    void badArgumentsThrowTheJdkExceptionsBeforeCrossing() {
        byte[] b = new byte[10];
        assertThrows(NullPointerException.class, () -> Blake3.hash((byte[]) null));
        assertThrows(NullPointerException.class, () -> Blake3.hash(null, 0, 0));
        assertThrows(NullPointerException.class, () -> Blake3.hash(b, 0, 1, null, 0));
        assertThrows(NullPointerException.class, () -> Blake3.hashHex(null));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(b, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(b, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(b, 5, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(b, Integer.MAX_VALUE, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(b, 1, Integer.MAX_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(b, 0, 1, new byte[31], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(b, 0, 1, new byte[40], 9));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(b, 0, 1, new byte[40], -1));
        try (Blake3.Hasher h = Blake3.newHasher()) {
            assertThrows(NullPointerException.class, () -> h.update((byte[]) null));
            assertThrows(NullPointerException.class, () -> h.update(null, 0, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> h.update(b, 3, 8));
            assertThrows(IndexOutOfBoundsException.class, () -> h.update(b, -3, 1));
            assertThrows(IllegalArgumentException.class, () -> h.digest(-1));
            assertThrows(IllegalArgumentException.class, () -> h.output(-1, b, 0, 1));
            assertThrows(NullPointerException.class, () -> h.output(0, null, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> h.output(0, b, 5, 6));
            assertThrows(IndexOutOfBoundsException.class, () -> h.digestInto(b, 0, 11));
            assertThrows(NullPointerException.class, () -> Hex.decode(null));
            assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
            assertThrows(IllegalArgumentException.class, () -> Hex.decode("zz"));
            // still usable after all of that
            assertArrayEquals(Blake3.hash(new byte[0]), h.digest());
        }
    }

    @Test
    void useAfterCloseThrowsAndDoubleCloseIsHarmless() {
        Blake3.Hasher h = Blake3.newHasher();
        assertFalse(h.isClosed());
        h.close();
        h.close();
        assertTrue(h.isClosed());
        assertThrows(IllegalStateException.class, () -> h.update(new byte[1]));
        assertThrows(IllegalStateException.class, h::digest);
        assertThrows(IllegalStateException.class, h::reset);
        assertThrows(IllegalStateException.class, () -> h.output(0, new byte[1], 0, 1));
    }

    @Test
    void concurrentUseOfOneHasherIsRefusedNotRaced() throws Exception {
        byte[] big = new byte[8 << 20];
        try (Blake3.Hasher h = Blake3.newHasher()) {
            AtomicBoolean sawRefusal = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            h.update(big);
                        } catch (ConcurrentModificationException expected) {
                            sawRefusal.set(true);
                        }
                    }
                }));
            }
            for (Future<?> f : fs) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(sawRefusal.get(), "two threads updating one Hasher should have collided at least once");
        }
    }

    @Test
    void closeWhileAnotherThreadIsHashingNeverCrashes() throws Exception {
        byte[] big = new byte[4 << 20];
        for (int round = 0; round < 20; round++) {
            Blake3.Hasher h = Blake3.newHasher();
            CountDownLatch started = new CountDownLatch(1);
            Thread worker = new Thread(() -> {
                started.countDown();
                try {
                    for (int i = 0; i < 100; i++) h.update(big);
                } catch (IllegalStateException closed) {
                    // expected once close() wins
                }
            });
            worker.start();
            started.await();
            h.close();
            worker.join(60_000);
            assertTrue(h.isClosed());
        }
    }

    @Test
    void manyThreadsHashingAtOnceAgreeWithOneThread() throws Exception {
        Random r = new Random(7);
        byte[][] inputs = new byte[64][];
        byte[][] expected = new byte[64][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new byte[r.nextInt(300_000)];
            r.nextBytes(inputs[i]);
            expected[i] = reference(inputs[i], 0, inputs[i].length);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                for (int rep = 0; rep < 10; rep++) {
                    for (int i = 0; i < inputs.length; i++) {
                        if (!java.util.Arrays.equals(expected[i], Blake3.hash(inputs[i]))) return false;
                        try (Blake3.Hasher h = Blake3.newHasher()) {
                            if (!java.util.Arrays.equals(expected[i], h.update(inputs[i]).digest())) return false;
                        }
                    }
                }
                return true;
            }));
        }
        for (Future<Boolean> f : results) assertTrue(f.get(120, TimeUnit.SECONDS));
        pool.shutdown();
    }
}
