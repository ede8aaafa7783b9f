package dev.ferric.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Registers ferric's MBean ({@link NativeMBean}) and JFR events ({@link FlightRecorderHook}) once the
 * library has loaded, on a daemon thread of its own: starting the JVM's platform MBean server and JFR's
 * event machinery takes 60-100 ms each in a fresh JVM, which the first ferric call (and a command-line
 * run that never looks at either) should not wait for. Each registration still honours its switch
 * ({@code -Dferric.jmx}, {@code -Dferric.jfr}) and the class-loader rule in {@link #enabled}. The loading
 * thread loads only this class (and the JDK's latch): the MBean's and the hook's classes are loaded on
 * the new thread, each class from the jar being ~0.2 ms of the start.
 */
public final class MonitoringRegistration implements Runnable {
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static boolean started;

    private MonitoringRegistration() {} // (the thread's task)

    /** Starts the registrations once; returns at once. */
    static synchronized void startOnce() {
        if (started) return;
        started = true;
        if (!enabled(NativeMBean.ENABLED_PROPERTY) && !enabled(FlightRecorderHook.ENABLED_PROPERTY)) {
            DONE.countDown(); // both switched off (the command line's short runs): no thread to start
            return;
        }
        // a class, not a lambda or method reference: the JVM's first lambda costs ~5 ms to bootstrap
        Thread t = new Thread(new MonitoringRegistration(), "ferric-monitoring");
        t.setDaemon(true);
        t.setContextClassLoader(null); // pin no application's class loader
        t.start();
    }

    /** The registrations, on the thread {@link #startOnce} starts. */
    @Override
    public void run() {
        try {
            NativeMBean.registerOnce();
            FlightRecorderHook.registerOnce();
        } finally {
            DONE.countDown();
        }
    }

    /**
     * Whether a JVM-wide registration (the MBean, the JFR events) is wanted: {@code -D<property>=true}
     * or {@code false} decides; unset, only when ferric was loaded by the system class loader or one of
     * its parents. A registration keeps ferric's class loader reachable for the life of the JVM, which a
     * loader that is meant to be discarded (a redeployed web application, a plugin) must not be.
     */
    static boolean enabled(String property) {
        String v = System.getProperty(property);
        if (v != null && !v.trim().isEmpty()) return Boolean.parseBoolean(v.trim());
        ClassLoader mine = MonitoringRegistration.class.getClassLoader();
        for (ClassLoader l = ClassLoader.getSystemClassLoader(); l != null; l = l.getParent()) {
            if (l == mine) return true;
        }
        return mine == null;
    }

    /**
     * Waits until the registrations have been made (or skipped), at most {@code millis}; returns whether
     * they were. For tools and tests that look for the MBean or record ferric's JFR events right after
     * the library loaded.
     */
    public static boolean await(long millis) throws InterruptedException {
        return DONE.await(millis, TimeUnit.MILLISECONDS);
    }
}
