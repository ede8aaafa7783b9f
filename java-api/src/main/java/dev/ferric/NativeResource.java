package dev.ferric;

import dev.ferric.internal.HandleFreer;
import dev.ferric.internal.HandleTracker;

/**
 * Base of every ferric object that owns native memory (a {@code Blake3.Hasher}, a compiled regex...).
 *
 * <p>Memory contract: the native state lives outside the Java heap until {@link #close()}. Close it
 * with try-with-resources; {@code close()} is idempotent, and any use after it throws
 * {@link IllegalStateException}. Forgotten objects are freed after the garbage collector finds them
 * unreachable (a leak net, not a substitute for {@code close()}: native memory is not a GC trigger).
 * Closing while another thread is inside a call is safe: the memory is freed when that call returns.
 * Subclasses reach their handle only inside {@code withShared}/{@code withExclusive} and their
 * variants, which keep that promise: the handle is never seen outside a call guard.
 * {@link Ferric#nativeStats()} reports how many are alive.
 *
 * <p>This class is not meant to be extended outside ferric.
 */
public abstract class NativeResource implements AutoCloseable {
    private final HandleTracker.Tracked tracked;

    /**
     * Takes ownership of {@code handle}.
     *
     * @param handle native handle, non-zero
     * @param freer the native function that frees it
     * @param kind name used in messages and statistics, e.g. {@code Blake3.Hasher}
     */
    protected NativeResource(long handle, HandleFreer freer, String kind) {
        this.tracked = HandleTracker.track(this, handle, freer, kind);
    }

    /**
     * Runs {@code call} with the handle, for a call that only reads native state: other reading calls
     * may run at the same time; a changing call in progress is waited for. {@link #close()} frees the
     * handle only after it returns.
     *
     * @throws IllegalStateException if this object is closed
     */
    protected final <T, X extends Exception> T withShared(Call<T, X> call) throws X {
        long h = tracked.acquireShared();
        try {
            return call.apply(h);
        } finally {
            tracked.releaseShared();
        }
    }

    /** {@link #withShared(Call)} for a call that returns an {@code int}, without boxing. */
    protected final <X extends Exception> int withSharedInt(IntCall<X> call) throws X {
        long h = tracked.acquireShared();
        try {
            return call.apply(h);
        } finally {
            tracked.releaseShared();
        }
    }

    /**
     * Runs {@code call} with the handle, for a call that changes native state: it runs alone. Reading
     * calls in progress are waited for and new ones wait for it; another changing call in progress is
     * a misuse and fails fast. {@link #close()} frees the handle only after it returns.
     *
     * @throws IllegalStateException if this object is closed
     * @throws java.util.ConcurrentModificationException if another thread is changing this object
     */
    protected final <T, X extends Exception> T withExclusive(Call<T, X> call) throws X {
        long h = tracked.acquireExclusive();
        try {
            return call.apply(h);
        } finally {
            tracked.releaseExclusive();
        }
    }

    /** {@link #withExclusive(Call)} for a call that returns nothing. */
    protected final <X extends Exception> void runExclusive(Run<X> call) throws X {
        long h = tracked.acquireExclusive();
        try {
            call.run(h);
        } finally {
            tracked.releaseExclusive();
        }
    }

    /**
     * Throws {@link IllegalStateException} once {@link #close()} was called: for methods that answer
     * from Java-side state but belong to the object's open life like every other method.
     */
    protected final void requireOpen() {
        tracked.requireOpen();
    }

    /** Whether {@link #close()} was called. */
    public final boolean isClosed() {
        return tracked.isClosed();
    }

    /** Frees the native state; calling it again does nothing. */
    @Override
    public final void close() {
        tracked.close();
    }

    /**
     * A call on a native handle, run by {@code withShared} or {@code withExclusive}; {@code X} is the
     * checked exception the native method declares ({@code RuntimeException} when none).
     */
    @FunctionalInterface
    protected interface Call<T, X extends Exception> {
        /** Runs the call with the live handle {@code h}. */
        T apply(long h) throws X;
    }

    /** A {@link Call} that returns an {@code int}. */
    @FunctionalInterface
    protected interface IntCall<X extends Exception> {
        /** Runs the call with the live handle {@code h}. */
        int apply(long h) throws X;
    }

    /** A {@link Call} that returns nothing. */
    @FunctionalInterface
    protected interface Run<X extends Exception> {
        /** Runs the call with the live handle {@code h}. */
        void run(long h) throws X;
    }
}
