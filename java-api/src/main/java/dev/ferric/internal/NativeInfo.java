package dev.ferric.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Facts the loaded native library reports about itself and the CPU, for diagnostics. */
public final class NativeInfo {
    private NativeInfo() {}

    /**
     * The native library's ABI number, read through one JNI call that does no other work: the floor
     * cost of crossing ferric's boundary, used by the benchmarks.
     */
    public static int nativeAbiVersion() {
        NativeLoader.ensureLoaded();
        return CoreNative.abiVersion();
    }

    /** SIMD instruction sets the kernels can use on this CPU, e.g. {@code [sse4.1, avx2, avx512f]}. */
    public static List<String> cpuFeatures() {
        NativeLoader.ensureLoaded();
        String s = CoreNative.cpuFeatures().trim();
        return s.isEmpty() ? Collections.<String>emptyList() : Collections.unmodifiableList(new ArrayList<>(Arrays.asList(s.split(" "))));
    }
}
