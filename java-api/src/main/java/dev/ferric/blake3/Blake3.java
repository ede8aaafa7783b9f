package dev.ferric.blake3;

import dev.ferric.Hex;
import dev.ferric.NativeResource;
import dev.ferric.internal.ByteRange;
import dev.ferric.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * BLAKE3, the fast cryptographic hash, computed by the reference Rust implementation with SIMD
 * (SSE4.1/AVX2/AVX-512/NEON chosen at run time) and, for large files, several threads.
 *
 * <pre>{@code
 * byte[] digest = Blake3.hash(data);                 // 32 bytes
 * String hex = Blake3.hashHex(data);                 // as printed by b3sum
 * byte[] fileDigest = Blake3.hashFile(path);         // memory-mapped, all cores
 * try (Blake3.Hasher h = Blake3.newHasher()) {       // streaming
 *     h.update(part1).update(part2);
 *     byte[] d = h.digest();
 * }
 * }</pre>
 *
 * <p><b>Memory contract.</b> {@code byte[]} inputs are only read during the call: up to 1 KiB is
 * copied; larger arrays are read in place in slices of at most 256 KiB, each inside a short JNI
 * critical section (the garbage collector may wait for one slice, about 50 µs), and nothing stays
 * pinned after the call. Direct {@link ByteBuffer}s are read in place with no copy and no pinning
 * (their memory is off-heap). Heap buffers are read like arrays. Outputs are copied into the Java array
 * given or returned. No method keeps a reference to an argument after it returns.
 *
 * <p>All methods throw {@link NullPointerException} for null arguments, {@link IndexOutOfBoundsException}
 * for offsets or lengths outside an array, and {@link UnsatisfiedLinkError} if the native library
 * could not be loaded (its message says why and what to do).
 */
public final class Blake3 {
    /** Length in bytes of a default BLAKE3 digest. */
    public static final int OUT_LEN = 32;

