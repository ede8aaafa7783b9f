package dev.ferric.vectors;

import dev.ferric.NativeResource;
import dev.ferric.internal.Checks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An exact (brute-force) nearest-neighbour index: vectors of one dimension and {@link ElementType},
 * compared by one {@link Metric}, kept in native memory. Every search scores the query against every
 * vector with SIMD kernels chosen for this CPU ({@link Vectors#kernelName()}) and returns the true
 * top k, so recall is 1.0 by construction.
 *
 * <pre>{@code
 * try (FlatIndex index = new FlatIndex(768, Metric.COSINE, ElementType.FLOAT32)) {
 *     index.add(embeddings);                      // float[][]; ids 0, 1, 2, ... in order
 *     SearchResult r = index.search(query, 10);   // best first
 *     int best = r.id(0);
 * }
 * }</pre>
 *
 * <p><b>Element types and metrics.</b> float32 and int8 vectors are compared by
 * {@link Metric#DOT_PRODUCT}, {@link Metric#COSINE} or {@link Metric#L2_SQUARED}; {@link ElementType#BINARY}
 * vectors (the dimension counts bits, a multiple of 8; each vector is {@code dimension / 8} bytes) by
 * {@link Metric#HAMMING} only. The {@code byte[]} and {@code ByteBuffer} methods serve both int8 and
 * binary indexes; their lengths are in bytes, so for a binary index a vector is {@code dimension / 8}
 * of them.
 *
 * <p><b>Ids and order.</b> Vectors get ids {@code 0, 1, 2, ...} in the order they are added. Results
 * are ordered best first: by descending score for {@link Metric#DOT_PRODUCT} and {@link Metric#COSINE},
 * by ascending score for {@link Metric#L2_SQUARED} and {@link Metric#HAMMING}; equal scores by
 * ascending id, so results are deterministic whatever the threading. A search returns
 * {@code min(k, size())} results.
 *
 * <p><b>Precision.</b> float32 scores are computed in float32 (several partial sums, fused
 * multiply-add), each within a documented bound of the exact value: {@code (dim+1)·2⁻²³·Σ|qᵢvᵢ|}
 * for the dot product, {@code (dim+3)·2⁻²³·Σ(qᵢ−vᵢ)²} for squared L2, and for cosine the dot bound
 * divided by {@code |q|·|v|} plus {@code 2⁻²³} (norms and the division are in double precision).
 * The top k are therefore those of exact arithmetic except among vectors whose exact scores lie
 * within that bound of each other. int8 dot products and distances are exact integers, ranked
 * exactly (returned as {@code float}, hence rounded above 2²⁴). Hamming distances are exact (at most
 * {@value #MAX_DIMENSION}, so exact as {@code float} too).
 *
 * <p><b>NaN and infinity.</b> {@code add} and {@code search} reject vectors with a NaN or infinite
 * component ({@link IllegalArgumentException} naming the vector and component; nothing of that call is
 * added). Finite vectors whose products overflow can still score ±infinity or NaN; a NaN score ranks
 * below every other score.
 *
 * <p><b>Memory contract.</b> {@code add} copies the vectors into native memory owned by this index
 * (heap arrays by a region copy, direct buffers read in place during the call); nothing stays pinned
 * and no argument is referenced after a call returns. Storage grows geometrically and never beyond
 * {@link #maxBytes()}: an add that would exceed it throws {@link OutOfMemoryError} (like a direct
 * buffer beyond {@code -XX:MaxDirectMemorySize}), as does a failed native allocation; the index is
 * then unchanged. {@code dev.ferric.Ferric.nativeStats()} counts the index (kind {@code FlatIndex})
 * and its bytes until {@link #close()}. Queries are copied per call (a few KiB).
 *
 * <p><b>Threads.</b> Searches run concurrently from many threads, also while another thread adds: an
 * {@code add} waits for the searches in progress and holds new ones back until it returns (adding may
 * move the vectors in memory). Adds from two threads at once are not supported: the second throws
 * {@link java.util.ConcurrentModificationException} (the rule every ferric object with native state
 * follows: reading calls run together, a changing call runs alone, two changing calls at once are a
 * misuse); let one thread add, or serialize adds with a lock of your own. Large scans (over 1 MiB of vectors ×
 * queries) are split across all cores (one shared pool of native threads).
 *
 * <p><b>Errors.</b> {@link NullPointerException} for null arguments; {@link IllegalArgumentException}
 * for a wrong dimension or element type, a metric that does not go with the element type,
 * {@code k <= 0}, NaN/infinite components and output arrays that are too short;
 * {@link IndexOutOfBoundsException} for ranges outside an array;
 * {@link IllegalStateException} for a search on an empty index and for any use after {@link #close()};
 * {@link UnsatisfiedLinkError} if the native library could not be loaded.
 */
public final class FlatIndex extends NativeResource {
    /** Largest supported dimension (for {@link ElementType#BINARY}, in bits). */
    public static final int MAX_DIMENSION = 65536;

    private static final String KIND = "FlatIndex";

    private final int dimension;
    private final Metric metric;
    private final ElementType elementType;
    private final long maxBytes;
    /** Array elements per vector: floats or bytes ({@code dimension / 8} bytes for binary vectors). */
    private final int vectorLength;
    /** Vectors added, kept here so that a search needs no call to ask; written inside the add's exclusive call. */
    private int size;

    /** An empty index with no memory cap beyond what the allocator can give. */
    public FlatIndex(int dimension, Metric metric, ElementType elementType) {
        this(dimension, metric, elementType, Long.MAX_VALUE);
    }

    /**
     * An empty index whose vectors may take at most {@code maxBytes} of native memory
     * ({@link ElementType#vectorBytes(int) elementType.vectorBytes(dimension)} bytes per vector, plus 8
     * for {@link Metric#COSINE}).
     *
     * @throws IllegalArgumentException if {@code dimension} is not in [1, {@value #MAX_DIMENSION}] (for
     *     {@link ElementType#BINARY}: not a multiple of 8), {@code maxBytes <= 0}, or {@code metric} does
     *     not go with {@code elementType} ({@link Metric#HAMMING} if and only if {@link ElementType#BINARY})
     */
    public FlatIndex(int dimension, Metric metric, ElementType elementType, long maxBytes) {
        super(create(dimension, metric, elementType, maxBytes), h -> FlatIndexNative.get().free(h), KIND);
        this.dimension = dimension;
        this.metric = metric;
        this.elementType = elementType;
        this.maxBytes = maxBytes;
        this.vectorLength = elementType == ElementType.FLOAT32 ? dimension : elementType.vectorBytes(dimension);
    }

    private static long create(int dimension, Metric metric, ElementType elementType, long maxBytes) {
        Checks.requireNonNull(metric, "metric");
        Checks.requireNonNull(elementType, "elementType");
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be in [1, " + MAX_DIMENSION + "], was " + dimension);
        }
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be > 0, was " + maxBytes);
        if ((metric == Metric.HAMMING) != (elementType == ElementType.BINARY)) {
            throw new IllegalArgumentException(metric + " does not apply to " + elementType
                    + " vectors (HAMMING goes with BINARY, and only with it)");
        }
        if (elementType == ElementType.BINARY && dimension % 8 != 0) {
            throw new IllegalArgumentException("a BINARY dimension counts bits and must be a multiple of 8, was " + dimension);
        }
        return FlatIndexNative.get().create(dimension, metric.code(), elementType.code(), maxBytes);
    }

    /** Number of components of every vector (bits, for {@link ElementType#BINARY}). */
    public int dimension() {
        return dimension;
    }

    public Metric metric() {
        return metric;
    }

    public ElementType elementType() {
        return elementType;
    }

    /** The cap on this index's native memory given at construction ({@link Long#MAX_VALUE}: none). */
    public long maxBytes() {
        return maxBytes;
    }

    /** Number of vectors added. */
    public int size() {
        return withSharedInt(h -> size);
    }

    /** Native bytes allocated for the vectors (capacity included). */
    public long memoryBytes() {
        return withShared(h -> FlatIndexNative.get().memoryBytes(h));
    }

    // ---------------------------------------------------------------- add

    /**
     * Adds one or more float32 vectors stored one after another ({@code vectors.length} a positive
     * multiple of the dimension). Returns the id of the first.
     */
    public int add(float[] vectors) {
        Checks.requireNonNull(vectors, "vectors");
        return add(vectors, 0, vectors.length);
    }

    /** Adds the float32 vectors stored one after another in {@code vectors[off, off + len)}. Returns the id of the first. */
    public int add(float[] vectors, int off, int len) {
        Checks.requireNonNull(vectors, "vectors");
        Checks.checkFromIndexSize(off, len, vectors.length);
        requireType(ElementType.FLOAT32);
        checkMultiple(len);
        return withExclusive(h -> added(FlatIndexNative.get().addFloats(h, vectors, off, len), len / vectorLength));
    }

    /** Adds float32 vectors, one per row (all or none). Returns the id of the first. */
    public int add(float[][] vectors) {
        Checks.requireNonNull(vectors, "vectors");
        requireType(ElementType.FLOAT32);
        for (int i = 0; i < vectors.length; i++) checkRow(vectors[i] == null ? -1 : vectors[i].length, i);
        return addRows(vectors, vectors.length);
    }

    /**
     * Adds one or more int8 or binary vectors stored one after another ({@code vectors.length} a
     * positive multiple of the vector length: the dimension for int8, {@code dimension / 8} bytes for
     * binary). Returns the id of the first.
     */
    public int add(byte[] vectors) {
        Checks.requireNonNull(vectors, "vectors");
        return add(vectors, 0, vectors.length);
    }

    /** Adds the int8 or binary vectors stored one after another in {@code vectors[off, off + len)}. Returns the id of the first. */
    public int add(byte[] vectors, int off, int len) {
        Checks.requireNonNull(vectors, "vectors");
        Checks.checkFromIndexSize(off, len, vectors.length);
        requireBytes();
        checkMultiple(len);
        return withExclusive(h -> added(FlatIndexNative.get().addBytes(h, vectors, off, len), len / vectorLength));
    }

    /** Adds int8 or binary vectors, one per row (all or none). Returns the id of the first. */
    public int add(byte[][] vectors) {
        Checks.requireNonNull(vectors, "vectors");
        requireBytes();
        for (int i = 0; i < vectors.length; i++) checkRow(vectors[i] == null ? -1 : vectors[i].length, i);
        return addRows(vectors, vectors.length);
    }

    /**
     * Adds the vectors in the remaining bytes of {@code vectors} and advances its position to its
     * limit. int8 indexes take one byte per component, binary indexes 8 components per byte; float32
     * indexes take 4-byte IEEE floats in the buffer's {@link ByteBuffer#order() byte order}. A direct buffer is read in place during the call.
     * Returns the id of the first.
     */
    public int add(ByteBuffer vectors) {
        Checks.requireNonNull(vectors, "vectors");
        int pos = vectors.position();
        int len = vectors.remaining();
        long perVector = elementType.vectorBytes(dimension);
        if (len == 0 || len % perVector != 0) {
            throw new IllegalArgumentException(len + " bytes is not a positive multiple of the vector size " + perVector);
        }
        boolean little = vectors.order() == ByteOrder.LITTLE_ENDIAN;
        int first;
        if (vectors.isDirect()) {
            first = withExclusive(h -> added(FlatIndexNative.get().addDirect(h, vectors, pos, len, little), (int) (len / perVector)));
        } else if (elementType != ElementType.FLOAT32 && vectors.hasArray()) {
            first = add(vectors.array(), vectors.arrayOffset() + pos, len);
        } else {
            // float32 from a heap buffer (or a read-only one): decode in Java, honouring its byte order
            ByteBuffer view = vectors.duplicate().order(vectors.order());
            if (elementType != ElementType.FLOAT32) {
                byte[] copy = new byte[len];
                view.get(copy);
                first = add(copy);
            } else {
                float[] copy = new float[len / 4];
                view.asFloatBuffer().get(copy);
                first = add(copy);
            }
        }
        vectors.position(pos + len);
        return first;
    }

    private int addRows(Object rows, int count) {
        if (count == 0) throw new IllegalArgumentException("no vectors to add");
        return withExclusive(h -> {
            int before = size;
            FlatIndexNative.get().reserve(h, count);
            boolean done = false;
            try {
                for (int i = 0; i < count; i++) {
                    if (rows instanceof float[][]) {
                        FlatIndexNative.get().addFloats(h, ((float[][]) rows)[i], 0, vectorLength);
                    } else {
                        FlatIndexNative.get().addBytes(h, ((byte[][]) rows)[i], 0, vectorLength);
                    }
                }
                done = true;
                size = before + count;
            } finally {
                // all or none: a bad row (its message names the id it would have had) undoes the batch
                if (!done) FlatIndexNative.get().truncate(h, before);
            }
            return before;
        });
    }

    // ---------------------------------------------------------------- search

    /**
     * The {@code min(k, size())} vectors nearest to a float32 {@code query}, best first.
     *
     * @throws IllegalStateException if the index is empty or closed
     */
    public SearchResult search(float[] query, int k) {
        checkQuery(query, ElementType.FLOAT32);
        checkK(k);
        return withShared(h -> {
            int n = Math.min(k, size);
            int[] ids = new int[n];
            float[] scores = new float[n];
            FlatIndexNative.get().searchFloats(h, query, 0, n == 0 ? k : n, ids, scores, 0);
            return new SearchResult(ids, scores);
        });
    }

    /**
     * Writes the {@code min(k, size())} vectors nearest to a float32 {@code query} into
     * {@code ids[0, n)} and {@code scores[0, n)}, best first, and returns {@code n}. Allocates nothing
     * on the Java heap: the form for hot loops.
     *
     * @throws IllegalArgumentException if {@code ids} or {@code scores} is shorter than {@code k}
     */
    public int search(float[] query, int k, int[] ids, float[] scores) {
        checkQuery(query, ElementType.FLOAT32);
        checkOut(k, 1, ids, scores);
        return withSharedInt(h -> FlatIndexNative.get().searchFloats(h, query, 0, k, ids, scores, 0));
    }

    /**
     * The {@code min(k, size())} vectors nearest to an int8 or binary {@code query}
     * ({@code dimension / 8} bytes for binary), best first.
     */
    public SearchResult search(byte[] query, int k) {
        checkQuery(query, null);
        checkK(k);
        return withShared(h -> {
            int n = Math.min(k, size);
            int[] ids = new int[n];
            float[] scores = new float[n];
            FlatIndexNative.get().searchBytes(h, query, 0, n == 0 ? k : n, ids, scores, 0);
            return new SearchResult(ids, scores);
        });
    }

    /** As {@link #search(float[], int, int[], float[])}, for an int8 or binary query. */
    public int search(byte[] query, int k, int[] ids, float[] scores) {
        checkQuery(query, null);
        checkOut(k, 1, ids, scores);
        return withSharedInt(h -> FlatIndexNative.get().searchBytes(h, query, 0, k, ids, scores, 0));
    }

    /**
     * The nearest vectors for each of many float32 queries, in one pass over the index: it is read
     * in cache-sized blocks, each scored against every query, so memory traffic is shared.
     */
    public SearchResult[] searchBatch(float[][] queries, int k) {
        Checks.requireNonNull(queries, "queries");
        checkK(k);
        requireType(ElementType.FLOAT32);
        float[] flat = new float[Math.multiplyExact(queries.length, vectorLength)];
        for (int i = 0; i < queries.length; i++) {
            checkRow(queries[i] == null ? -1 : queries[i].length, i);
            System.arraycopy(queries[i], 0, flat, i * vectorLength, vectorLength);
        }
        return batch(flat, queries.length, k);
    }

    /**
     * Searches {@code queries.length / dimension} float32 queries stored one after another. Results go
     * to {@code ids}/{@code scores} at stride {@code k}: query {@code q}'s results at
     * {@code [q·k, q·k + n)}, where {@code n = min(k, size())} is returned; entries {@code [q·k + n, (q+1)·k)}
     * get id −1 and score NaN. Allocates nothing on the Java heap.
     *
     * @throws IllegalArgumentException if {@code queries.length} is not a positive multiple of the
     *     dimension, or {@code ids}/{@code scores} hold fewer than {@code count·k} entries
     */
    public int searchBatch(float[] queries, int k, int[] ids, float[] scores) {
        Checks.requireNonNull(queries, "queries");
        requireType(ElementType.FLOAT32);
        checkMultiple(queries.length);
        int count = queries.length / vectorLength;
        checkOut(k, count, ids, scores);
        return withSharedInt(h -> FlatIndexNative.get().searchBatchFloats(h, queries, 0, count, k, ids, scores, 0));
    }

    /** As {@link #searchBatch(float[][], int)}, for int8 or binary queries. */
    public SearchResult[] searchBatch(byte[][] queries, int k) {
        Checks.requireNonNull(queries, "queries");
        checkK(k);
        requireBytes();
        byte[] flat = new byte[Math.multiplyExact(queries.length, vectorLength)];
        for (int i = 0; i < queries.length; i++) {
            checkRow(queries[i] == null ? -1 : queries[i].length, i);
            System.arraycopy(queries[i], 0, flat, i * vectorLength, vectorLength);
        }
        return batch(flat, queries.length, k);
    }

    /** As {@link #searchBatch(float[], int, int[], float[])}, for int8 or binary queries. */
    public int searchBatch(byte[] queries, int k, int[] ids, float[] scores) {
        Checks.requireNonNull(queries, "queries");
        requireBytes();
        checkMultiple(queries.length);
        int count = queries.length / vectorLength;
        checkOut(k, count, ids, scores);
        return withSharedInt(h -> FlatIndexNative.get().searchBatchBytes(h, queries, 0, count, k, ids, scores, 0));
    }

    private SearchResult[] batch(Object flat, int count, int k) {
        SearchResult[] out = new SearchResult[count];
        if (count == 0) return out;
        return withShared(h -> {
            int n = size == 0 ? k : Math.min(k, size);
            int[] ids = new int[Math.multiplyExact(count, n)];
            float[] scores = new float[ids.length];
            if (flat instanceof float[]) {
                FlatIndexNative.get().searchBatchFloats(h, (float[]) flat, 0, count, n, ids, scores, 0);
            } else {
                FlatIndexNative.get().searchBatchBytes(h, (byte[]) flat, 0, count, n, ids, scores, 0);
            }
            for (int q = 0; q < count; q++) {
                int[] i = new int[n];
                float[] s = new float[n];
                System.arraycopy(ids, q * n, i, 0, n);
                System.arraycopy(scores, q * n, s, 0, n);
                out[q] = new SearchResult(i, s);
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- bookkeeping

    /** Records {@code count} vectors added from id {@code first} (inside the add's call); returns {@code first}. */
    private int added(int first, int count) {
        size = first + count;
        return first;
    }

    // ---------------------------------------------------------------- checks

    private void requireType(ElementType t) {
        if (elementType != t) {
            throw new IllegalArgumentException("this index holds " + elementType + " vectors, not " + t);
        }
    }

    /** The {@code byte[]} forms: int8 and binary indexes. */
    private void requireBytes() {
        if (elementType == ElementType.FLOAT32) {
            throw new IllegalArgumentException("this index holds FLOAT32 vectors, not bytes");
        }
    }

    /** What a vector is, for messages: "the dimension is 3", "a vector is 4 bytes (32 bits)". */
    private String shape() {
        return elementType == ElementType.BINARY
                ? "a vector is " + vectorLength + " bytes (" + dimension + " bits)"
                : "the dimension is " + dimension;
    }

    private void checkMultiple(int len) {
        if (len == 0 || len % vectorLength != 0) {
            throw new IllegalArgumentException("length " + len + " is not a positive multiple of the vector length: " + shape());
        }
    }

    private void checkRow(int len, int row) {
        if (len < 0) throw new NullPointerException("vector " + row + " is null");
        if (len != vectorLength) {
            throw new IllegalArgumentException("vector " + row + " has length " + len + ", " + shape());
        }
    }

    /** {@code t} null: a {@code byte[]} query (int8 or binary index). */
    private void checkQuery(Object query, ElementType t) {
        Checks.requireNonNull(query, "query");
        if (t == null) requireBytes(); else requireType(t);
        int len = query instanceof float[] ? ((float[]) query).length : ((byte[]) query).length;
        if (len != vectorLength) {
            throw new IllegalArgumentException("query has length " + len + ", " + shape());
        }
    }

    private static void checkK(int k) {
        if (k <= 0) throw new IllegalArgumentException("k must be > 0, was " + k);
    }

    private static void checkOut(int k, int count, int[] ids, float[] scores) {
        checkK(k);
        Checks.requireNonNull(ids, "ids");
        Checks.requireNonNull(scores, "scores");
        long need = (long) count * k;
        if (ids.length < need || scores.length < need) {
            throw new IllegalArgumentException("ids and scores need at least " + need + " entries, have "
                    + ids.length + " and " + scores.length);
        }
    }
}
