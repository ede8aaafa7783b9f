package dev.ferric;

import java.util.Collections;
import java.util.Map;

/**
 * A snapshot of ferric's native resources, from {@link Ferric#nativeStats()}: live handles and
 * leaks by kind (Java side), native bytes held now and at peak, in total and by kernel (the Rust
 * allocator's counts). {@code docs/memory.md} says how to read them.
 */
public final class NativeStats {
    private final long liveHandles;
    private final Map<String, Long> liveByKind;
    private final long nativeBytes;
    private final long freedByLeakNet;
    private final long peakNativeBytes;
    private final Map<String, Long> nativeBytesByKernel;
    private final Map<String, Long> peakNativeBytesByKernel;
    private final Map<String, Long> leakedByKind;

    NativeStats(long liveHandles, Map<String, Long> liveByKind, long nativeBytes, long freedByLeakNet,
                long peakNativeBytes, Map<String, Long> nativeBytesByKernel, Map<String, Long> peakNativeBytesByKernel,
                Map<String, Long> leakedByKind) {
        this.liveHandles = liveHandles;
        this.liveByKind = Collections.unmodifiableMap(liveByKind);
        this.nativeBytes = nativeBytes;
        this.freedByLeakNet = freedByLeakNet;
        this.peakNativeBytes = peakNativeBytes;
        this.nativeBytesByKernel = Collections.unmodifiableMap(nativeBytesByKernel);
        this.peakNativeBytesByKernel = Collections.unmodifiableMap(peakNativeBytesByKernel);
        this.leakedByKind = Collections.unmodifiableMap(leakedByKind);
    }

    /** Native objects (hashers, regexes, ...) not yet freed. */
    public long liveHandles() { return liveHandles; }

    /** Live native objects by kind, e.g. {@code {Blake3.Hasher=3}}. */
    public Map<String, Long> liveByKind() { return liveByKind; }

    /** Bytes currently allocated by ferric's native code (its Rust heap, including thread pools). */
    public long nativeBytes() { return nativeBytes; }

    /** Objects that were never closed and were freed by the leak net after garbage collection. */
    public long freedByLeakNet() { return freedByLeakNet; }

    /**
     * Objects freed by the leak net (never closed) by kind, e.g. {@code {Regex=2}}; counted at every
     * {@code -Dferric.leakDetection} level.
     */
    public Map<String, Long> leakedByKind() { return leakedByKind; }

    /** The most bytes ferric's native code held at once since the library was loaded. */
    public long peakNativeBytes() { return peakNativeBytes; }

    /**
     * Native bytes held now by kernel: {@code core}, {@code blake3}, {@code regex}, {@code compression},
     * {@code vectors}. Each allocation is charged to the kernel whose method was running on that
     * thread ({@code core}: none, e.g. thread pools); they add up to {@link #nativeBytes()}.
     */
    public Map<String, Long> nativeBytesByKernel() { return nativeBytesByKernel; }

    /** The most bytes each kernel held at once since the library was loaded (same keys as {@link #nativeBytesByKernel()}). */
    public Map<String, Long> peakNativeBytesByKernel() { return peakNativeBytesByKernel; }

    @Override
    public String toString() {
        return "NativeStats{liveHandles=" + liveHandles + ", byKind=" + liveByKind + ", nativeBytes=" + nativeBytes
                + ", peakNativeBytes=" + peakNativeBytes + ", bytesByKernel=" + nativeBytesByKernel
                + ", peakBytesByKernel=" + peakNativeBytesByKernel + ", freedByLeakNet=" + freedByLeakNet
                + ", leakedByKind=" + leakedByKind + "}";
    }
}
