package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferric.blake3.Blake3;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * Fuzzes the public BLAKE3 API with random arrays, offsets, lengths, output positions, nulls and
 * closed hashers. Every call either returns what an independent implementation (Bouncy Castle)
 * computes, or throws the exception its documentation names for exactly those arguments; anything
 * else, or a JVM crash, is a finding.
 *
 * <p>Each build runs the stored inputs (regression mode). {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration}; {@code .ci/run} does that briefly, longer runs are described in SECURITY.md.
 */
class Blake3ApiFuzzTest {
    private static final int OPS = 8;

    // On the 11.0.2 runtime JUnit 5.14 rejects Jazzer 0.24's arguments provider ("does not override
    // provideArguments"); the API itself is tested on that runtime by the other tests.
    @EnabledForJreRange(min = JRE.JAVA_17)
    @FuzzTest(maxDuration = "20s")
    void everyCallIsRightOrThrowsTheDocumentedException(FuzzedDataProvider data) {
        byte[] input = data.consumeBoolean() ? null : data.consumeBytes(data.consumeInt(0, 3000));
        Blake3.Hasher h = Blake3.newHasher();
        Blake3Digest reference = new Blake3Digest(256);
        boolean closed = false;
        try {
            for (int op = 0; op < OPS && data.remainingBytes() > 0; op++) {
                int off = offset(data, input);
                int len = offset(data, input);
                boolean valid = input != null && (off | len) >= 0 && len <= input.length - off;
                switch (data.consumeInt(0, 5)) {
                    case 0: { // one-shot hash into a fresh array
                        byte[] got = call(() -> Blake3.hash(input, off, len), input, valid, false);
                        if (got != null) assertArrayEquals(ref(input, off, len), got);
                        break;
                    }
                    case 1: { // one-shot hash into a caller array at a random offset
                        byte[] out = data.consumeBoolean() ? null : new byte[data.consumeInt(0, 100)];
                        int outOff = data.consumeInt(-5, 100);
                        boolean outValid = out != null && outOff >= 0 && outOff <= out.length - Blake3.OUT_LEN;
                        byte[] before = out == null ? null : out.clone();
                        Object r = call(() -> {
                            Blake3.hash(input, off, len, out, outOff);
                            return out;
                        }, input, valid && outValid, out == null);
                        if (r != null) {
                            assertArrayEquals(ref(input, off, len), Arrays.copyOfRange(out, outOff, outOff + Blake3.OUT_LEN));
                            for (int i = 0; i < out.length; i++) {
                                if (i < outOff || i >= outOff + Blake3.OUT_LEN) assertEquals(before[i], out[i], "byte " + i + " was written");
                            }
                        } else if (out != null) {
                            assertArrayEquals(before, out, "a refused call wrote its output");
                        }
                        break;
                    }
                    case 2: { // streaming update
                        Object r = callOn(closed, () -> h.update(input, off, len), input, valid);
                        if (r != null) reference.update(input, off, len);
                        break;
                    }
                    case 3: { // digest of everything so far
                        byte[] got = callOn(closed, h::digest, new byte[0], true);
                        if (got != null) assertArrayEquals(refDigest(reference, 0, 32), got);
                        break;
                    }
                    case 4: { // extended output at a random position (long), into a random window
                        long position = data.consumeBoolean() ? data.consumeLong(-3, 5000) : data.consumeLong();
                        byte[] out = new byte[data.consumeInt(0, 200)];
                        int o = data.consumeInt(-3, 200);
                        int n = data.consumeInt(-3, 200);
                        boolean rangeOk = (o | n) >= 0 && n <= out.length - o;
                        try {
                            h.output(position, out, o, n);
                            if (closed || !rangeOk || position < 0) fail("accepted invalid output arguments");
                            if (position < 5000) {
                                assertArrayEquals(refDigest(reference, position, n), Arrays.copyOfRange(out, o, o + n));
                            }
                        } catch (IndexOutOfBoundsException e) {
                            if (rangeOk) throw e;
                        } catch (IllegalArgumentException e) { // documented for a negative position
                            if (!rangeOk || position >= 0) throw e;
                        } catch (IllegalStateException e) {
                            if (!closed || !rangeOk || position < 0) throw e;
                        }
                        break;
                    }
                    default: // close (idempotent); every later use must throw IllegalStateException
                        h.close();
                        closed = true;
                }
            }
        } finally {
            h.close();
        }
    }

    /** An offset or length: mostly near the array's bounds, sometimes anything at all. */
    private static int offset(FuzzedDataProvider data, byte[] input) {
        int n = input == null ? 0 : input.length;
        return data.consumeBoolean() ? data.consumeInt(-2, n + 2) : data.consumeInt();
    }

    private interface Call<T> {
        T run();
    }

    /** Runs a static call: null arrays must throw NPE, bad ranges IndexOutOfBoundsException, nothing else. */
    private static <T> T call(Call<T> c, byte[] input, boolean valid, boolean nullOut) {
        try {
            T r = c.run();
            if (input == null || nullOut || !valid) fail("accepted invalid arguments");
            return r;
        } catch (NullPointerException e) {
            if (input != null && !nullOut) throw e;
            return null;
        } catch (IndexOutOfBoundsException e) {
            if (input == null || nullOut || valid) throw e;
            return null;
        }
    }

    /** Like {@link #call}, on a hasher that may be closed: then only IllegalStateException is right. */
    private static <T> T callOn(boolean closed, Call<T> c, byte[] input, boolean valid) {
        if (!closed) return call(c, input, valid, false);
        try {
            c.run();
            fail("a closed hasher was used");
        } catch (IllegalStateException expected) {
            // documented: use after close
        } catch (NullPointerException | IndexOutOfBoundsException | IllegalArgumentException argumentsFirst) {
            // arguments are checked before the closed state; also documented
        }
        return null;
    }

    private static byte[] ref(byte[] in, int off, int len) {
        Blake3Digest d = new Blake3Digest(256);
        d.update(in, off, len);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** Bytes [position, position + n) of the reference's extended output, leaving it usable. */
    private static byte[] refDigest(Blake3Digest reference, long position, int n) {
        Blake3Digest copy = new Blake3Digest(reference);
        byte[] all = new byte[(int) position + n];
        copy.doFinal(all, 0, all.length);
        return Arrays.copyOfRange(all, (int) position, all.length);
    }
}
