package dev.ferric.bench;

/**
 * The top-k selection the pure-Java contenders use: a sorted array of k entries, larger score first,
 * ties by smaller id (the same order ferric returns). Inserting costs O(k) only when a score beats
 * the current k-th, which on random data is rare after the first few hundred vectors.
 */
final class TopK {
    final int[] ids;
    final float[] scores;
    int size;

    TopK(int k) {
        ids = new int[k];
        scores = new float[k];
    }

    void clear() {
        size = 0;
    }

    /** Offers vector {@code id} with {@code score}; ids arrive in increasing order. */
    void offer(int id, float score) {
        int k = ids.length;
        if (size == k && score <= scores[k - 1]) return;
        int i = size < k ? size++ : k - 1;
        while (i > 0 && scores[i - 1] < score) {
            scores[i] = scores[i - 1];
            ids[i] = ids[i - 1];
            i--;
        }
        scores[i] = score;
        ids[i] = id;
    }
}
