package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.blake3.Blake3;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handle state machine under contention, with a freer that notices a double free or a free
 * while a call is still inside. (Single-threaded double close and use after close of a real
 * hasher are in {@code Blake3ApiTest}.)
 */
class HandleTrackerTest {
    @BeforeAll
    static void loaded() {
        NativeLoader.ensureLoaded(); // track() reads the native heap size
    }

    /** Stands in for a kernel's free: counts frees and calls that were still inside at that moment. */
    static final class CheckingFreer implements HandleFreer {
        final AtomicInteger frees = new AtomicInteger();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger freedWhileInside = new AtomicInteger();

        @Override
        public void free(long handle) {
            if (inside.get() != 0) freedWhileInside.incrementAndGet();
            frees.incrementAndGet();
        }
    }

    @Test
    void doubleCloseFreesOnceAndUseAfterCloseThrows() {
        CheckingFreer f = new CheckingFreer();
        Object owner = new Object();
        HandleTracker.Tracked t = HandleTracker.track(owner, 7, f, "Test.DoubleClose");
        assertEquals(7, t.acquireShared());
        t.releaseShared();
        t.close();
        t.close();
        assertEquals(1, f.frees.get());
        assertThrows(IllegalStateException.class, t::acquireShared);
        assertThrows(IllegalStateException.class, t::acquireExclusive);
        assertEquals(1, f.frees.get());
        assertFalse(HandleTracker.liveByKind().containsKey("Test.DoubleClose"));
    }

    @Test
    void closeDuringACallFreesWhenTheCallEnds() {
        CheckingFreer f = new CheckingFreer();
        Object owner = new Object();
        HandleTracker.Tracked t = HandleTracker.track(owner, 8, f, "Test.Deferred");
        t.acquireExclusive();
        t.close();
        assertEquals(0, f.frees.get(), "freed while a call was inside");
        assertTrue(t.isClosed());
        t.releaseExclusive();
        assertEquals(1, f.frees.get());
    }

    @Test
    void concurrentCloseAndSharedUseFreeExactlyOnceNeverDuringACall() throws Exception {
        race(false);
    }

    @Test
    void concurrentCloseAndExclusiveUseFreeExactlyOnceNeverDuringACall() throws Exception {
        race(true);
    }

    @Test
    void concurrentCloseAndMixedUseFreeExactlyOnceAndNoReaderMeetsAWriter() throws Exception {
        race(null);
    }

