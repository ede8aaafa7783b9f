package dev.ferric.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bytes held by ferric's Rust allocator, read in place from its counter through a direct buffer, so
 * that creating a handle (which checks the native heap for back-pressure) costs no extra native call.
 * The read is a plain 8-byte load of a counter the native side updates atomically: exact on 64-bit
 * platforms, and at worst briefly stale, which a pressure check tolerates. Use only once the library
 * is loaded (the first use binds the view).
 */
final class LiveBytes {
    private static final ByteBuffer COUNTER = CoreNative.liveBytesView().order(ByteOrder.nativeOrder());

    private LiveBytes() {}

    static long get() {
        return COUNTER.getLong(0);
    }
}
