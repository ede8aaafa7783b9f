package dev.ferric.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Registers ferric's MBean ({@link NativeMBean}) and JFR events ({@link FlightRecorderHook}) once the
 * library has loaded, on a daemon thread of its own: starting the JVM's platform MBean server and JFR's
 * event machinery takes 60-100 ms each in a fresh JVM, which the first ferric call (and a command-line
 * run that never looks at either) should not wait for. Each registration still honours its switch
 * ({@code -Dferric.jmx}, {@code -Dferric.jfr}) and the class-loader rule in {@link NativeMBean#enabled}.
 */
public final class MonitoringRegistration {
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static boolean started;

    private MonitoringRegistration() {}

    /** Starts the registrations once; returns at once. */
    static synchronized void startOnce() {
        if (started) return;
        started = true;
        if (!NativeMBean.enabled(NativeMBean.ENABLED_PROPERTY) && !NativeMBean.enabled(FlightRecorderHook.ENABLED_PROPERTY)) {
            DONE.countDown(); // both switched off (the command line's short runs): no thread to start
            return;
        }
        // a class, not a lambda or method reference: the JVM's first lambda costs ~5 ms to bootstrap
        Thread t = new Thread(new Registrations(), "ferric-monitoring");
        t.setDaemon(true);
        t.setContextClassLoader(null); // pin no application's class loader
        t.start();
    }

    private static final class Registrations implements Runnable {
        @Override
        public void run() {
            try {
                NativeMBean.registerOnce();
                FlightRecorderHook.registerOnce();
            } finally {
                DONE.countDown();
            }
        }
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
