package dev.ferric.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * Plain double-precision brute force, the yardstick for every ferric result, and the documented
 * float32 error bound.
 */
final class Reference {
    private Reference() {}

    /** The metrics of float32 and int8 vectors ({@link Metric#HAMMING} is for binary vectors). */
    static final Metric[] NUMERIC = {Metric.DOT_PRODUCT, Metric.COSINE, Metric.L2_SQUARED};

    /** 2⁻²³: the unit of the documented float32 error bounds. */
    static final double EPS = Math.ulp(1.0f);

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    static double[] toDouble(byte[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    static double score(Metric m, double[] a, double[] b) {
        double dot = 0, aa = 0, bb = 0, l2 = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
            l2 += (a[i] - b[i]) * (a[i] - b[i]);
        }
        switch (m) {
            case DOT_PRODUCT: return dot;
            case L2_SQUARED: return l2;
            default: return aa == 0 || bb == 0 ? 0 : dot / (Math.sqrt(aa) * Math.sqrt(bb));
        }
    }

    /** The documented bound on |float32 score − exact score| (the float result's own rounding included). */
    static double tolerance(Metric m, double[] a, double[] b) {
        int n = a.length;
        double abs = 0, aa = 0, bb = 0, l2 = 0;
        for (int i = 0; i < n; i++) {
            abs += Math.abs(a[i] * b[i]);
            aa += a[i] * a[i];
            bb += b[i] * b[i];
            l2 += (a[i] - b[i]) * (a[i] - b[i]);
        }
        switch (m) {
            case DOT_PRODUCT: return n * EPS * abs + EPS * abs + Double.MIN_VALUE;
            case L2_SQUARED: return (n + 3) * EPS * l2 + Double.MIN_VALUE;
            default: return aa == 0 || bb == 0 ? 0 : (n + 1) * EPS * abs / Math.sqrt(aa * bb) + EPS;
        }
    }

    /**
     * The error float32 sums actually show on random data: rounding errors of random sign grow like
     * √n, not n, so this is the worst-case {@link #tolerance} scaled by 4/√(n+1). Used only to decide
     * which ranks have no near-tie and must therefore hold identical ids.
     */
    static double typicalError(Metric m, double[] a, double[] b) {
        return tolerance(m, a, b) * 4 / Math.sqrt(a.length + 1);
    }

    static boolean higherIsBetter(Metric m) {
        return m != Metric.L2_SQUARED;
    }

    /** All ids ranked best first (ties by id) with their exact scores: row i = {id, score}. */
    static double[][] rank(Metric m, double[][] data, double[] q) {
        double[][] s = new double[data.length][];
        for (int i = 0; i < data.length; i++) s[i] = new double[] {i, score(m, data[i], q)};
        Comparator<double[]> byScore = Comparator.comparingDouble(r -> higherIsBetter(m) ? -r[1] : r[1]);
        Arrays.sort(s, byScore.thenComparingDouble(r -> r[0]));
        return s;
    }

    /**
     * ferric's top-k against the exact ranking. At every rank the exact score of ferric's id must
     * equal the exact k-th best score within the float32 bound, and where the reference has no other
     * score within twice the {@link #typicalError} (no near-tie), the ids must be identical. Exact types (int8 dot and L2)
     * pass {@code exact = true}: then ids and scores must be identical everywhere. Returns how many
     * ranks hold the identical id.
     */
    static int assertSameTopK(String what, Metric m, double[][] data, double[] q, int[] ids, float[] scores, int n, int k, boolean exact) {
        double[][] all = rank(m, data, q);
        double[] exactOf = new double[data.length];
        for (double[] r : all) exactOf[(int) r[0]] = r[1];
        assertEquals(Math.min(k, data.length), n, what + ": result count");
        int strict = 0;
        for (int j = 0; j < n; j++) {
            int want = (int) all[j][0];
            double wantScore = all[j][1];
            if (exact) {
                assertEquals(want, ids[j], what + ": rank " + j);
                assertEquals((float) wantScore, scores[j], what + ": score at rank " + j);
                strict++;
                continue;
            }
            double tol = Math.max(tolerance(m, data[want], q), tolerance(m, data[ids[j]], q));
            assertTrue(Math.abs(exactOf[ids[j]] - wantScore) <= 2 * tol,
                    what + ": rank " + j + " got id " + ids[j] + " (exact " + exactOf[ids[j]] + "), want " + want + " (" + wantScore + ")");
            assertTrue(Math.abs(scores[j] - exactOf[ids[j]]) <= tolerance(m, data[ids[j]], q),
                    what + ": score " + scores[j] + " of id " + ids[j] + " vs exact " + exactOf[ids[j]]);
            double typical = typicalError(m, data[want], q);
            boolean isolated = (j == 0 || Math.abs(all[j - 1][1] - wantScore) > 2 * typical)
                    && (j + 1 >= all.length || Math.abs(all[j + 1][1] - wantScore) > 2 * typical);
            if (isolated) assertEquals(want, ids[j], what + ": rank " + j);
            if (want == ids[j]) strict++;
        }
        return strict;
    }

    static float[] randomFloats(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() * 2 - 1;
        return v;
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] v = new byte[n];
        r.nextBytes(v);
        return v;
    }
}
