package dev.ferric.internal;

import java.nio.ByteBuffer;

/** Natives every ferric library has; the loader calls them to check the library it loaded. */
final class CoreNative {
    private CoreNative() {}

    /** The native side's ABI number; must equal {@link BuildInfo#ABI_VERSION}. */
    static native int abiVersion();

    /** The release version the native library was built for. */
    static native String version();

    /** SIMD instruction sets the CPU offers to ferric's kernels, space-separated. */
    static native String cpuFeatures();

    /** The Rust allocator's live-bytes counter in place: 8 bytes in native byte order; read it with {@link LiveBytes}. */
    static native ByteBuffer liveBytesView();

    /**
     * Native memory as {@code [live, peak, live by kernel..., peak by kernel...]}, kernels in the order
     * of {@link NativeMemory#KERNELS}.
     */
    static native long[] nativeMemory();

    /** Bytes the calling thread has freed natively since it started: the difference around one free is what it released. */
    static native long threadFreedBytes();

    /**
     * Every native method the library registered, as {@code "<class>.<method> <descriptor>"} with the
     * class relative to ferric's root package ({@code "blake3.Blake3Native.hash ([BII[BII)V"}).
     */
    static native String[] natives();

    /**
     * The numbers both sides must agree on (ABI, flags, op codes, the ids of enums and modes) as the
     * library reads them, {@code "<name>=<value>"}: what {@code SharedConstantsTest} compares.
     */
    static native String[] constants();
}
