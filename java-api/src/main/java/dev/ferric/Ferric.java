package dev.ferric;

import dev.ferric.internal.BuildInfo;
import dev.ferric.internal.HandleTracker;
import dev.ferric.internal.LeakDetector;
import dev.ferric.internal.LoadReport;
import dev.ferric.internal.NativeLoader;
import dev.ferric.internal.NativeMemory;

/**
 * Entry point for ferric's status: whether the native library loaded, why not, and what it holds.
 *
 * <p>There is no silent pure-Java fallback: when the native library cannot be loaded, every kernel
 * call throws an {@link UnsatisfiedLinkError} that lists each place the loader looked and why it
 * failed, and {@link #unavailabilityCause()} returns the same error up front.
 */
public final class Ferric {
    private Ferric() {}

    /** Loads the native library if needed and tells whether it is usable. Never throws. */
    public static boolean isAvailable() {
        return NativeLoader.report().loaded();
    }

    /** Why the native library is unusable (the message lists every attempt), or null when it is usable. */
    public static Throwable unavailabilityCause() {
        return NativeLoader.report().failure();
    }

    /** The ferric release version of this API jar, e.g. {@code 0.1.0}. */
    public static String version() {
        return BuildInfo.get().version();
    }

    /** Version the loaded native library reports (equal to {@link #version()} once loaded), or null. */
    public static String nativeVersion() {
        return NativeLoader.report().nativeVersion();
    }

    /** The platform classifier this JVM needs, e.g. {@code linux-x86_64}. */
    public static String platform() {
        return NativeLoader.report().platform().classifier();
    }

    /**
     * Live native objects, leaks the leak net freed, and bytes held by native code, in total and by
     * kernel.
     *
     * @throws UnsatisfiedLinkError if the native library is not available
     */
    public static NativeStats nativeStats() {
        NativeMemory m = NativeMemory.read();
        return new NativeStats(HandleTracker.liveHandles(), HandleTracker.liveByKind(), m.live(),
                HandleTracker.freedByLeakNet(), m.peak(), m.liveByKernel(), m.peakByKernel(), LeakDetector.leakedByKind());
    }

    /** The loader's full report (attempts, checksums, paths), as shown by {@code ferric doctor}. */
    public static LoadReport loadReport() {
        return NativeLoader.report();
    }
}
