package dev.ferric.vectors;

import dev.ferric.internal.NativeLoader;

/**
 * The native methods of {@link Vectors} ({@code rust-core/src/glue/vectors.rs}). Callers check every
 * argument first. A null {@code b} means the same array as {@code a} (the native side must not open
 * two critical views of one array).
 */
final class VectorsNative {
    private static final VectorsNative NATIVES = new VectorsNative();

    private VectorsNative() {}

    /**
     * The natives, bound to ferric's library: the first call loads it (see {@code NativeLoader}); while
     * it is not loaded this throws the loader's {@link UnsatisfiedLinkError}, with a search that found
     * nothing repeated on a later call. Every native call goes through here, so none reaches an unbound
     * method.
     */
    static VectorsNative get() {
        NativeLoader.ensureLoaded();
        return NATIVES;
    }

    native float pairFloats(int metric, float[] a, int aOff, float[] b, int bOff, int len);

    native float pairBytes(int metric, byte[] a, int aOff, byte[] b, int bOff, int len);

    native long hamming(byte[] a, int aOff, byte[] b, int bOff, int len);

    native String kernelName();

    native String hammingKernelName();
}
