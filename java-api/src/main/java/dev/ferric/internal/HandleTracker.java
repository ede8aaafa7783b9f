package dev.ferric.internal;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns the native handles of all live {@code NativeResource}s: the use/close state machine that frees
 * each handle exactly once, and the leak net that frees what users forgot to close.
 *
 * <p>Each handle has a {@link Tracked} phantom reference to its owner. A daemon thread waits for
 * owners that became unreachable without {@code close()} and frees their handles (Java 8 has no
 * {@code java.lang.ref.Cleaner}; this works from Java 8 and on Android).
 *
 * <p>Native memory does not make the garbage collector run, so a program that drops many unclosed
 * objects could grow the native heap by gigabytes between two collections (a million dropped
 * hashers hold about 2 GB). Like {@code java.nio}'s direct buffers, creating a handle therefore
 * checks the native heap: past a mark (64 MiB, then twice what is still live after a collection)
 * it asks for a collection and frees what it finds before going on. Set
 * {@code -Dferric.leakNet.gcTriggerBytes=0} to turn this off, or to another number of bytes.
 *
 * <p>What the leak net frees is reported by {@link LeakDetector}: counted by kind, and logged with
 * where the handle was created when that was recorded.
 */
public final class HandleTracker {
    /** System property: native bytes above which creating a handle first runs the leak net; 0 = never. */
    public static final String GC_TRIGGER_BYTES = "ferric.leakNet.gcTriggerBytes";
    private static final long TRIGGER_FLOOR = triggerFloor();
    /** How long a pressure check waits for the collector to hand over more unreachable owners. */
    private static final long QUIET_MILLIS = 20;

    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static final Set<Tracked> LIVE = Collections.newSetFromMap(new ConcurrentHashMap<Tracked, Boolean>());
    private static final ConcurrentHashMap<String, AtomicLong> LIVE_BY_KIND = new ConcurrentHashMap<>();
    /** The kernel of each kind, from the package of its class ({@link NativeMemory#KERNELS}). */
    private static final ConcurrentHashMap<String, String> KIND_KERNEL = new ConcurrentHashMap<>();
    private static final String ROOT = HandleTracker.class.getName().replace("internal.HandleTracker", "");
    private static final AtomicLong FREED_BY_LEAK_NET = new AtomicLong();
    private static final AtomicLong GC_REQUESTS = new AtomicLong();
    private static final Object PRESSURE_LOCK = new Object();
    private static volatile long triggerBytes = TRIGGER_FLOOR;

    /** An idle leak-net thread stops after this long with no live handles, and restarts on demand. */
    static final long IDLE_MILLIS = 2000;
    private static final AtomicBoolean DRAINING = new AtomicBoolean();

    private HandleTracker() {}

    /**
     * Starts the leak-net thread unless it runs. It stops once no handle is live, so a class loader
     * that loaded ferric (a redeployed web application) can be collected when it is dropped.
     */
    private static void ensureDraining() {
        if (DRAINING.get() || !DRAINING.compareAndSet(false, true)) return;
        Thread t = new Thread(new LeakNet(), "ferric-leak-net");
        t.setDaemon(true);
        t.setContextClassLoader(null); // pin no application's class loader
        t.start();
    }

    private static long triggerFloor() {
        try {
            return Long.getLong(GC_TRIGGER_BYTES, 64L << 20);
        } catch (SecurityException e) {
            return 64L << 20;
        }
    }

    /** The leak-net thread's task: a class, not a method reference, since a JVM's first lambda costs ~5 ms. */
    private static final class LeakNet implements Runnable {
        @Override
        public void run() {
            drain();
        }
    }

    private static void drain() {
        while (true) {
            try {
                Reference<?> r = QUEUE.remove(IDLE_MILLIS);
                if (r != null) {
                    free(r);
                } else if (LIVE.isEmpty()) {
                    DRAINING.set(false);
                    // a handle tracked meanwhile may have seen DRAINING still true: serve it
                    if (LIVE.isEmpty() || !DRAINING.compareAndSet(false, true)) return;
                }
            } catch (InterruptedException e) {
                // daemon thread: keep serving while handles are live
            } catch (Throwable t) {
                // never let one bad free stop the leak net
            }
        }
    }

    private static void free(Reference<?> r) {
        Tracked t = (Tracked) r;
        if (t.isClosed()) return;
        // what this free releases natively: the bytes this thread frees during it
        long before = NativeMemory.threadFreedBytes();
        if (!t.closeFromLeakNet()) return;
        FREED_BY_LEAK_NET.incrementAndGet();
        LeakDetector.leaked(t.kind, NativeMemory.threadFreedBytes() - before, t.created);
    }

