package dev.ferric.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The single-pair functions: values, long arrays (several critical sections), offsets, bad input. */
class VectorsTest {
    @Test
    void longArraysAcrossSeveralChunks() {
        Random r = new Random(5);
        int n = 200_003; // > 3 chunks of 65,536
        float[] a = Reference.randomFloats(r, n);
        float[] b = Reference.randomFloats(r, n);
        double[] a64 = Reference.toDouble(a), b64 = Reference.toDouble(b);
        for (Metric m : Reference.NUMERIC) {
            float got = FlatIndexReferenceTest.pair(m, a, b);
            assertTrue(Math.abs(got - Reference.score(m, a64, b64)) <= Reference.tolerance(m, a64, b64), m + ": " + got);
        }
        byte[] x = Reference.randomBytes(r, n);
        byte[] y = Reference.randomBytes(r, n);
        double[] x64 = Reference.toDouble(x), y64 = Reference.toDouble(y);
        for (Metric m : Reference.NUMERIC) {
            assertEquals((float) Reference.score(m, x64, y64), FlatIndexReferenceTest.pair(m, x, y), m.toString());
        }
    }

    /**
     * Small positive integers: every partial sum is exact in float, so every kernel must give the exact
     * answer whatever its lanes and blocks (a lane it forgets is then a wrong answer, not a rounding
     * difference hidden by the tolerance above). Lengths around the 16- and 64-element blocks.
     */
    @Test
    void exactWhereEveryPartialSumIsExact() {
        for (int n : new int[] {1, 15, 16, 17, 31, 63, 64, 65, 67, 1000}) {
            float[] a = new float[n], b = new float[n];
            long dot = 0, l2 = 0;
            for (int i = 0; i < n; i++) {
                a[i] = 1 + i % 7;
                b[i] = 1 + i % 5;
                dot += (long) (a[i] * b[i]);
                l2 += (long) ((a[i] - b[i]) * (a[i] - b[i]));
            }
            assertEquals((float) dot, Vectors.dot(a, b), "dot, n=" + n);
            assertEquals((float) l2, Vectors.l2Squared(a, b), "l2Squared, n=" + n);
        }
    }

    @Test
    void offsetsAndTheSameArrayTwice() {
        float[] v = {9, 1, 2, 3, 9};
        assertEquals(14f, Vectors.dot(v, 1, v, 1, 3));
        assertEquals(14f, Vectors.dot(v, v) - 162f);
        assertEquals(1f, Vectors.cosine(v, 1, v, 1, 3), 1e-6f);
        assertEquals(2f, Vectors.l2Squared(v, 1, v, 2, 2));
        byte[] b = {-128, 127, 5};
        assertEquals(-128f * 127 * 2 + 0f, Vectors.dot(b, 0, b, 1, 1) * 2);
        assertEquals(255f * 255 + 122f * 122, Vectors.l2Squared(b, 0, b, 1, 2));
        assertEquals(0f, Vectors.dot(new float[0], new float[0]));
    }

    @Test
    void cosineOfZeroVectorIsZero() {
        assertEquals(0f, Vectors.cosine(new float[3], new float[] {1, 2, 3}));
        assertEquals(0f, Vectors.cosine(new byte[3], new byte[3]));
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[2], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Vectors.l2Squared(new byte[2], new byte[3]));
        assertThrows(NullPointerException.class, () -> Vectors.cosine((float[]) null, new float[1]));
        assertThrows(NullPointerException.class, () -> Vectors.dot(new byte[1], null));
        assertThrows(IndexOutOfBoundsException.class, () -> Vectors.dot(new float[4], 2, new float[4], 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Vectors.dot(new byte[4], 0, new byte[4], -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Vectors.cosine(new float[4], 0, new float[4], 0, -1));
    }
}
