package dev.ferric.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * SHA-256 (FIPS 180-4) as lower-case hex, for library verification, in plain Java.
 *
 * <p>Not the JDK's {@code MessageDigest}: in a fresh JVM its provider framework takes 35-40 ms to
 * start before it hashes a byte, which is more than the whole warm load may take. The loader hashes
 * the small verifier library with this class (about 18 KB, a few milliseconds while the JIT is
 * cold); for the main library it hands the block compression to the verifier
 * ({@link Linker#verifierCompress}), keeping the state, buffering and padding here. Checked
 * against the JDK's SHA-256 and the NIST vectors in {@code Sha256Test}.
 */
public final class Sha256 {
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    /** The eight state words, updated by {@link #compress}. */
    final int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    private final int[] w = new int[64];
    private final byte[] block = new byte[128];
    private int buffered;
    private long length;
    /** Compresses the blocks when not null (the verifier, loaded and checked); else this class does. */
    private final Linker verifier;

    Sha256() {
        this(null);
    }

    Sha256(Linker verifier) {
        this.verifier = verifier;
    }

    public static String of(byte[] bytes) {
        return new Sha256().hash(bytes);
    }

    /** Hashes the file at {@code path} without following a symbolic link. */
    public static String ofFile(Path path) throws IOException {
        LibraryCache.requireRegularFile(path);
        return new Sha256().hashFile(path, new byte[64 * 1024]);
    }

    /** Hashes {@code path} (already checked to be a regular file) in chunks of {@code buf}'s size. */
    String hashFile(Path path, byte[] buf) throws IOException {
        try (InputStream in = new FileInputStream(path.toFile())) { // java.io: see LibraryCache.readFile
            for (int n; (n = in.read(buf)) > 0; ) update(buf, 0, n);
        }
        return hexDigest();
    }

    /** Hashes {@code bytes}. */
    String hash(byte[] bytes) {
        update(bytes, 0, bytes.length);
        return hexDigest();
    }

    private void update(byte[] b, int off, int len) {
        length += len;
        if (buffered > 0) {
            int n = Math.min(len, 64 - buffered);
            System.arraycopy(b, off, block, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered < 64) return;
            compress(block, 0, 1);
            buffered = 0;
        }
        if (len >= 64) compress(b, off, len / 64);
        off += len / 64 * 64;
        len %= 64;
        System.arraycopy(b, off, block, 0, len);
        buffered = len;
    }

    private String hexDigest() {
        long bits = length * 8;
        int padded = buffered < 56 ? 64 : 128;
        block[buffered] = (byte) 0x80;
        java.util.Arrays.fill(block, buffered + 1, padded - 8, (byte) 0);
        for (int i = 0; i < 8; i++) block[padded - 1 - i] = (byte) (bits >>> (8 * i));
        compress(block, 0, padded / 64);
        char[] out = new char[64];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) out[8 * i + j] = Character.forDigit((h[i] >>> (28 - 4 * j)) & 0xf, 16);
        }
        return new String(out);
    }

    /** Compresses the {@code count} 64-byte blocks of {@code b} that start at {@code off} into {@link #h}. */
    void compress(byte[] b, int off, int count) {
        if (verifier != null) {
            if (!verifier.verifierCompress(h, b, off, count)) {
                throw new IllegalStateException("the verifier refused blocks " + off + "+" + count + " of " + b.length);
            }
            return;
        }
        for (int i = 0; i < count; i++, off += 64) compressBlock(b, off);
    }

    /**
     * One 64-byte block. Rotations are written out rather than called ({@code Integer.rotateRight}):
     * this runs interpreted in a fresh JVM, where each call costs more than the arithmetic.
     */
    private void compressBlock(byte[] b, int off) {
        int[] w = this.w;
        for (int t = 0; t < 16; t++, off += 4) {
            w[t] = (b[off] << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int x = w[t - 2];
            int y = w[t - 15];
            int s1 = ((x >>> 17) | (x << 15)) ^ ((x >>> 19) | (x << 13)) ^ (x >>> 10);
            int s0 = ((y >>> 7) | (y << 25)) ^ ((y >>> 18) | (y << 14)) ^ (y >>> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        int a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 64; t++) {
            int t1 = hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
                    + ((e & f) ^ (~e & g)) + K[t] + w[t];
            int t2 = (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))
                    + ((a & bb) ^ (a & c) ^ (bb & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = bb;
            bb = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += bb;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }

    static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = Character.forDigit((b[i] >> 4) & 0xf, 16);
            out[2 * i + 1] = Character.forDigit(b[i] & 0xf, 16);
        }
        return new String(out);
    }
}
