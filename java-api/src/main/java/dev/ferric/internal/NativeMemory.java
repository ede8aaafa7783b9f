package dev.ferric.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ferric's native heap by kernel, as its Rust allocator counts it: every allocation is charged to
 * the kernel whose native method is running on that thread, {@code core} when none is (the loader,
 * thread pools). See {@code docs/memory.md}.
 */
public final class NativeMemory {
    /** The kernels, in the order the native side numbers them (checked by {@code SharedConstantsTest}). */
    public static final List<String> KERNELS =
            Collections.unmodifiableList(Arrays.asList("core", "blake3", "regex", "compression", "vectors"));

    private final long live;
    private final long peak;
    private final Map<String, Long> liveByKernel;
    private final Map<String, Long> peakByKernel;

    private NativeMemory(long[] raw) {
        int n = KERNELS.size();
        if (raw.length != 2 + 2 * n) {
            throw new IllegalStateException("the native library reports " + raw.length + " memory figures, this jar expects "
                    + (2 + 2 * n) + ": the library and the API jar are from different builds");
        }
        live = raw[0];
        peak = raw[1];
        Map<String, Long> l = new LinkedHashMap<>();
        Map<String, Long> p = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            l.put(KERNELS.get(k), raw[2 + k]);
            p.put(KERNELS.get(k), raw[2 + n + k]);
        }
        liveByKernel = Collections.unmodifiableMap(l);
        peakByKernel = Collections.unmodifiableMap(p);
    }

    /**
     * Reads the native counters now.
     *
     * @throws UnsatisfiedLinkError if the native library is not available
     */
    public static NativeMemory read() {
        NativeLoader.ensureLoaded();
        return new NativeMemory(CoreNative.nativeMemory());
    }

    /** Bytes the calling thread has freed natively since it started. Requires the library loaded. */
    static long threadFreedBytes() {
        return CoreNative.threadFreedBytes();
    }

    /** Bytes held now, all kernels. */
    public long live() { return live; }

    /** The most bytes held at once since the library was loaded. */
    public long peak() { return peak; }

    /** Bytes held now by kernel, in {@link #KERNELS} order. */
    public Map<String, Long> liveByKernel() { return liveByKernel; }

    /** The most bytes each kernel held at once since the library was loaded, in {@link #KERNELS} order. */
    public Map<String, Long> peakByKernel() { return peakByKernel; }
}
