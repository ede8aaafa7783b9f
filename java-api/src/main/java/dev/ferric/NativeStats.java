package dev.ferric;

import java.util.Collections;
import java.util.Map;

/** A snapshot of ferric's native resources, from {@link Ferric#nativeStats()}. */
public final class NativeStats {
    private final long liveHandles;
    private final Map<String, Long> liveByKind;
    private final long nativeBytes;
    private final long freedByLeakNet;

    NativeStats(long liveHandles, Map<String, Long> liveByKind, long nativeBytes, long freedByLeakNet) {
        this.liveHandles = liveHandles;
        this.liveByKind = Collections.unmodifiableMap(liveByKind);
        this.nativeBytes = nativeBytes;
        this.freedByLeakNet = freedByLeakNet;
    }

    /** Native objects (hashers, regexes, ...) not yet freed. */
    public long liveHandles() { return liveHandles; }

    /** Live native objects by kind, e.g. {@code {Blake3.Hasher=3}}. */
    public Map<String, Long> liveByKind() { return liveByKind; }

    /** Bytes currently allocated by ferric's native code (its Rust heap, including thread pools). */
    public long nativeBytes() { return nativeBytes; }

    /** Objects that were never closed and were freed by the leak net after garbage collection. */
    public long freedByLeakNet() { return freedByLeakNet; }

    @Override
    public String toString() {
        return "NativeStats{liveHandles=" + liveHandles + ", byKind=" + liveByKind + ", nativeBytes=" + nativeBytes
                + ", freedByLeakNet=" + freedByLeakNet + "}";
    }
}
