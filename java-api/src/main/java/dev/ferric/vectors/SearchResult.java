package dev.ferric.vectors;

import java.util.Arrays;

/**
 * The nearest vectors for one query, best first: ids in insertion order of {@link FlatIndex#add}
 * and their scores under the index's {@link Metric}. Equal scores are ordered by the smaller id.
 */
public final class SearchResult {
    private final int[] ids;
    private final float[] scores;

    SearchResult(int[] ids, float[] scores) {
        this.ids = ids;
        this.scores = scores;
    }

    /** Number of results: {@code min(k, index size)}. */
    public int size() {
        return ids.length;
    }

    /** Id of the result at {@code rank} (0 = best). */
    public int id(int rank) {
        return ids[rank];
    }

    /** Score of the result at {@code rank} (0 = best). */
    public float score(int rank) {
        return scores[rank];
    }

    /** A copy of the ids, best first. */
    public int[] ids() {
        return ids.clone();
    }

    /** A copy of the scores, best first. */
    public float[] scores() {
        return scores.clone();
    }

    @Override
    public String toString() {
        return "SearchResult{ids=" + Arrays.toString(ids) + ", scores=" + Arrays.toString(scores) + "}";
    }
}