    /** Length in bytes of a key for {@link #keyedHash(byte[], byte[])}. */
    public static final int KEY_LEN = 32;

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
        Blake3Calls.hash(input, off, len, out, outOff, OUT_LEN);
    }

    /**
     * Hashes the remaining bytes of {@code input} and advances its position to its limit, like
     * {@link java.security.MessageDigest#update(ByteBuffer)}. A direct buffer is read in place.
     */
    public static byte[] hash(ByteBuffer input) {
        byte[] out = new byte[OUT_LEN];
        hash(input, out, 0);
        return out;
    }

    /** {@link #hash(ByteBuffer)} into {@code out[outOff, outOff + 32)}, allocating nothing. */
    public static void hash(ByteBuffer input, byte[] out, int outOff) {
        Checks.requireNonNull(input, "input");
        Checks.requireNonNull(out, "out");
        Checks.checkFromIndexSize(outOff, OUT_LEN, out.length);
        ByteRange r = ByteRange.inPlace(input);
        if (r != null) {
            if (r.array != null) Blake3Calls.hash(r.array, r.off, r.len, out, outOff, OUT_LEN);
            else Blake3Native.get().hash(null, r.direct, r.off, r.len, out, outOff, OUT_LEN);
            input.position(input.limit());
        } else {
            try (Hasher h = new Hasher()) {
                h.update(input).digestInto(out, outOff, OUT_LEN);
            }
        }
    }

    /** Hashes all of {@code input}; returns the digest as 64 lower-case hex characters. */
    public static String hashHex(byte[] input) {
        return Hex.encode(hash(input));
    }

    /** Lower-case hex of {@code digest}, as {@code b3sum} prints it. */
    public static String toHex(byte[] digest) {
        return Hex.encode(digest);
    }

    /**
     * Keyed hash (a MAC) of {@code input} under a 32-byte {@code key}.
     *
     * @throws IllegalArgumentException if the key is not exactly 32 bytes
     */
    public static byte[] keyedHash(byte[] key, byte[] input) {
        Checks.requireNonNull(input, "input");
        try (Hasher h = newKeyedHasher(key)) {
            return h.update(input).digest();
        }
    }

    /**
     * Derives a 32-byte key from {@code keyMaterial} for the given {@code context}, which should be a
     * hard-coded, globally unique, application-specific string such as
     * {@code "example.com 2026-11-26 session tokens v1"}.
     */
    public static byte[] deriveKey(String context, byte[] keyMaterial) {
        return deriveKey(context, keyMaterial, OUT_LEN);
    }

    /** {@link #deriveKey(String, byte[])} with an output of {@code length} bytes. */
    public static byte[] deriveKey(String context, byte[] keyMaterial, int length) {
        Checks.requireNonNull(keyMaterial, "keyMaterial");
        try (Hasher h = newDeriveKeyHasher(context)) {
            return h.update(keyMaterial).digest(length);
        }
    }

    /**
     * Hashes the file at {@code path} with every core: large files are memory-mapped and split across
     * threads, small ones read plainly. The file must not be modified while it is hashed.
     *
     * @throws IOException if the file cannot be opened or read ({@link NoSuchFileException} if it is missing)
     */
    public static byte[] hashFile(Path path) throws IOException {
        return hashFile(path, 0);
    }

    /** {@link #hashFile(Path)} on at most {@code threads} threads (0 = all cores, 1 = no extra threads). */
    public static byte[] hashFile(Path path, int threads) throws IOException {
        try (Hasher h = new Hasher()) {
            return h.updateFile(path, threads).digest();
        }
    }

    /** Hashes everything {@code in} yields until end of stream; does not close it. */
    public static byte[] hash(InputStream in) throws IOException {
        try (Hasher h = new Hasher()) {
            return h.update(in).digest();
        }
    }

    /** A new plain streaming hasher; close it (try-with-resources) to free its native state. */
    public static Hasher newHasher() {
        return new Hasher();
    }

    /**
     * A new keyed streaming hasher.
     *
     * @throws IllegalArgumentException if the key is not exactly 32 bytes
     */
    public static Hasher newKeyedHasher(byte[] key) {
        Checks.requireNonNull(key, "key");
        if (key.length != KEY_LEN) {
            throw new IllegalArgumentException("BLAKE3 key must be " + KEY_LEN + " bytes, was " + key.length);
        }
        return new Hasher(Blake3Native.get().newKeyedHasher(key));
    }

    /** A new key-derivation streaming hasher for {@code context} (see {@link #deriveKey(String, byte[])}). */
    public static Hasher newDeriveKeyHasher(String context) {
        Checks.requireNonNull(context, "context");
        return new Hasher(Blake3Native.get().newDeriveKeyHasher(context));
    }

    /**
     * Streaming BLAKE3: feed input with {@code update}, read the digest with {@code digest} (any
     * length: BLAKE3 is an extendable-output function). Reading the digest does not change the state,
     * unlike {@link java.security.MessageDigest#digest()}: more input may follow, and
     * {@link #reset()} starts over (keeping the key or context).
     *
     * <p>Not thread-safe: a second thread using it at the same time gets a
     * {@link java.util.ConcurrentModificationException} rather than a corrupted state. Owns about
     * 2 KiB of native memory until {@link #close()}; see {@link NativeResource}.
     */
    public static final class Hasher extends NativeResource {
        private static final String KIND = "Blake3.Hasher";
        private static final int STREAM_BUFFER = 64 * 1024;
        /**
         * Updates of up to this many bytes in all are gathered in Java and absorbed by the next call that
         * crosses into native code (a digest, a larger update, a copy); a {@link #reset()} is deferred the
         * same way. So a hasher reused per record (update, digest, reset: {@code MessageDigest}'s pattern)
         * crosses once per record instead of three times. One BLAKE3 chunk.
         */
        private static final int GATHER = 1024;

        // Touched only inside runExclusive/withExclusive, like the native state they stand for.
        private byte[] gathered;
        private int gatheredLen;
        private boolean resetDeferred;

        /** A plain (unkeyed) hasher. */
        public Hasher() {
            this(newPlainHandle());
        }

        Hasher(long handle) {
            super(handle, h -> Blake3Native.get().free(h), KIND);
        }

        private static long newPlainHandle() {
            return Blake3Native.get().newHasher();
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
            runExclusive(h -> {
                if (!gather(h, input, off, len)) Blake3Native.get().update(h, input, null, off, len, 1);
            });
            return this;
        }

        /** Absorbs one byte. */
        public Hasher update(byte b) {
            runExclusive(h -> {
                if (gatheredLen == GATHER) flush(h);
                gathered(gatheredLen + 1)[gatheredLen++] = b;
            });
            return this;
        }

        /**
         * Inside an exclusive call: copies {@code input[off, off + len)} to the gathered bytes and returns
         * true, or, when it is too large to gather, absorbs what was gathered and returns false (the caller
         * then hands {@code input} over itself).
         */
        private boolean gather(long h, byte[] input, int off, int len) {
            if (len > GATHER) {
                flush(h);
                return false;
            }
            if (gatheredLen + len > GATHER) flush(h);
            System.arraycopy(input, off, gathered(gatheredLen + len), gatheredLen, len);
            gatheredLen += len;
            return true;
        }

        /**
         * The gathered bytes' array, with room for {@code needed} (at most {@link #GATHER}): it grows from
         * what the first update needs, so a hasher that absorbs one small record does not allocate 1 KiB.
         */
        private byte[] gathered(int needed) {
            if (gathered == null || gathered.length < needed) {
                byte[] grown = new byte[Math.min(GATHER, Math.max(needed, gathered == null ? 64 : 2 * gathered.length))];
                if (gatheredLen > 0) System.arraycopy(gathered, 0, grown, 0, gatheredLen);
                gathered = grown;
            }
            return gathered;
        }

        /** Inside an exclusive call: applies a deferred reset and absorbs the gathered bytes, if any. */
        private void flush(long h) {
            if (gatheredLen > 0 || resetDeferred) absorb(h, 0, null, 0, 0);
        }

        /**
         * Inside an exclusive call: the deferred reset, the gathered bytes, then output bytes
         * {@code [position, position + len)} into {@code out} unless it is null; one native call. Every
         * argument is checked before it, so it fails only on an {@code Error} (out of memory), after
         * which the gathered bytes count as absorbed whether they were or not: the hasher's output is
         * then unspecified until {@link #reset()}.
         */
        private void absorb(long h, long position, byte[] out, int off, int len) {
            try {
                Blake3Calls.absorb(h, resetDeferred, gathered, gatheredLen, position, out, off, len);
            } finally {
                gatheredLen = 0;
                resetDeferred = false;
            }
        }

        /**
         * Absorbs the remaining bytes of {@code input} and advances its position to its limit. A direct
         * buffer is read in place (zero copy); a heap buffer through its array.
         */
        public Hasher update(ByteBuffer input) {
            Checks.requireNonNull(input, "input");
            ByteRange r = ByteRange.inPlace(input);
            if (r != null) {
                runExclusive(h -> {
                    if (r.array != null && gather(h, r.array, r.off, r.len)) return;
                    if (r.array == null) flush(h); // a failed gather has flushed already
                    Blake3Native.get().update(h, r.array, r.direct, r.off, r.len, 1);
                });
                input.position(input.limit());
            } else {
                // read-only heap buffer: its array is hidden, so copy through a bounded buffer
                byte[] chunk = new byte[Math.min(input.remaining(), STREAM_BUFFER)];
                while (input.hasRemaining()) {
                    int n = Math.min(chunk.length, input.remaining());
                    input.get(chunk, 0, n);
                    update(chunk, 0, n);
                }
            }
            return this;
        }

        /**
         * Absorbs the remaining bytes of a direct buffer (for example a {@link java.nio.MappedByteBuffer}
         * of a large file) in place, split across up to {@code threads} threads (0 = all cores) when it
         * is larger than 128 KiB; advances its position to its limit.
         *
         * @throws IllegalArgumentException if the buffer is not direct or {@code threads} is negative
         */
        public Hasher updateParallel(ByteBuffer direct, int threads) {
            Checks.requireNonNull(direct, "direct");
            if (!direct.isDirect()) throw new IllegalArgumentException("updateParallel needs a direct buffer");
            if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, was " + threads);
            ByteRange r = ByteRange.inPlace(direct);
            runExclusive(h -> {
                flush(h);
                Blake3Native.get().update(h, null, r.direct, r.off, r.len, threads);
            });
            direct.position(direct.limit());
            return this;
        }

        /** Absorbs everything {@code in} yields until end of stream (64 KiB at a time); does not close it. */
        public Hasher update(InputStream in) throws IOException {
            Checks.requireNonNull(in, "in");
            byte[] buf = new byte[STREAM_BUFFER];
            for (int n; (n = in.read(buf)) != -1; ) update(buf, 0, n);
            return this;
        }

        /**
         * Absorbs the file at {@code path}: memory-mapped and split across up to {@code threads}
         * threads (0 = all cores) when larger than 128 KiB, read plainly otherwise. The file's bytes are
         * read by native code directly; nothing passes through the Java heap.
         *
         * @throws IOException if the file cannot be opened or read
         * @throws IllegalArgumentException if {@code threads} is negative
         */
        public Hasher updateFile(Path path, int threads) throws IOException {
            Checks.requireNonNull(path, "path");
            if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, was " + threads);
            if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
            if (Files.isDirectory(path)) throw new IOException(path + ": is a directory");
            String absolute = path.toAbsolutePath().toString();
            runExclusive(h -> {
                flush(h);
                Blake3Native.get().updateFile(h, absolute, threads);
            });
            return this;
        }

        /** The 32-byte digest of everything absorbed so far. */
        public byte[] digest() {
            return digest(OUT_LEN);
        }

        /** The first {@code length} bytes of the extendable output (the first 32 are {@link #digest()}). */
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
         * {@code out[off, off + len)}: random access into an output stream of any length.
         *
         * @throws IllegalArgumentException if {@code position} is negative
         */
        public void output(long position, byte[] out, int off, int len) {
            Checks.requireNonNull(out, "out");
            Checks.checkFromIndexSize(off, len, out.length);
            if (position < 0) throw new IllegalArgumentException("position must be >= 0, was " + position);
            runExclusive(h -> absorb(h, position, out, off, len));
        }

        /**
         * The extendable output as an endless {@link InputStream} starting at byte 0; {@code skip(n)}
         * seeks forward. It reads from a snapshot of the current state, so later updates do not affect
         * it. Close it to free the snapshot.
         */
        public InputStream outputStream() {
            return new OutputStream(copy());
        }

        /** An independent hasher with the same state (and key or context). */
        public Hasher copy() {
            return withExclusive(h -> {
                flush(h);
                return new Hasher(Blake3Native.get().copy(h));
            });
        }

        /** Forgets all input, keeping the key or context. */
        public Hasher reset() {
            runExclusive(h -> { // applied by the next call that crosses
                gatheredLen = 0;
                resetDeferred = true;
            });
            return this;
        }
    }

    /** The endless output stream of {@link Hasher#outputStream()}. */
    private static final class OutputStream extends InputStream {
        private final Hasher snapshot;
        private long position;

        OutputStream(Hasher snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            read(one, 0, 1);
            return one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Checks.requireNonNull(b, "b");
            Checks.checkFromIndexSize(off, len, b.length);
            snapshot.output(position, b, off, len);
            position += len;
            return len;
        }

        @Override
        public long skip(long n) {
            if (n <= 0) return 0;
            long step = Math.min(n, Long.MAX_VALUE - position);
            position += step;
            return step;
        }

        @Override
        public void close() {
            snapshot.close();
        }
    }
}