    /**
     * An exclusive call waits for the shared call in progress, holds a new shared call back, and a
     * second exclusive call meanwhile fails fast; each waiting call goes on in turn.
     */
    @Test
    void anExclusiveCallRunsAloneWaitingForReadersAndHoldingNewOnesBack() throws Exception {
        CheckingFreer f = new CheckingFreer();
        Object owner = new Object();
        HandleTracker.Tracked t = HandleTracker.track(owner, 9, f, "Test.Policy");
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<String>());
        t.acquireShared(); // reader 1, in progress
        Thread writer = new Thread(() -> {
            t.acquireExclusive();
            order.add("writer");
            t.releaseExclusive();
        });
        writer.start();
        awaitBlocked(writer);
        Thread reader2 = new Thread(() -> {
            t.acquireShared();
            order.add("reader2");
            t.releaseShared();
        });
        reader2.start();
        awaitBlocked(reader2);
        assertThrows(ConcurrentModificationException.class, t::acquireExclusive);
        assertTrue(order.isEmpty(), order.toString());
        t.releaseShared(); // reader 1 ends: the writer, then reader 2
        writer.join(30_000);
        reader2.join(30_000);
        assertEquals(java.util.Arrays.asList("writer", "reader2"), order);
        t.close();
        assertEquals(1, f.frees.get());
    }

    /** Closed while an exclusive call waits for a reader: the waiting call fails, the handle is freed once, after the reader. */
    @Test
    void closeWhileAnExclusiveCallWaitsFreesOnceAfterTheReader() throws Exception {
        CheckingFreer f = new CheckingFreer();
        Object owner = new Object();
        HandleTracker.Tracked t = HandleTracker.track(owner, 10, f, "Test.PendingClose");
        t.acquireShared();
        f.inside.incrementAndGet();
        AtomicInteger outcome = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try {
                t.acquireExclusive();
                outcome.set(1);
            } catch (IllegalStateException closed) {
                outcome.set(2);
            }
        });
        writer.start();
        awaitBlocked(writer);
        t.close();
        writer.join(30_000);
        assertEquals(2, outcome.get(), "the waiting exclusive call must fail once closed");
        assertEquals(0, f.frees.get(), "freed while the reader was inside");
        f.inside.decrementAndGet();
        t.releaseShared();
        assertEquals(1, f.frees.get());
        assertEquals(0, f.freedWhileInside.get());
    }

    /** Waits until {@code th} waits for the handle (or has ended, which the caller's checks then catch). */
    private static void awaitBlocked(Thread th) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (th.getState() != Thread.State.WAITING && th.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Thread.State.WAITING, th.getState(), "did not wait");
    }

    /** Three users call until closed: all exclusive, all shared, or ({@code null}) a random mix. */
    private static void race(Boolean exclusiveOnly) throws Exception {
        Random r = new Random(exclusiveOnly == null ? 3 : exclusiveOnly ? 2 : 1);
        for (int round = 0; round < 300; round++) {
            CheckingFreer f = new CheckingFreer();
            Object owner = new Object();
            final long handle = 1000 + round;
            HandleTracker.Tracked t = HandleTracker.track(owner, handle, f, "Test.Race");
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> users = new ArrayList<>();
            AtomicInteger unexpected = new AtomicInteger();
            AtomicInteger writers = new AtomicInteger();
            for (int u = 0; u < 3; u++) {
                Random mine = new Random(r.nextLong());
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        while (true) {
                            boolean exclusive = exclusiveOnly != null ? exclusiveOnly : mine.nextBoolean();
                            try {
                                long h = exclusive ? t.acquireExclusive() : t.acquireShared();
                                if (exclusive) writers.incrementAndGet();
                                int in = f.inside.incrementAndGet();
                                // a call that got the handle must find it not yet freed; a writer runs alone
                                if (h != handle || f.frees.get() != 0) unexpected.incrementAndGet();
                                if (writers.get() > 0 && in > 1) unexpected.incrementAndGet();
                                Thread.yield();
                                f.inside.decrementAndGet();
                                if (exclusive) {
                                    writers.decrementAndGet();
                                    t.releaseExclusive();
                                } else {
                                    t.releaseShared();
                                }
                            } catch (ConcurrentModificationException busy) {
                                // another user holds it exclusively: allowed
                            }
                        }
                    } catch (IllegalStateException closed) {
                        // the documented outcome once close() wins
                    } catch (Throwable e) {
                        unexpected.incrementAndGet();
                    }
                });
                th.start();
                users.add(th);
            }
            go.countDown();
            long closeAt = System.nanoTime() + r.nextInt(200_000); // let the users run up to 0.2 ms first
            while (System.nanoTime() < closeAt) {
                // busy: a yield here could hand the CPU to the users for a whole time slice
            }
            t.close();
            for (Thread th : users) th.join(30_000);
            assertEquals(1, f.frees.get(), "round " + round);
            assertEquals(0, f.freedWhileInside.get(), "round " + round);
            assertEquals(0, unexpected.get(), "round " + round);
        }
        assertFalse(HandleTracker.liveByKind().containsKey("Test.Race"));
    }

    @Test
    void unreachableOwnerIsFreedByTheLeakNet() throws Exception {
        CheckingFreer f = new CheckingFreer();
        long freedBefore = HandleTracker.freedByLeakNet();
        track(f); // its owner is unreachable as soon as this returns
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (f.frees.get() == 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1, f.frees.get());
        assertTrue(HandleTracker.freedByLeakNet() > freedBefore);
        assertFalse(HandleTracker.liveByKind().containsKey("Test.Leak"));
    }

    private static void track(HandleFreer f) {
        HandleTracker.track(new Object(), 99, f, "Test.Leak");
    }

    @Test
    void zeroHandleIsRefused() {
        assertThrows(IllegalStateException.class, () -> HandleTracker.track(new Object(), 0, h -> { }, "Test.Zero"));
    }

    @Test
    void realHasherClosedWhileFourThreadsUseItNeverCrashes() throws Exception {
        byte[] data = new byte[64 << 10];
        for (int round = 0; round < 200; round++) {
            Blake3.Hasher h = Blake3.newHasher();
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger unexpected = new AtomicInteger();
            List<Thread> users = new ArrayList<>();
            for (int u = 0; u < 4; u++) {
                final int kind = u;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        byte[] out = new byte[100];
                        for (int i = 0; i < 1000; i++) {
                            try {
                                switch (kind) {
                                    case 0: h.update(data); break;
                                    case 1: h.output(i * 1000L, out, 0, out.length); break;
                                    case 2: h.reset(); break;
                                    default: h.digest(64); break;
                                }
                            } catch (ConcurrentModificationException busy) {
                                // documented: one thread at a time
                            }
                        }
                    } catch (IllegalStateException closed) {
                        // documented: use after close
                    } catch (Throwable e) {
                        unexpected.incrementAndGet();
                    }
                });
                th.start();
                users.add(th);
            }
            go.countDown();
            Thread.sleep(round % 3);
            h.close();
            for (Thread th : users) th.join(60_000);
            assertEquals(0, unexpected.get());
            assertThrows(IllegalStateException.class, h::digest);
        }
    }
}
