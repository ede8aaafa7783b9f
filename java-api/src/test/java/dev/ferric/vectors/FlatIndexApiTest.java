package dev.ferric.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Contract of {@link FlatIndex}: bad input, memory cap, statistics, ties, threads. */
class FlatIndexApiTest {
    static FlatIndex floats(int dim, Metric m, float[]... rows) {
        FlatIndex ix = new FlatIndex(dim, m, ElementType.FLOAT32);
        if (rows.length > 0) ix.add(rows);
        return ix;
    }

    @Test
    void enumCodesArePinned() {
        // the native side decodes these numbers (rust-core/kernels/src/vectors/mod.rs)
        assertEquals(0, Metric.DOT_PRODUCT.code());
        assertEquals(1, Metric.COSINE.code());
        assertEquals(2, Metric.L2_SQUARED.code());
        assertEquals(3, Metric.HAMMING.code());
        assertEquals(0, ElementType.FLOAT32.code());
        assertEquals(1, ElementType.INT8.code());
        assertEquals(2, ElementType.BINARY.code());
    }

    @Test
    void kernelIsNamed() {
        assertTrue(new HashSet<>(Arrays.asList("scalar", "avx2-fma", "avx512", "avx512-vnni", "neon")).contains(Vectors.kernelName()), Vectors.kernelName());
        assertTrue(new HashSet<>(Arrays.asList("scalar", "popcnt", "avx512-vpopcntdq", "neon")).contains(Vectors.hammingKernelName()), Vectors.hammingKernelName());
        // NEON is part of every AArch64 CPU: an aarch64 run that falls back to scalar has lost its SIMD kernels.
        if ("aarch64".equals(System.getProperty("os.arch"))) {
            assertEquals("neon", Vectors.kernelName());
            assertEquals("neon", Vectors.hammingKernelName());
        }
    }

    @Test
    void badConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new FlatIndex(0, Metric.COSINE, ElementType.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> new FlatIndex(FlatIndex.MAX_DIMENSION + 1, Metric.COSINE, ElementType.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> new FlatIndex(4, Metric.COSINE, ElementType.FLOAT32, 0));
        assertThrows(NullPointerException.class, () -> new FlatIndex(4, null, ElementType.FLOAT32));
        assertThrows(NullPointerException.class, () -> new FlatIndex(4, Metric.COSINE, null));
    }

    @Test
    void dimensionMismatch() {
        try (FlatIndex ix = floats(3, Metric.DOT_PRODUCT, new float[] {1, 2, 3})) {
            assertThrows(IllegalArgumentException.class, () -> ix.add(new float[] {1, 2}));
            assertThrows(IllegalArgumentException.class, () -> ix.add(new float[0]));
            assertThrows(IllegalArgumentException.class, () -> ix.add(new float[][] {{1, 2, 3}, {1, 2}}));
            assertThrows(IllegalArgumentException.class, () -> ix.add(ByteBuffer.allocateDirect(8)));
            assertThrows(IllegalArgumentException.class, () -> ix.search(new float[] {1, 2}, 1));
            assertThrows(IllegalArgumentException.class, () -> ix.search(new float[4], 1, new int[1], new float[1]));
            assertThrows(IllegalArgumentException.class, () -> ix.searchBatch(new float[][] {{1, 2, 3}, {1}}, 1));
            assertThrows(IllegalArgumentException.class, () -> ix.searchBatch(new float[4], 1, new int[2], new float[2]));
            assertEquals(1, ix.size());
        }
    }

    @Test
    void wrongElementType() {
        try (FlatIndex f = floats(2, Metric.DOT_PRODUCT, new float[] {1, 2});
                FlatIndex b = new FlatIndex(2, Metric.DOT_PRODUCT, ElementType.INT8)) {
            assertThrows(IllegalArgumentException.class, () -> f.add(new byte[] {1, 2}));
            assertThrows(IllegalArgumentException.class, () -> f.search(new byte[] {1, 2}, 1));
            assertThrows(IllegalArgumentException.class, () -> b.add(new float[] {1, 2}));
            assertThrows(IllegalArgumentException.class, () -> b.search(new float[] {1, 2}, 1));
        }
    }

