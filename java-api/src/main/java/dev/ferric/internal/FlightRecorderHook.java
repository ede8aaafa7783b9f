package dev.ferric.internal;

/**
 * Registers ferric's Java Flight Recorder events where the JVM has JFR: this is the Java 8 version,
 * which does nothing; the API jar's {@code META-INF/versions/11} holds the one that registers them.
 */
final class FlightRecorderHook {
    /** System property: {@code false} keeps ferric's JFR events from being registered. */
    static final String ENABLED_PROPERTY = "ferric.jfr";

    private FlightRecorderHook() {}

    /** Registers the events once; never throws. */
    static void registerOnce() {
        // no JFR before Java 11
    }
}
