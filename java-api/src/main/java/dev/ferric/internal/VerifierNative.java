package dev.ferric.internal;

import java.nio.ByteBuffer;

/**
 * The verifier library's one native method (rust-core/verifier): SHA-256 block compression in native
 * code (SHA-NI on x86_64), so that hashing ferric's library before each load takes milliseconds in a
 * fresh JVM. Called only after the verifier itself passed the loader's checks; {@link Sha256} keeps
 * the state and does the padding.
 */
final class VerifierNative {
    private VerifierNative() {}

    /**
     * Compresses the {@code blocks} 64-byte blocks of {@code data} that start at {@code offset} into
     * the eight words of {@code state}; false (nothing changed) when {@code state} is shorter than 8
     * or the blocks are not within {@code data}.
     */
    static native boolean compress(int[] state, byte[] data, int offset, int blocks);
}