    @Test
    void badK() {
        try (FlatIndex ix = floats(2, Metric.L2_SQUARED, new float[] {1, 2})) {
            for (int k : new int[] {0, -1, Integer.MIN_VALUE}) {
                assertThrows(IllegalArgumentException.class, () -> ix.search(new float[2], k));
                assertThrows(IllegalArgumentException.class, () -> ix.search(new float[2], k, new int[1], new float[1]));
                assertThrows(IllegalArgumentException.class, () -> ix.searchBatch(new float[][] {new float[2]}, k));
                assertThrows(IllegalArgumentException.class, () -> ix.searchBatch(new float[2], k, new int[1], new float[1]));
            }
            // k larger than the index: all vectors; huge k allocates nothing large
            assertEquals(1, ix.search(new float[2], Integer.MAX_VALUE).size());
            assertThrows(IllegalArgumentException.class, () -> ix.search(new float[2], 2, new int[1], new float[2]));
        }
    }

    @Test
    void nanAndInfinityAreRejectedAndNothingIsAdded() {
        try (FlatIndex ix = floats(2, Metric.COSINE, new float[] {1, 2})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ix.add(new float[] {1, 2, 3, Float.NaN}));
            assertTrue(e.getMessage().contains("component 1 of vector 2"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ix.add(new float[] {Float.POSITIVE_INFINITY, 0}));
            assertThrows(IllegalArgumentException.class, () -> ix.add(new float[][] {{1, 1}, {Float.NEGATIVE_INFINITY, 0}}));
            ByteBuffer nanBuffer = ByteBuffer.allocateDirect(8);
            nanBuffer.putFloat(0, Float.NaN);
            assertThrows(IllegalArgumentException.class, () -> ix.add(nanBuffer));
            assertEquals(1, ix.size(), "a rejected batch adds nothing");
            assertThrows(IllegalArgumentException.class, () -> ix.search(new float[] {Float.NaN, 0}, 1));
            assertThrows(IllegalArgumentException.class, () -> ix.searchBatch(new float[][] {{0, 0}, {0, Float.POSITIVE_INFINITY}}, 1));
            assertEquals(1, ix.add(new float[][] {{3, 4}}));
        }
    }

    @Test
    void nanScoresRankLast() {
        // finite components whose products overflow: vector 0 scores +inf + -inf = NaN
        try (FlatIndex ix = floats(2, Metric.DOT_PRODUCT, new float[] {3e38f, -3e38f}, new float[] {-1, -1}, new float[] {1, 1})) {
            SearchResult r = ix.search(new float[] {1e38f, 1e38f}, 3);
            assertArrayEquals(new int[] {2, 1, 0}, r.ids());
            assertTrue(Float.isNaN(r.score(2)));
        }
    }

    @Test
    void emptyAndClosedIndex() {
        FlatIndex ix = new FlatIndex(2, Metric.DOT_PRODUCT, ElementType.FLOAT32);
        assertThrows(IllegalStateException.class, () -> ix.search(new float[2], 1));
        assertThrows(IllegalStateException.class, () -> ix.search(new float[2], 1, new int[1], new float[1]));
        assertThrows(IllegalStateException.class, () -> ix.searchBatch(new float[][] {new float[2]}, 1));
        assertThrows(IllegalStateException.class, () -> ix.searchBatch(new float[2], 1, new int[1], new float[1]));
        ix.add(new float[] {1, 1});
        ix.close();
        ix.close();
        assertTrue(ix.isClosed());
        assertThrows(IllegalStateException.class, () -> ix.search(new float[2], 1));
        assertThrows(IllegalStateException.class, () -> ix.add(new float[2]));
        assertThrows(IllegalStateException.class, ix::size);
    }

    @Test
    void nullArguments() {
        try (FlatIndex ix = floats(2, Metric.DOT_PRODUCT, new float[] {1, 1})) {
            assertThrows(NullPointerException.class, () -> ix.add((float[]) null));
            assertThrows(NullPointerException.class, () -> ix.add((float[][]) null));
            assertThrows(NullPointerException.class, () -> ix.add(new float[][] {null}));
            assertThrows(NullPointerException.class, () -> ix.add((ByteBuffer) null));
            assertThrows(NullPointerException.class, () -> ix.search((float[]) null, 1));
            assertThrows(NullPointerException.class, () -> ix.search(new float[2], 1, null, new float[1]));
            assertThrows(NullPointerException.class, () -> ix.search(new float[2], 1, new int[1], null));
            assertThrows(NullPointerException.class, () -> ix.searchBatch((float[][]) null, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> ix.add(new float[4], 3, 2));
            assertEquals(1, ix.size());
        }
    }

    @Test
    void memoryCapGivesAClearErrorAndKeepsTheIndex() {
        // 8 dims of float32 = 32 bytes per vector: a 1000-byte cap holds 31
        try (FlatIndex ix = new FlatIndex(8, Metric.L2_SQUARED, ElementType.FLOAT32, 1000)) {
            ix.add(new float[8 * 31]);
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> ix.add(new float[8]));
            assertTrue(e.getMessage().contains("memory cap") && e.getMessage().contains("1000"), e.getMessage());
            assertThrows(OutOfMemoryError.class, () -> ix.add(new float[][] {new float[8]}));
            assertEquals(31, ix.size());
            assertTrue(ix.memoryBytes() <= 1000);
            assertEquals(31, ix.search(new float[8], 100).size());
        }
    }

