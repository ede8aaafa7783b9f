package dev.ferric.internal;

/**
 * Registers ferric's Java Flight Recorder events ({@link FlightRecorderEvents}) once the native library
 * has loaded, unless {@code -Dferric.jfr=false}, ferric was loaded by a class loader other than the
 * system one and {@code -Dferric.jfr=true} is not set (JFR would keep that loader reachable), or the
 * runtime lacks the {@code jdk.jfr} module (a jlinked image). The Java 11+ version of the Java 8 class that does nothing.
 */
final class FlightRecorderHook {
    /** System property: {@code false} keeps ferric's JFR events from being registered. */
    static final String ENABLED_PROPERTY = "ferric.jfr";
    private static boolean registered;

    private FlightRecorderHook() {}

    /** Registers the events once; never throws. */
    static synchronized void registerOnce() {
        if (registered) return;
        registered = true;
        try {
            if (!MonitoringRegistration.enabled(ENABLED_PROPERTY)) return; // same rule as the MBean's
            if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) return;
            FlightRecorderEvents.register();
        } catch (Throwable t) { // SecurityException; LinkageError where JFR is not usable
            LeakDetector.log("ferric: could not register its JFR events (" + t + "); set -D" + ENABLED_PROPERTY
                    + "=false to not try.");
        }
    }
}
