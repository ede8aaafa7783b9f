package dev.ferric.blake3;

import dev.ferric.Hex;
import dev.ferric.NativeResource;
import dev.ferric.internal.Checks;
import dev.ferric.internal.NativeLoader;

/**
 * BLAKE3, the fast cryptographic hash, computed by the reference Rust implementation with SIMD.
 *
 * <pre>{@code
 * byte[] digest = Blake3.hash(data);                 // 32 bytes
 * String hex = Blake3.hashHex(data);                 // as printed by b3sum
 * try (Blake3.Hasher h = Blake3.newHasher()) {       // streaming
 *     h.update(part1).update(part2);
 *     byte[] d = h.digest();
 * }
 * }</pre>
 *
 * <p>Memory contract for {@code byte[]} inputs: the array is only read during the call. Up to
 * 1 KiB is copied; larger arrays are read in place in slices of at most 256 KiB, each read inside a
 * short JNI critical section (the garbage collector may wait for at most one slice, about 50 µs), and
 * nothing is pinned after the call returns. Outputs are copied into the Java array.
 *
 * <p>All methods throw {@link NullPointerException} for null arrays, {@link IndexOutOfBoundsException}
 * for offsets or lengths outside the array, and {@link UnsatisfiedLinkError} if the native library
 * could not be loaded (its message says why and what to do).
 */
public final class Blake3 {
    /** Length in bytes of a default BLAKE3 digest. */
    public static final int OUT_LEN = 32;

    private Blake3() {}

    /** Hashes all of {@code input}; returns a new 32-byte digest. */
    public static byte[] hash(byte[] input) {
        Checks.requireNonNull(input, "input");
        return hash(input, 0, input.length);
    }

    /** Hashes {@code input[off, off + len)}; returns a new 32-byte digest. */
    public static byte[] hash(byte[] input, int off, int len) {
        byte[] out = new byte[OUT_LEN];
        hash(input, off, len, out, 0);
        return out;
    }

    /**
     * Hashes {@code input[off, off + len)} into {@code out[outOff, outOff + 32)}, allocating nothing:
     * the form for hot loops.
     */
    public static void hash(byte[] input, int off, int len, byte[] out, int outOff) {
        Checks.requireNonNull(input, "input");
        Checks.requireNonNull(out, "out");
        Checks.checkFromIndexSize(off, len, input.length);
        Checks.checkFromIndexSize(outOff, OUT_LEN, out.length);
        NativeLoader.ensureLoaded();
        Blake3Native.hash(input, off, len, out, outOff, OUT_LEN);
    }

    /** Hashes all of {@code input}; returns the digest as 64 lower-case hex characters. */
    public static String hashHex(byte[] input) {
        return Hex.encode(hash(input));
    }

    /** Lower-case hex of {@code digest}, as {@code b3sum} prints it. */
    public static String toHex(byte[] digest) {
        return Hex.encode(digest);
    }

    /** A new streaming hasher; close it (try-with-resources) to free its native state. */
    public static Hasher newHasher() {
        return new Hasher();
    }

    /**
     * Streaming BLAKE3: feed input with {@code update}, read the digest with {@code digest} (any
     * length: BLAKE3 is an extendable-output function). Reading the digest does not change the state,
     * unlike {@link java.security.MessageDigest#digest()}: more input may follow, and
     * {@link #reset()} starts over.
     *
     * <p>Not thread-safe: a second thread using it at the same time gets a
     * {@link java.util.ConcurrentModificationException} rather than a corrupted state. Owns native
     * memory (about 2 KiB) until {@link #close()}; see {@link NativeResource}.
     */
    public static final class Hasher extends NativeResource {
        private static final String KIND = "Blake3.Hasher";

        /** A plain (unkeyed) hasher. */
        public Hasher() {
            super(newHandle(), Blake3Native::free, KIND);
        }

        private static long newHandle() {
            NativeLoader.ensureLoaded();
            return Blake3Native.newHasher();
        }

        /** Absorbs all of {@code input}. */
        public Hasher update(byte[] input) {
            Checks.requireNonNull(input, "input");
            return update(input, 0, input.length);
        }

        /** Absorbs {@code input[off, off + len)}. */
        public Hasher update(byte[] input, int off, int len) {
            Checks.requireNonNull(input, "input");
            Checks.checkFromIndexSize(off, len, input.length);
            long h = beginExclusiveCall();
            try {
                Blake3Native.update(h, input, off, len);
            } finally {
                endCall();
            }
            return this;
        }

        /** Absorbs one byte. */
        public Hasher update(byte b) {
            return update(new byte[] {b}, 0, 1);
        }

        /** The 32-byte digest of everything absorbed so far. */
        public byte[] digest() {
            return digest(OUT_LEN);
        }

        /** The first {@code length} bytes of the extendable output (any length; the first 32 are {@link #digest()}). */
        public byte[] digest(int length) {
            if (length < 0) throw new IllegalArgumentException("length must be >= 0, was " + length);
            byte[] out = new byte[length];
            output(0, out, 0, length);
            return out;
        }

        /** Writes the first {@code len} output bytes into {@code out[off, off + len)}, allocating nothing. */
        public void digestInto(byte[] out, int off, int len) {
            output(0, out, off, len);
        }

        /**
         * Writes output bytes {@code [position, position + len)} of the extendable output into
         * {@code out[off, off + len)}: random access into an arbitrarily long output stream.
         *
         * @throws IllegalArgumentException if {@code position} is negative
         */
        public void output(long position, byte[] out, int off, int len) {
            Checks.requireNonNull(out, "out");
            Checks.checkFromIndexSize(off, len, out.length);
            if (position < 0) throw new IllegalArgumentException("position must be >= 0, was " + position);
            long h = beginExclusiveCall();
            try {
                Blake3Native.finalizeXof(h, position, out, off, len);
            } finally {
                endCall();
            }
        }

        /** Forgets all input. */
        public Hasher reset() {
            long h = beginExclusiveCall();
            try {
                Blake3Native.reset(h);
            } finally {
                endCall();
            }
            return this;
        }
    }
}
