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

    /** Starts a call that reads native state; pair with {@link #endCall()} in a finally block. */
    protected final long beginSharedCall() {
        return tracked.acquireShared();
    }

    /**
     * Starts a call that mutates native state; pair with {@link #endCall()} in a finally block.
     *
     * @throws java.util.ConcurrentModificationException if another thread is using this object
     */
    protected final long beginExclusiveCall() {
        return tracked.acquireExclusive();
    }

    /** Ends a call started by {@code begin...Call()}. */
    protected final void endCall() {
        tracked.release();
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
}