    @Test
    void nativeStatsCountTheIndexAndItsMemory() {
        long before = Ferric.nativeStats().nativeBytes();
        FlatIndex ix = new FlatIndex(256, Metric.COSINE, ElementType.FLOAT32);
        assertEquals(1L, Ferric.nativeStats().liveByKind().get("FlatIndex"));
        ix.add(new float[256 * 4096]);
        long vectors = 256L * 4 * 4096;
        assertTrue(ix.memoryBytes() >= vectors);
        assertTrue(Ferric.nativeStats().nativeBytes() - before >= vectors, Ferric.nativeStats().toString());
        ix.close();
        assertFalse(Ferric.nativeStats().liveByKind().containsKey("FlatIndex"));
        assertTrue(Ferric.nativeStats().nativeBytes() - before < vectors / 2, Ferric.nativeStats().toString());
    }

    @Test
    void tiesAreOrderedById() {
        try (FlatIndex ix = new FlatIndex(4, Metric.L2_SQUARED, ElementType.INT8)) {
            byte[] same = new byte[4 * 5000];
            java.util.Arrays.fill(same, (byte) 3);
            ix.add(same);
            ix.add(new byte[] {0, 0, 0, 1});
            SearchResult r = ix.search(new byte[4], 6);
            assertArrayEquals(new int[] {5000, 0, 1, 2, 3, 4}, r.ids());
            assertArrayEquals(new float[] {1, 36, 36, 36, 36, 36}, r.scores());
        }
    }

    @Test
    void callerArrayFormsAndPadding() {
        try (FlatIndex ix = floats(2, Metric.DOT_PRODUCT, new float[] {1, 0}, new float[] {0, 1})) {
            int[] ids = {9, 9, 9, 9, 9, 9};
            float[] scores = new float[6];
            assertEquals(2, ix.search(new float[] {0, 2}, 3, ids, scores));
            assertArrayEquals(new int[] {1, 0, 9, 9, 9, 9}, ids);
            assertEquals(2, ix.searchBatch(new float[] {0, 2, 3, 0}, 3, ids, scores));
            assertArrayEquals(new int[] {1, 0, -1, 0, 1, -1}, ids);
            assertArrayEquals(new float[] {2, 0, Float.NaN, 3, 0, Float.NaN}, scores);
        }
    }

    /** Adds grow (and move) the vectors while other threads search: searches never see a torn index. */
    @Test
    void addsAndSearchesFromManyThreads() throws Exception {
        Random r = new Random(12);
        int dim = 32;
        float[] batch = Reference.randomFloats(r, dim * 500);
        try (FlatIndex ix = new FlatIndex(dim, Metric.L2_SQUARED, ElementType.FLOAT32)) {
            ix.add(batch);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> fs = new ArrayList<>();
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) ix.add(batch);
                    return null;
                }));
                for (int t = 0; t < 3; t++) {
                    fs.add(pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            SearchResult res = ix.search(java.util.Arrays.copyOf(batch, dim), 3);
                            // vector 0 and its copies (ids 500, 1000, ...) are at distance 0
                            assertEquals(0f, res.score(0));
                            assertEquals(0, res.id(0));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : fs) f.get();
            } finally {
                pool.shutdown();
            }
            assertEquals(500 * 201, ix.size());
        }
    }

    @Test
    void concurrentSearchesAgree() throws Exception {
        Random r = new Random(11);
        int dim = 64;
        try (FlatIndex ix = new FlatIndex(dim, Metric.COSINE, ElementType.FLOAT32)) {
            ix.add(Reference.randomFloats(r, dim * 20_000));
            float[] q = Reference.randomFloats(r, dim);
            SearchResult expected = ix.search(q, 10);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<SearchResult>> fs = new ArrayList<>();
                for (int i = 0; i < 16; i++) fs.add(pool.submit(() -> ix.search(q, 10)));
                for (Future<SearchResult> f : fs) assertArrayEquals(expected.ids(), f.get().ids());
            } finally {
                pool.shutdown();
            }
        }
    }
}
