package dev.ferric.internal;

import java.nio.ByteBuffer;

/**
 * The verifier library's one native method (rust-core/verifier): SHA-256 with the CPU's SHA
 * instructions, so that hashing ferric's library before each load takes milliseconds in a fresh JVM.
 * Called only after the verifier itself passed the loader's checks.
 */
final class VerifierNative {
    private VerifierNative() {}

    /**
     * Writes the SHA-256 of the first {@code length} bytes of the direct buffer {@code data} into
     * {@code out[0..32]}; false (nothing written) when {@code data} is not direct, {@code length} is
     * out of its range or {@code out} is shorter than 32 bytes.
     */
    static native boolean sha256(ByteBuffer data, long length, byte[] out);
}
