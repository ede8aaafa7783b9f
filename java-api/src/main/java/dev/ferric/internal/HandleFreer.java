package dev.ferric.internal;

/** Frees one native handle; each kernel's {@code XxxNative.free} method. */
public interface HandleFreer {
    void free(long handle);
}
