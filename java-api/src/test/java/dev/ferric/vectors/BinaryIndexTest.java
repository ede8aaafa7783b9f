package dev.ferric.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Binary vectors and {@link Metric#HAMMING}: top-k and distances against a plain Java reference
 * ({@link Long#bitCount}) for dimensions 8 to 4096 bits, every add and search form, and bad input.
 */
class BinaryIndexTest {
    static final int[] BITS = {8, 16, 24, 56, 64, 72, 120, 128, 136, 248, 256, 264, 504, 512, 520, 1000, 1024, 1032, 2048, 4088, 4096};
    static final int K = 10;

    /** Σ bitCount(a XOR b), eight bytes at a time, the tail byte by byte. */
    static long reference(byte[] a, int aOff, byte[] b, int bOff, int len) {
        long d = 0;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long x = 0, y = 0;
            for (int j = 0; j < 8; j++) {
                x = x << 8 | (a[aOff + i + j] & 0xFF);
                y = y << 8 | (b[bOff + i + j] & 0xFF);
            }
            d += Long.bitCount(x ^ y);
        }
        for (; i < len; i++) d += Integer.bitCount((a[aOff + i] ^ b[bOff + i]) & 0xFF);
        return d;
    }

    /** The k nearest by (distance, id): ids in {@code [0]}, distances in {@code [1]}. */
    static int[][] referenceTopK(byte[][] data, byte[] q, int k) {
        long[] keyed = new long[data.length];
        for (int i = 0; i < data.length; i++) keyed[i] = reference(data[i], 0, q, 0, q.length) << 32 | i;
        Arrays.sort(keyed);
        int n = Math.min(k, data.length);
        int[][] out = new int[2][n];
        for (int j = 0; j < n; j++) {
            out[0][j] = (int) keyed[j];
            out[1][j] = (int) (keyed[j] >>> 32);
        }
        return out;
    }

    static byte[] random(Random r, int len, int mask) {
        byte[] b = new byte[len];
        r.nextBytes(b);
        for (int i = 0; i < len; i++) b[i] &= mask;
        return b;
    }

    @Test
    void topKEqualsTheReferenceOnEveryDimension() {
        Random r = new Random(2026);
        for (int bits : BITS) {
            int bytes = bits / 8;
            // enough vectors for over 1 MiB at 256+ bits (the parallel scan); few distinct bytes at the
            // smallest dimensions, so that many distances tie and the id order is exercised
            int n = Math.max(300, Math.min(40_000, 1_100_000 / bytes));
            int mask = bits <= 16 ? 0x0F : 0xFF;
            byte[][] data = new byte[n][];
            for (int i = 0; i < n; i++) data[i] = random(r, bytes, mask);
            byte[][] queries = new byte[3][];
            for (int q = 0; q < queries.length; q++) queries[q] = random(r, bytes, 0xFF);
            try (FlatIndex index = new FlatIndex(bits, Metric.HAMMING, ElementType.BINARY)) {
                assertEquals(0, index.add(data));
                assertEquals(n, index.size());
                assertEquals((long) n * bytes, index.memoryBytes(), "exactly reserved for one batch");
                SearchResult[] batch = index.searchBatch(queries, K);
                for (int q = 0; q < queries.length; q++) {
                    String what = bits + " bits, query " + q;
                    int[][] want = referenceTopK(data, queries[q], K);
                    SearchResult s = index.search(queries[q], K);
                    assertArrayEquals(want[0], s.ids(), what);
                    for (int j = 0; j < K; j++) assertEquals(want[1][j], s.score(j), what + " rank " + j);
                    assertArrayEquals(s.ids(), batch[q].ids(), what + " batch");
                    assertArrayEquals(s.scores(), batch[q].scores(), what + " batch");
                    assertEquals(want[1][0], Vectors.hamming(queries[q], data[s.id(0)]), what + " pair");
                }
            }
        }
    }

    @Test
    void everyAddAndSearchForm() {
        Random r = new Random(8);
        int bits = 200, bytes = 25, n = 60;
        byte[] flat = random(r, n * bytes, 0xFF);
        byte[][] rows = new byte[n][];
        for (int i = 0; i < n; i++) rows[i] = Arrays.copyOfRange(flat, i * bytes, (i + 1) * bytes);
        byte[] query = random(r, bytes, 0xFF);
        int[][] want = referenceTopK(rows, query, n);
        ByteBuffer direct = ByteBuffer.allocateDirect(flat.length);
        direct.put(flat).flip();
        FlatIndex[] indexes = new FlatIndex[5];
        try {
            for (int i = 0; i < indexes.length; i++) indexes[i] = new FlatIndex(bits, Metric.HAMMING, ElementType.BINARY);
            indexes[0].add(flat);
            indexes[1].add(rows);
            indexes[2].add(direct);
            assertEquals(direct.limit(), direct.position());
            indexes[3].add(ByteBuffer.wrap(flat).asReadOnlyBuffer());
            indexes[4].add(rows[0]);
            assertEquals(1, indexes[4].add(flat, bytes, (n - 1) * bytes));
            for (FlatIndex ix : indexes) {
                assertArrayEquals(want[0], ix.search(query, n).ids());
                int[] ids = new int[n + 2];
                float[] scores = new float[n + 2];
                assertEquals(n, ix.search(query, n + 2, ids, scores));
                assertArrayEquals(want[0], Arrays.copyOf(ids, n));
                for (int j = 0; j < n; j++) assertEquals(want[1][j], scores[j]);
                // two queries at stride 3: padding after each query's hits
                byte[] two = new byte[2 * bytes];
                System.arraycopy(query, 0, two, 0, bytes);
                System.arraycopy(rows[7], 0, two, bytes, bytes);
                int[] bIds = new int[6];
                float[] bScores = new float[6];
                assertEquals(3, ix.searchBatch(two, 3, bIds, bScores));
                assertArrayEquals(Arrays.copyOf(want[0], 3), Arrays.copyOf(bIds, 3));
                assertEquals(7, bIds[3]);
                assertEquals(0f, bScores[3]);
            }
        } finally {
            for (FlatIndex ix : indexes) if (ix != null) ix.close();
        }
    }

    @Test
    void tiesAreOrderedById() {
        try (FlatIndex ix = new FlatIndex(16, Metric.HAMMING, ElementType.BINARY)) {
            byte[] same = new byte[2 * 5000];
            Arrays.fill(same, (byte) 0x0F);
            ix.add(same);
            ix.add(new byte[] {0, 1});
            SearchResult res = ix.search(new byte[2], 4);
            assertArrayEquals(new int[] {5000, 0, 1, 2}, res.ids());
            assertArrayEquals(new float[] {1, 8, 8, 8}, res.scores());
        }
    }

    @Test
    void pairFunction() {
        Random r = new Random(4);
        for (int len : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 127, 128, 129, 1000, 65_536, 200_003}) {
            byte[] a = random(r, len, 0xFF), b = random(r, len, 0xFF);
            assertEquals(reference(a, 0, b, 0, len), Vectors.hamming(a, b), "len " + len);
            assertEquals(0, Vectors.hamming(a, a));
        }
        byte[] ones = new byte[1 << 20];
        Arrays.fill(ones, (byte) -1);
        assertEquals(8L << 20, Vectors.hamming(ones, new byte[1 << 20]));
        byte[] v = {0, -1, 3, 0};
        assertEquals(8 + 6, Vectors.hamming(v, 0, v, 1, 2));
        assertEquals(2, Vectors.hamming(v, 2, v, 3, 1));
    }

    @Test
    void badInput() {
        // HAMMING only with BINARY; BINARY dimensions are whole bytes
        for (Metric m : Reference.NUMERIC) {
            assertThrows(IllegalArgumentException.class, () -> new FlatIndex(64, m, ElementType.BINARY));
        }
        assertThrows(IllegalArgumentException.class, () -> new FlatIndex(64, Metric.HAMMING, ElementType.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> new FlatIndex(64, Metric.HAMMING, ElementType.INT8));
        assertThrows(IllegalArgumentException.class, () -> new FlatIndex(12, Metric.HAMMING, ElementType.BINARY));
        assertThrows(IllegalArgumentException.class, () -> new FlatIndex(FlatIndex.MAX_DIMENSION + 8, Metric.HAMMING, ElementType.BINARY));
        new FlatIndex(FlatIndex.MAX_DIMENSION, Metric.HAMMING, ElementType.BINARY).close();

        try (FlatIndex ix = new FlatIndex(32, Metric.HAMMING, ElementType.BINARY)) {
            assertThrows(IllegalStateException.class, () -> ix.search(new byte[4], 1));
            ix.add(new byte[] {1, 2, 3, 4});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ix.add(new byte[6]));
            assertTrue(e.getMessage().contains("4 bytes (32 bits)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ix.add(new byte[] {1, 2, 3}));
            assertThrows(IllegalArgumentException.class, () -> ix.add(new byte[][] {{1, 2, 3, 4}, {1}}));
            assertThrows(IllegalArgumentException.class, () -> ix.add(ByteBuffer.allocateDirect(6)));
            assertThrows(IllegalArgumentException.class, () -> ix.add(new float[32]));
            assertThrows(IllegalArgumentException.class, () -> ix.search(new float[32], 1));
            assertThrows(IllegalArgumentException.class, () -> ix.search(new byte[32], 1));
            assertThrows(IllegalArgumentException.class, () -> ix.search(new byte[4], 0));
            assertThrows(IllegalArgumentException.class, () -> ix.search(new byte[4], 2, new int[1], new float[2]));
            assertThrows(IllegalArgumentException.class, () -> ix.searchBatch(new byte[][] {new byte[4], new byte[3]}, 1));
            assertThrows(IllegalArgumentException.class, () -> ix.searchBatch(new byte[6], 1, new int[2], new float[2]));
            assertThrows(NullPointerException.class, () -> ix.search((byte[]) null, 1));
            assertThrows(NullPointerException.class, () -> ix.add(new byte[][] {null}));
            assertThrows(IndexOutOfBoundsException.class, () -> ix.add(new byte[8], 6, 4));
            assertEquals(1, ix.size());
        }
        // a 10-byte cap holds two 32-bit vectors
        try (FlatIndex ix = new FlatIndex(32, Metric.HAMMING, ElementType.BINARY, 10)) {
            ix.add(new byte[8]);
            assertThrows(OutOfMemoryError.class, () -> ix.add(new byte[4]));
            assertEquals(2, ix.size());
        }
        assertThrows(IllegalArgumentException.class, () -> Vectors.hamming(new byte[2], new byte[3]));
        assertThrows(NullPointerException.class, () -> Vectors.hamming(null, new byte[1]));
        assertThrows(NullPointerException.class, () -> Vectors.hamming(new byte[1], null));
        assertThrows(IndexOutOfBoundsException.class, () -> Vectors.hamming(new byte[4], 2, new byte[4], 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Vectors.hamming(new byte[4], 0, new byte[4], -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Vectors.hamming(new byte[4], 0, new byte[4], 0, -1));
    }

    @Test
    void elementTypeSizes() {
        assertEquals(32, ElementType.FLOAT32.bits());
        assertEquals(3072, ElementType.FLOAT32.vectorBytes(768));
        assertEquals(768, ElementType.INT8.vectorBytes(768));
        assertEquals(96, ElementType.BINARY.vectorBytes(768));
    }
}