    /** Starts tracking {@code handle}, owned by {@code owner}. */
    public static Tracked track(Object owner, long handle, HandleFreer freer, String kind) {
        if (handle == 0) throw new IllegalStateException("native allocation returned no handle for " + kind);
        Tracked t = new Tracked(owner, handle, freer, kind, LeakDetector.creationRecord(kind));
        LIVE.add(t);
        AtomicLong live = LIVE_BY_KIND.get(kind);
        if (live == null) { // (not computeIfAbsent with a lambda: see LeakNet)
            KIND_KERNEL.put(kind, kernelOf(owner.getClass()));
            AtomicLong first = new AtomicLong();
            live = LIVE_BY_KIND.putIfAbsent(kind, first);
            if (live == null) live = first;
        }
        live.incrementAndGet();
        ensureDraining();
        if (TRIGGER_FLOOR > 0 && LiveBytes.get() > triggerBytes) relievePressure();
        return t;
    }

    /**
     * The native heap passed the mark: ask for a collection, free the handles of the owners it found
     * unreachable, and set the next mark to twice what is still live (so a program that really holds
     * that much is not collected again until it doubles). Callers wait here meanwhile: that is the
     * back-pressure that keeps a leaking loop's native heap bounded.
     */
    private static void relievePressure() {
        synchronized (PRESSURE_LOCK) {
            if (LiveBytes.get() <= triggerBytes) return; // another thread just did it
            GC_REQUESTS.incrementAndGet();
            System.gc();
            try {
                for (Reference<?> r; (r = QUEUE.remove(QUIET_MILLIS)) != null; ) free(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            triggerBytes = Math.max(TRIGGER_FLOOR, 2 * LiveBytes.get());
        }
    }

    /** Live handles by kind (e.g. {@code Blake3.Hasher}). */
    public static Map<String, Long> liveByKind() {
        Map<String, Long> m = new TreeMap<>();
        for (Map.Entry<String, AtomicLong> e : LIVE_BY_KIND.entrySet()) {
            if (e.getValue().get() != 0) m.put(e.getKey(), e.getValue().get());
        }
        return m;
    }

    /** Live handles by kernel, every kernel of {@link NativeMemory#KERNELS} present (0 when none). */
    public static Map<String, Long> liveByKernel() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (String k : NativeMemory.KERNELS) m.put(k, 0L);
        for (Map.Entry<String, AtomicLong> e : LIVE_BY_KIND.entrySet()) {
            String kernel = KIND_KERNEL.get(e.getKey());
            if (kernel != null) m.put(kernel, m.get(kernel) + e.getValue().get());
        }
        return m;
    }

    /** {@code blake3} for {@code dev.ferric.blake3.Blake3$Hasher}: the kernel of ferric's package the class is in. */
    static String kernelOf(Class<?> c) {
        String n = c.getName();
        if (!n.startsWith(ROOT)) return "core";
        n = n.substring(ROOT.length());
        if (n.startsWith("blake3.")) return "blake3";
        if (n.startsWith("regex.")) return "regex";
        if (n.startsWith("compress.")) return "compression";
        if (n.startsWith("vectors.")) return "vectors";
        return "core";
    }

    public static long liveHandles() {
        return LIVE.size();
    }

    public static long freedByLeakNet() {
        return FREED_BY_LEAK_NET.get();
    }

    /** How often creating a handle found the native heap past its mark and asked for a collection. */
    public static long gcRequests() {
        return GC_REQUESTS.get();
    }

    /**
     * One native handle and its life: a count of calls in progress and the closed, freed, writing and
     * write-pending bits in one atomic int. The handle is freed exactly once, by whichever of
     * {@code close()} or the last call in progress sees the count reach zero after close.
     *
     * <p>One concurrency rule for every handle: shared calls (they only read native state) run
     * together; an exclusive call (it changes native state) runs alone: it waits for the shared calls
     * in progress to end and holds new ones back until it returns. Two exclusive calls never wait for
     * each other: the second throws {@link java.util.ConcurrentModificationException}, because an
     * object whose state two threads change at once is being misused, and saying so beats a silent
     * interleaving.
     * The waits are short (one native call) and only taken on contention: an uncontended call is one
     * compare-and-set to begin and one atomic decrement to end.
     */
    public static final class Tracked extends PhantomReference<Object> {
        private static final int CLOSED = 1 << 30;
        private static final int FREED = 1 << 29;
        /** An exclusive call is running (it is counted in {@link #USERS} too). */
        private static final int WRITING = 1 << 28;
        /** An exclusive call waits for the shared calls in progress to end; new ones wait for it. */
        private static final int PENDING = 1 << 27;
        private static final int USERS = PENDING - 1;

        private final long handle;
        private final HandleFreer freer;
        private final String kind;
        /** Where the owner was created, when the leak detector recorded it; else null. */
        private final Throwable created;
        private final AtomicInteger state = new AtomicInteger();
        /** Threads waiting in {@link #await}; written under this object's monitor. */
        private volatile int waiters;

        Tracked(Object owner, long handle, HandleFreer freer, String kind, Throwable created) {
            super(owner, QUEUE);
            this.handle = handle;
            this.freer = freer;
            this.kind = kind;
            this.created = created;
        }

        /** Begins a call that only reads native state: runs with other shared calls, waits out an exclusive one. */
        public long acquireShared() {
            while (true) {
                int s = state.get();
                if ((s & CLOSED) != 0) throw closed();
                if ((s & (WRITING | PENDING)) != 0) {
                    await(WRITING | PENDING);
                    continue;
                }
                if ((s & USERS) == USERS) throw new IllegalStateException("too many concurrent calls on one " + kind);
                if (state.compareAndSet(s, s + 1)) return handle;
            }
        }

        /**
         * Begins a call that changes native state: waits for the shared calls in progress, fails fast
         * if another exclusive call runs or waits.
         */
        public long acquireExclusive() {
            while (true) {
                int s = state.get();
                if ((s & CLOSED) != 0) throw closed();
                if ((s & (WRITING | PENDING)) != 0) throw busy();
                if ((s & USERS) == 0) {
                    if (state.compareAndSet(s, s | WRITING | 1)) return handle;
                } else if (state.compareAndSet(s, s | PENDING)) {
                    return awaitSharedCallsThenWrite();
                }
            }
        }

        /** Holding {@link #PENDING}: waits until no shared call runs, then turns it into the write. */
        private long awaitSharedCallsThenWrite() {
            while (true) {
                int s = state.get();
                if ((s & CLOSED) != 0) {
                    // give up the claim; if no call is left, freeing falls to us (close() saw PENDING)
                    if (state.compareAndSet(s, s & ~PENDING)) {
                        if ((s & ~PENDING) == CLOSED) freeOnce();
                        wakeWaiters();
                        throw closed();
                    }
                } else if ((s & USERS) == 0) {
                    if (state.compareAndSet(s, (s & ~PENDING) | WRITING | 1)) return handle;
                } else {
                    await(USERS);
                }
            }
        }

        /** Ends a call begun by {@link #acquireShared()}; frees the handle if it was closed meanwhile. */
        public void releaseShared() {
            int s = state.decrementAndGet();
            if (s == CLOSED) freeOnce();
            else if ((s & (PENDING | USERS)) == PENDING) wakeWaiters(); // the last reader lets the writer in
        }

        /** Ends a call begun by {@link #acquireExclusive()}; frees the handle if it was closed meanwhile. */
        public void releaseExclusive() {
            int s = state.addAndGet(-(WRITING | 1));
            if (s == CLOSED) freeOnce();
            wakeWaiters();
        }

        /**
         * Waits while {@code state & mask} is non-zero and the handle is open. An interrupt does not end
         * the wait (the call has not begun and must begin or fail); it is kept for the caller to see.
         */
        private void await(int mask) {
            boolean interrupted = false;
            synchronized (this) {
                waiters++;
                try {
                    int s;
                    while (((s = state.get()) & mask) != 0 && (s & CLOSED) == 0) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                } finally {
                    waiters--;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }

        /** Wakes the threads in {@link #await} after a change they may wait for; nothing when none waits. */
        private void wakeWaiters() {
            if (waiters == 0) return;
            synchronized (this) {
                notifyAll();
            }
        }

        private java.util.ConcurrentModificationException busy() {
            return new java.util.ConcurrentModificationException(
                    kind + " is not safe for changes from two threads at once and another thread is changing it");
        }

        /** Closes; the handle is freed now, or when the last call in progress ends. Idempotent. */
        public void close() {
            while (true) {
                int s = state.get();
                if ((s & CLOSED) != 0) return;
                if (state.compareAndSet(s, s | CLOSED)) {
                    if ((s & USERS) == 0) freeOnce();
                    wakeWaiters(); // they see the close and throw
                    return;
                }
            }
        }

        public boolean isClosed() {
            return (state.get() & CLOSED) != 0;
        }

        boolean closeFromLeakNet() {
            boolean wasOpen = !isClosed();
            close();
            return wasOpen;
        }

        private void freeOnce() {
            if (state.compareAndSet(CLOSED, CLOSED | FREED)) {
                try {
                    freer.free(handle);
                } finally {
                    LIVE.remove(this);
                    AtomicLong n = LIVE_BY_KIND.get(kind);
                    if (n != null) n.decrementAndGet();
                }
            }
        }

        /** Throws the closed object's {@link IllegalStateException} once {@link #close()} was called. */
        public void requireOpen() {
            if (isClosed()) throw closed();
        }

        private IllegalStateException closed() {
            return new IllegalStateException(kind + " is closed");
        }
    }
}
