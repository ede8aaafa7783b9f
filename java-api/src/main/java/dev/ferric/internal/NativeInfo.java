package dev.ferric.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Facts the loaded native library reports about itself and the CPU, for diagnostics. */
public final class NativeInfo {
    private NativeInfo() {}

    /** SIMD instruction sets the kernels can use on this CPU, e.g. {@code [sse4.1, avx2, avx512f]}. */
    public static List<String> cpuFeatures() {
        NativeLoader.ensureLoaded();
        String s = CoreNative.cpuFeatures().trim();
        return s.isEmpty() ? Collections.<String>emptyList() : Collections.unmodifiableList(new ArrayList<>(Arrays.asList(s.split(" "))));
    }
}
