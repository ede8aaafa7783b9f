package dev.ferric.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferric.Ferric;
import dev.ferric.compress.DecompressionLimits;
import dev.ferric.compress.Deflate;
import dev.ferric.compress.Deflater;
import dev.ferric.compress.DeflaterOutputStream;
import dev.ferric.compress.GzipHeader;
import dev.ferric.compress.GzipInputStream;
import dev.ferric.compress.GzipOutputStream;
import dev.ferric.compress.Inflater;
import dev.ferric.compress.InflaterInputStream;
import dev.ferric.compress.Lz4;
import dev.ferric.compress.Lz4Exception;
import dev.ferric.compress.Lz4FrameInputStream;
import dev.ferric.compress.Lz4FrameOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * Fuzzes the compression streams with random chunking. The fuzzer's input is a payload followed by
 * nine control bytes (read from the end): a selector, then the seed of the generator that chooses
 * every write, flush, read, skip and chunk size. Two modes:
 *
 * <ul>
 *   <li>round trip: the payload is written in random pieces (with random {@code flush()} calls, and
 *       sometimes as two gzip members or LZ4 frames) through a ferric gzip, zlib, raw deflate or LZ4
 *       frame output stream, then read back through the ferric input stream with random
 *       {@code read()}, {@code read(b, off, len)}, {@code skip} and {@code available} calls, through
 *       the one-shot call, and, for deflate, through {@code java.util.zip}: all must give the payload;
 *       after a sync flush, what was written so far must already be decodable;
 *   <li>hostile: the payload (as is, or a valid stream of it with random damage) goes to every ferric
 *       decoder, streaming (with random chunking) and one-shot; each either decodes or throws the
 *       exception its Javadoc documents ({@link ZipException}, {@link EOFException},
 *       {@link DataFormatException} for {@link Inflater}, {@link Lz4Exception} for blocks).
 * </ul>
 *
 * Anything else (another exception, a read that makes no progress, a native handle left open, a JVM
 * crash) is a finding. Inputs are capped at {@link #MAX_PAYLOAD} bytes and outputs at
 * {@link #MAX_OUTPUT}, so each run is short.
 *
 * <p>Each build runs the stored inputs (regression mode). {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration}; {@code .ci/run} does that briefly.
 */
class CompressStreamsFuzzTest {
    private static final int MAX_PAYLOAD = 8 * 1024;
    private static final int MAX_OUTPUT = 1 << 20;
    private static final int GZIP = 0, ZLIB = 1, RAW = 2, LZ4 = 3;

    // Same constraint as Blake3ApiFuzzTest: Jazzer 0.24's JUnit integration needs Java 17.
    @EnabledForJreRange(min = JRE.JAVA_17)
    @FuzzTest(maxDuration = "20s")
    void streamsRoundTripAndRejectBadInputAsDocumented(FuzzedDataProvider data) throws IOException {
        int selector = data.consumeByte() & 0xff;
        Random rnd = new Random(data.consumeLong());
        byte[] payload = data.consumeRemainingAsBytes();
        if (payload.length > MAX_PAYLOAD) payload = Arrays.copyOf(payload, MAX_PAYLOAD);
        int format = (selector >>> 1) & 3;
        long liveBefore = Ferric.nativeStats().liveHandles();
        if ((selector & 1) == 0) {
            roundTrip(format, payload, rnd);
        } else {
            byte[] hostile = (selector & 8) == 0 ? payload : damage(compress(format, payload, rnd), rnd);
            decodeHostile(hostile, rnd);
        }
        assertEquals(liveBefore, Ferric.nativeStats().liveHandles(), "native handles left open: " + Ferric.nativeStats());
    }

    // ---- round trip ----

    private static void roundTrip(int format, byte[] payload, Random rnd) throws IOException {
        byte[] compressed = compress(format, payload, rnd);
        assertArrayEquals(payload, read(ferricReader(format, new Chunked(compressed, rnd, true), rnd), rnd, payload), "ferric stream");
        assertArrayEquals(payload, oneShot(format, compressed), "one-shot decompress");
        if (format != LZ4) {
            assertArrayEquals(payload, read(jdkReader(format, new Chunked(compressed, rnd, true)), rnd, payload), "java.util.zip stream");
        }
    }

    /** The payload through a ferric output stream in random writes and flushes; sometimes two members or frames. */
    private static byte[] compress(int format, byte[] payload, Random rnd) throws IOException {
        ByteArrayOutputStream sink = new Bounded();
        int split = (format == GZIP || format == LZ4) && rnd.nextInt(4) == 0 ? rnd.nextInt(payload.length + 1) : payload.length;
        writeMember(format, payload, 0, split, sink, rnd);
        if (split < payload.length) writeMember(format, payload, split, payload.length, sink, rnd);
        return sink.toByteArray();
    }

    /** A caller-owned Deflater with a random strategy (set before any input, as allowed). */
    private static Deflater deflater(int level, boolean nowrap, Random rnd) {
        Deflater d = new Deflater(level, nowrap);
        d.setStrategy(rnd.nextInt(3));
        return d;
    }

    private static void writeMember(int format, byte[] payload, int from, int to, ByteArrayOutputStream sink, Random rnd) throws IOException {
        int level = rnd.nextInt(11) - 1;
        int bufferSize = rnd.nextBoolean() ? 1 + rnd.nextInt(64) : 1 + rnd.nextInt(DeflaterOutputStream.DEFAULT_BUFFER);
        boolean syncFlush = rnd.nextBoolean();
        int start = sink.size(); // before the constructor, which writes the gzip header
        Deflater callerOwned = null;
        OutputStream out;
        switch (format) {
            case GZIP:
                GzipHeader header = rnd.nextBoolean() ? null : GzipHeader.builder().fileName("f" + rnd.nextInt(1000)).modificationTime(rnd.nextInt() & 0xffffffffL).build();
                out = new GzipOutputStream(sink, bufferSize, syncFlush, level, header);
                break;
            case ZLIB:
                out = rnd.nextBoolean() ? new DeflaterOutputStream(sink, syncFlush)
                        : new DeflaterOutputStream(sink, callerOwned = deflater(level, false, rnd), bufferSize, syncFlush);
                break;
            case RAW:
                out = new DeflaterOutputStream(sink, callerOwned = deflater(level, true, rnd), bufferSize, syncFlush);
                break;
            default:
                syncFlush = true; // an LZ4 flush always ends the block
                out = new Lz4FrameOutputStream(sink, Lz4.BLOCK_64KB + rnd.nextInt(4), rnd.nextBoolean(), rnd.nextBoolean());
        }
        byte[] scratch = new byte[MAX_PAYLOAD + 64];
        int pos = from;
        while (pos < to) {
            int n = Math.min(to - pos, rnd.nextInt(3) == 0 ? rnd.nextInt(4) : rnd.nextInt(2048));
            if (n == 1 && rnd.nextBoolean()) {
                out.write(payload[pos]);
            } else { // from a random offset of a larger array, so offsets matter
                int off = rnd.nextInt(64);
                System.arraycopy(payload, pos, scratch, off, n);
                out.write(scratch, off, n);
            }
            pos += n;
            if (rnd.nextInt(6) == 0) {
                out.flush();
                if (syncFlush) {
                    byte[] soFar = Arrays.copyOfRange(sink.toByteArray(), start, sink.size());
                    assertArrayEquals(Arrays.copyOfRange(payload, from, pos), prefix(format, soFar, pos - from), "not decodable after flush()");
                }
            }
        }
        if (rnd.nextBoolean()) {
            if (out instanceof DeflaterOutputStream) ((DeflaterOutputStream) out).finish();
            else ((Lz4FrameOutputStream) out).finish();
        }
        out.close();
        if (callerOwned != null) {
            assertTrue(callerOwned.finished(), "close() did not finish the caller's deflater");
            callerOwned.close();
        }
    }

    /** The first {@code n} bytes that a stream cut right after a flush decodes to. */
    private static byte[] prefix(int format, byte[] cut, int n) throws IOException {
        InputStream in = format == LZ4 ? new Lz4FrameInputStream(new ByteArrayInputStream(cut)) : jdkReader(format, new ByteArrayInputStream(cut));
        try {
            byte[] out = new byte[n];
            int got = 0;
            for (int r; got < n && (r = in.read(out, got, n - got)) != -1; ) got += r;
            return Arrays.copyOf(out, got);
        } finally {
            in.close();
        }
    }

    private static InputStream ferricReader(int format, InputStream in, Random rnd) throws IOException {
        int size = rnd.nextBoolean() ? 1 + rnd.nextInt(16) : 1 + rnd.nextInt(InflaterInputStream.DEFAULT_BUFFER);
        switch (format) {
            case GZIP:
                return new GzipInputStream(in, size);
            case ZLIB:
                return rnd.nextBoolean() ? new InflaterInputStream(in) : new ClosingInflaterStream(in, new Inflater(), size);
            case RAW:
                return new ClosingInflaterStream(in, new Inflater(true), size);
            default:
                return new Lz4FrameInputStream(in, size);
        }
    }

    private static InputStream jdkReader(int format, InputStream in) throws IOException {
        switch (format) {
            case GZIP:
                return new GZIPInputStream(in);
            case ZLIB:
                return new java.util.zip.InflaterInputStream(in);
            default:
                return new java.util.zip.InflaterInputStream(in, new java.util.zip.Inflater(true));
        }
    }

    private static byte[] oneShot(int format, byte[] compressed) throws IOException {
        return format == LZ4 ? Lz4.decompressFrame(compressed) : deflate(format).decompress(compressed);
    }

    private static Deflate deflate(int format) {
        return format == GZIP ? Deflate.GZIP : format == ZLIB ? Deflate.ZLIB : Deflate.RAW;
    }

    /**
     * Reads {@code in} to its end (or {@link #MAX_OUTPUT} bytes) with random calls, closes it and
     * returns what was read. Bytes passed over by {@code skip} are copied from {@code expected} (zeros
     * when it is null or shorter), so the result can be compared with it whole.
     */
    private static byte[] read(InputStream in, Random rnd, byte[] expected) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        try {
            for (int ops = 0; ; ops++) {
                if (ops > 4 * MAX_OUTPUT) fail("no progress after " + ops + " calls");
                if (got.size() >= MAX_OUTPUT) return got.toByteArray();
                switch (rnd.nextInt(8)) {
                    case 0: {
                        int b = in.read();
                        if (b == -1) return atEnd(in, got);
                        assertTrue(b >= 0 && b <= 255, "read() returned " + b);
                        got.write(b);
                        break;
                    }
                    case 1: { // skip: the skipped bytes are taken from the expected data, or zeros
                        long k = rnd.nextInt(100);
                        long s = in.skip(k);
                        assertTrue(s >= 0 && s <= k, "skip(" + k + ") returned " + s);
                        int at = got.size();
                        for (int i = 0; i < s; i++) got.write(expected != null && at + i < expected.length ? expected[at + i] : 0);
                        break;
                    }
                    case 2:
                        assertTrue(in.available() >= 0, "negative available()");
                        break;
                    default: {
                        int off = rnd.nextInt(64);
                        int len = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(buf.length - off);
                        int n = in.read(buf, off, len);
                        if (len == 0) {
                            // java.util.zip.GZIPInputStream answers -1 at the end even for 0 bytes; ferric, as
                            // InputStream specifies, 0.
                            if (n == -1 && in instanceof GZIPInputStream) return atEnd(in, got);
                            assertEquals(0, n, "read of 0 bytes");
                            break;
                        }
                        if (n == -1) return atEnd(in, got);
                        assertTrue(n >= 1 && n <= len, "read(" + len + ") returned " + n);
                        got.write(buf, off, n);
                    }
                }
                if (expected != null) assertTrue(got.size() <= expected.length, "more bytes than were written");
            }
        } finally {
            in.close();
        }
    }

    private static byte[] atEnd(InputStream in, ByteArrayOutputStream got) throws IOException {
        assertEquals(-1, in.read(), "read() after the end");
        assertEquals(0, in.available(), "available() after the end");
        return got.toByteArray();
    }

    // ---- hostile input ----

    /** A valid stream with random damage: flipped bytes, truncation, trailing garbage, a repeated piece. */
    private static byte[] damage(byte[] valid, Random rnd) {
        byte[] b = valid.clone();
        for (int i = rnd.nextInt(4); i > 0 && b.length > 0; i--) b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
        switch (rnd.nextInt(4)) {
            case 0:
                return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 1: {
                byte[] longer = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(32));
                for (int i = b.length; i < longer.length; i++) longer[i] = (byte) rnd.nextInt(256);
                return longer;
            }
            case 2: {
                int from = rnd.nextInt(b.length + 1);
                int to = from + rnd.nextInt(b.length - from + 1);
                ByteArrayOutputStream r = new ByteArrayOutputStream();
                r.write(b, 0, to);
                r.write(b, from, b.length - from);
                return r.toByteArray();
            }
            default:
                return b;
        }
    }

    private static void decodeHostile(byte[] in, Random rnd) {
        for (int format = GZIP; format <= LZ4; format++) {
            int f = format;
            expect(() -> read(ferricReader(f, new Chunked(in, rnd, rnd.nextBoolean()), rnd), rnd, null), ZipException.class, EOFException.class);
        }
        expect(() -> read(new ClosingInflaterStream(new Chunked(in, rnd, false), new Inflater(Deflate.GZIP), 1 + rnd.nextInt(64)), rnd, null),
                ZipException.class, EOFException.class);
        for (Deflate d : Deflate.values()) {
            expect(() -> d.decompress(in, 0, in.length, limits(rnd)), ZipException.class, EOFException.class);
            expect(() -> d.decompress(in, 0, in.length, new byte[rnd.nextInt(MAX_PAYLOAD * 4)], 0, 0), ZipException.class, EOFException.class);
            expect(() -> {
                byte[] out = new byte[rnd.nextInt(MAX_PAYLOAD * 4)];
                return d.decompress(in, 0, in.length, out, 0, out.length);
            }, ZipException.class, EOFException.class);
            expect(() -> d.decompress(direct(in), ByteBuffer.allocateDirect(rnd.nextInt(MAX_PAYLOAD * 4))), ZipException.class, EOFException.class);
            expect(() -> inflateInChunks(d, in, rnd), DataFormatException.class);
        }
        expect(() -> Lz4.decompressFrame(in, 0, in.length, limits(rnd)), ZipException.class, EOFException.class);
        int max = rnd.nextInt(MAX_PAYLOAD * 4);
        expect(() -> Lz4.safeDecompressor().decompress(in, 0, in.length, max), Lz4Exception.class);
        expect(() -> Lz4.safeDecompressor().decompress(direct(in), 0, in.length, ByteBuffer.allocateDirect(max), 0, max), Lz4Exception.class);
        expect(() -> Lz4.fastDecompressor().decompress(in, 0, max), Lz4Exception.class);
        expect(() -> Lz4.fastDecompressor().decompress(direct(in), 0, ByteBuffer.allocateDirect(max), 0, max), Lz4Exception.class);
    }

    /** The low-level API as a caller drives it: input in random pieces, output into a small buffer. */
    private static long inflateInChunks(Deflate format, byte[] in, Random rnd) throws DataFormatException {
        try (Inflater inf = new Inflater(format)) {
            byte[] out = new byte[1 + rnd.nextInt(1024)];
            int pos = 0;
            long total = 0;
            for (int calls = 0; total < MAX_OUTPUT; calls++) {
                if (calls > 4 * MAX_OUTPUT) fail("inflate made no progress");
                if (inf.needsInput()) {
                    if (pos == in.length) break;
                    int n = Math.min(in.length - pos, 1 + rnd.nextInt(256));
                    inf.setInput(in, pos, n);
                    pos += n;
                }
                int remaining = inf.getRemaining();
                int n = inf.inflate(out, 0, out.length);
                if (inf.finished() || inf.needsDictionary()) break;
                if (n == 0 && inf.getRemaining() == remaining && !inf.needsInput()) fail("inflate returned 0 without consuming input or asking for more");
                total += n;
            }
            return total;
        }
    }

    private static DecompressionLimits limits(Random rnd) {
        return rnd.nextBoolean() ? DecompressionLimits.of(MAX_OUTPUT, 200) : DecompressionLimits.of(rnd.nextInt(MAX_OUTPUT), rnd.nextInt(300));
    }

    private static ByteBuffer direct(byte[] b) {
        ByteBuffer d = ByteBuffer.allocateDirect(b.length);
        d.put(b).flip();
        return d;
    }

    private interface Decode {
        Object run() throws Exception;
    }

    /** Runs a decode; it may succeed or throw one of {@code documented}; anything else fails the test. */
    @SafeVarargs
    private static void expect(Decode decode, Class<? extends Exception>... documented) {
        try {
            decode.run();
        } catch (Exception e) {
            for (Class<? extends Exception> c : documented) {
                if (c.isInstance(e)) return;
            }
            throw new AssertionError("undocumented exception " + e, e);
        }
    }

    // ---- helpers ----

    /**
     * Hands out its bytes in random pieces of 1 to 300 bytes, as a socket might. {@code available()}
     * tells the truth when {@code honest}, else says 0 or a random count (gzip looks for a next member
     * only when bytes are available).
     */
    private static final class Chunked extends InputStream {
        private final byte[] data;
        private final Random rnd;
        private final boolean honest;
        private int pos;

        Chunked(byte[] data, Random rnd, boolean honest) {
            this.data = data;
            this.rnd = rnd;
            this.honest = honest;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (pos == data.length) return -1;
            int n = Math.min(Math.min(len, data.length - pos), rnd.nextInt(4) == 0 ? 1 : 1 + rnd.nextInt(300));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            int left = data.length - pos;
            return honest || left == 0 ? left : rnd.nextInt(Math.min(left, 3) + 1);
        }
    }

    /** A sink that fails when a stream keeps writing: no payload here compresses to {@link #MAX_OUTPUT} bytes. */
    private static final class Bounded extends ByteArrayOutputStream {
        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + len > MAX_OUTPUT) throw new AssertionError("the output stream does not stop writing");
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    /** An InflaterInputStream on a caller's inflater that also frees it on close, so handles can be counted. */
    private static final class ClosingInflaterStream extends InflaterInputStream {
        private final Inflater owned;

        ClosingInflaterStream(InputStream in, Inflater inf, int size) {
            super(in, inf, size);
            this.owned = inf;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                owned.close();
            }
        }
    }
}
