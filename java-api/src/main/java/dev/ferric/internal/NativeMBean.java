package dev.ferric.internal;

import dev.ferric.Ferric;
import dev.ferric.NativeMXBean;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link NativeMXBean} behind {@code dev.ferric:type=Native}, registered once per class loader of
 * ferric after its library loads ({@link #registerOnce()}, called by {@link MonitoringRegistration}), by
 * default only from the system class loader ({@link MonitoringRegistration#enabled}).
 */
public final class NativeMBean implements NativeMXBean {
    private static volatile boolean registered;

    NativeMBean() {}

    /**
     * Registers the MBean in the platform MBean server if {@link MonitoringRegistration#enabled} says so, it is not registered
     * yet, and the platform has JMX (not Android). Never throws: monitoring must not stop the
     * library from working.
     */
    static void registerOnce() {
        if (registered) return;
        synchronized (NativeMBean.class) {
            if (registered) return;
            registered = true;
            try {
                if (!MonitoringRegistration.enabled(ENABLED_PROPERTY)) return;
                Registration.register(new NativeMBean());
            } catch (Throwable t) { // SecurityException, LinkageError without java.management, JMException
                LeakDetector.log("ferric: could not register the MBean " + OBJECT_NAME + " (" + t
                        + "); native memory is still reported by Ferric.nativeStats(). Set -D" + ENABLED_PROPERTY
                        + "=false to not try.");
            }
        }
    }

    /** Kept apart so that a JVM without {@code java.management} fails here, inside the catch above. */
    private static final class Registration {
        static void register(NativeMBean bean) throws javax.management.JMException {
            javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            javax.management.ObjectName name = new javax.management.ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                // another copy of ferric (relocated by a shading plugin, or in another class loader)
                String root = NativeMBean.class.getName().replace(".internal.NativeMBean", "");
                name = new javax.management.ObjectName(OBJECT_NAME + ",package=" + root + ",loader="
                        + Integer.toHexString(System.identityHashCode(NativeMBean.class.getClassLoader())));
            }
            server.registerMBean(bean, name);
        }
    }

    @Override public long getNativeBytes() { return NativeMemory.read().live(); }
    @Override public long getPeakNativeBytes() { return NativeMemory.read().peak(); }
    @Override public Map<String, Long> getNativeBytesByKernel() { return NativeMemory.read().liveByKernel(); }
    @Override public Map<String, Long> getPeakNativeBytesByKernel() { return NativeMemory.read().peakByKernel(); }
    @Override public long getLiveHandles() { return HandleTracker.liveHandles(); }
    @Override public Map<String, Long> getLiveHandlesByKind() { return HandleTracker.liveByKind(); }
    @Override public long getFreedByLeakNet() { return HandleTracker.freedByLeakNet(); }
    @Override public Map<String, Long> getLeakedByKind() { return LeakDetector.leakedByKind(); }
    @Override public String getLeakDetection() { return LeakDetector.level().name().toLowerCase(Locale.ROOT); }
    @Override public String getVersion() { return Ferric.version(); }
    @Override public String getPlatform() { return Ferric.platform(); }

    @Override
    public String getLoadReport() {
        LoadReport r = NativeLoader.report();
        StringBuilder b = new StringBuilder();
        if (r.loaded()) {
            b.append("loaded ferric ").append(r.nativeVersion()).append(" from ").append(r.loadedFrom())
                    .append(r.loadedChecksum() == null ? " (not hashed: see hashing)" : " (sha256 " + r.loadedChecksum() + ")").append(" in ")
                    .append(String.format(Locale.ROOT, "%.1f ms", r.durationNanos() / 1e6)).append('\n');
        } else {
            b.append("NOT LOADED: ").append(r.failure().getMessage()).append('\n');
        }
        b.append("platform ").append(r.platform()).append("; hashing ").append(r.hashing()).append('\n');
        int i = 1;
        for (LoadAttempt a : r.attempts()) {
            b.append(i++).append(". [").append(a.source()).append("] ").append(a.outcome()).append(" at ")
                    .append(a.location()).append(": ").append(a.detail()).append('\n');
        }
        return b.toString();
    }
}
