package dev.ferric.bench;

import java.util.SplittableRandom;

/** The benchmark data set: 100,000 random vectors of dimension 768 and 16 queries, float32 and int8. */
final class VectorsData {
    static final int COUNT = 100_000;
    static final int DIM = 768;
    static final int K = 10;
    static final int BATCH = 16;

    private VectorsData() {}

    /** {@code n} uniform floats in [-1, 1), seeded. */
    static float[] floats(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextDouble() * 2 - 1);
        return v;
    }

    /** {@code n} uniform int8 values, seeded. */
    static byte[] bytes(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) v[i] = (byte) r.nextInt(256);
        return v;
    }
}
