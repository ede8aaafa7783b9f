package dev.ferric.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class StreamsTest {
    /** Returns at most a few bytes per read, to exercise every resumption point. */
    static InputStream trickle(byte[] data, long seed) {
        Random r = new Random(seed);
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + r.nextInt(7)));
            }
        };
    }

    @Test
    void deflaterAndInflaterStreamThroughTinyCallerBuffers() throws Exception {
        byte[] data = TestData.mixed(50_000, 2);
        for (Deflate f : Deflate.values()) {
            ByteArrayOutputStream c = new ByteArrayOutputStream();
            try (Deflater d = new Deflater(f, 5)) {
                byte[] out = new byte[3];
                for (int i = 0; i < data.length; i += 1000) {
                    d.setInput(data, i, Math.min(1000, data.length - i));
                    while (!d.needsInput()) c.write(out, 0, d.deflate(out));
                }
                d.finish();
                while (!d.finished()) c.write(out, 0, d.deflate(out));
                assertEquals(data.length, d.getBytesRead());
                assertEquals(c.size(), d.getBytesWritten());
            }
            assertArrayEquals(data, DeflateTest.jdkInflate(f, c.toByteArray()));
            byte[] compressed = TestData.concat(c.toByteArray(), new byte[] {9, 9});
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            try (Inflater inf = new Inflater(f)) {
                ByteBuffer out = ByteBuffer.allocateDirect(5);
                int pos = 0;
                while (!inf.finished()) {
                    if (inf.needsInput()) {
                        inf.setInput(ByteBuffer.wrap(compressed, pos, Math.min(11, compressed.length - pos)));
                        pos += Math.min(11, compressed.length - pos);
                    }
                    out.clear();
                    inf.inflate(out);
                    out.flip();
                    while (out.hasRemaining()) back.write(out.get());
                }
                assertEquals(2 + (pos - compressed.length), inf.getRemaining(), "bytes after the stream");
            }
            assertArrayEquals(data, back.toByteArray());
        }
    }

    @Test
    void syncFlushMakesWrittenDataReadable() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        GzipOutputStream out = new GzipOutputStream(sink, true);
        assertEquals(10, sink.size(), "header written by the constructor, as the JDK does");
        out.write("hello ".getBytes("UTF-8"));
        out.flush();
        byte[] partial = sink.toByteArray();
        GZIPInputStream jdk = new GZIPInputStream(new ByteArrayInputStream(partial));
        byte[] six = new byte[6];
        int n = 0;
        while (n < 6) n += jdk.read(six, n, 6 - n);
        assertEquals("hello ", new String(six, "UTF-8"));
        out.write("world".getBytes("UTF-8"));
        out.finish();
        assertThrows(IOException.class, () -> out.write(1), "write beyond end of stream");
        out.close();
        out.close();
        assertThrows(IOException.class, () -> out.write(1));
        assertEquals("hello world", new String(TestData.readAll(new GZIPInputStream(new ByteArrayInputStream(sink.toByteArray()))), "UTF-8"));
    }

    @Test
    void syncFlushEndsWithTinyBuffers() throws Exception {
        // Found by CompressStreamsFuzzTest: through a buffer of 5 bytes or less, flush() wrote empty
        // blocks forever. The sink refuses to grow past 1000 bytes so a regression fails instead of hanging.
        for (int size = 1; size <= 12; size++) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream() {
                @Override
                public synchronized void write(byte[] b, int off, int len) {
                    if (count + len > 1000) throw new IllegalStateException("flush() does not end");
                    super.write(b, off, len);
                }
            };
            try (Deflater def = new Deflater(); DeflaterOutputStream out = new DeflaterOutputStream(sink, def, size, true)) {
                out.write("hello hello hello".getBytes("UTF-8"));
                out.flush();
                java.util.zip.InflaterInputStream jdk = new java.util.zip.InflaterInputStream(new ByteArrayInputStream(sink.toByteArray()));
                byte[] got = new byte[17];
                int n = 0;
                while (n < got.length) n += jdk.read(got, n, got.length - n);
                assertEquals("hello hello hello", new String(got, "UTF-8"), "buffer size " + size);
            }
        }
    }

    @Test
    void lowLevelSyncAndFullFlushEndThroughTinyOutputs() throws Exception {
        // The JDK's contract: call deflate again with the same mode while it fills the output. Through
        // outputs of 5 bytes or less each new call used to start another empty 5-byte block, forever.
        byte[] data = "hello hello hello, a little text to flush".getBytes("UTF-8");
        for (int mode : new int[] {Deflater.SYNC_FLUSH, Deflater.FULL_FLUSH}) {
            for (int size = 1; size <= 12; size++) {
                try (Deflater def = new Deflater()) {
                    def.setInput(data);
                    ByteArrayOutputStream sink = new ByteArrayOutputStream();
                    byte[] out = new byte[size];
                    int n;
                    int calls = 0;
                    do {
                        n = def.deflate(out, 0, size, mode);
                        sink.write(out, 0, n);
                        assertTrue(++calls < 10_000, "mode " + mode + " through " + size + " bytes does not end");
                    } while (n == size);
                    java.util.zip.Inflater inf = new java.util.zip.Inflater();
                    inf.setInput(sink.toByteArray());
                    byte[] back = new byte[data.length];
                    assertEquals(data.length, inf.inflate(back), "mode " + mode + ", " + size + "-byte outputs");
                    inf.end();
                    assertArrayEquals(data, back);
                }
            }
        }
    }

    @Test
    void gzipStreamsInteroperateWithTheJdk() throws Exception {
        byte[] data = TestData.mixed(3 << 20, 4);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (GzipOutputStream out = new GzipOutputStream(sink, 1, GzipHeader.builder().fileName("x.bin").build())) {
            Random r = new Random(1);
            for (int i = 0; i < data.length; ) {
                int n = Math.min(data.length - i, r.nextInt(100_000));
                out.write(data, i, n);
                i += n;
            }
        }
        assertArrayEquals(data, TestData.readAll(new GZIPInputStream(new ByteArrayInputStream(sink.toByteArray()))));
        byte[] jdk = TestData.jdkGzip(data);
        try (GzipInputStream in = new GzipInputStream(trickle(jdk, 3))) {
            assertArrayEquals(data, TestData.readAll(in));
            assertEquals(0, in.available());
            assertEquals(-1, in.read());
        }
        try (GzipInputStream in = new GzipInputStream(new ByteArrayInputStream(sink.toByteArray()))) {
            assertEquals("x.bin", in.header().fileName());
            assertArrayEquals(data, TestData.readAll(in));
        }
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z)) {
            out.write(data);
        }
        assertArrayEquals(data, TestData.readAll(new java.util.zip.InflaterInputStream(new ByteArrayInputStream(z.toByteArray()))));
        try (InflaterInputStream in = new InflaterInputStream(trickle(z.toByteArray(), 5))) {
            assertArrayEquals(data, TestData.readAll(in));
        }
    }

    // The edge cases of the JDK's own GZIPInputStream tests (test/jdk/java/util/zip/GZIP).

    @Test
    void emptyInputIsEofException() {
        assertThrows(EOFException.class, () -> new GzipInputStream(new ByteArrayInputStream(new byte[0])));
        assertThrows(EOFException.class, () -> new GzipInputStream(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 8})));
    }

    @Test
    void notGzipIsZipException() {
        ZipException e = assertThrows(ZipException.class, () -> new GzipInputStream(new ByteArrayInputStream("hello world".getBytes())));
        assertEquals("Not in GZIP format", e.getMessage());
    }

    @Test
    void emptyMemberAndMultipleMembers() throws Exception {
        byte[] empty = TestData.jdkGzip(new byte[0]);
        try (GzipInputStream in = new GzipInputStream(new ByteArrayInputStream(empty))) {
            assertEquals(-1, in.read());
        }
        byte[] multi = TestData.concat(TestData.jdkGzip("a".getBytes()), empty, Deflate.GZIP.compress("bc".getBytes()), TestData.jdkGzip("def".getBytes()));
        try (GzipInputStream in = new GzipInputStream(trickle(multi, 8))) {
            assertEquals("abcdef", new String(TestData.readAll(in)));
        }
        try (GzipInputStream in = new GzipInputStream(new ByteArrayInputStream(multi), 1)) {
            assertEquals("abcdef", new String(TestData.readAll(in)));
        }
        assertEquals("abcdef", new String(Deflate.GZIP.decompress(multi)));
    }

    @Test
    void extraFieldNameCommentAndHeaderCrc() throws Exception {
        // Header with FEXTRA, FNAME, FCOMMENT and FHCRC, then a member body from the JDK.
        byte[] body = TestData.jdkGzip("payload".getBytes());
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(new byte[] {0x1f, (byte) 0x8b, 8, 0x1e, 0, 0, 0, 0, 0, 3, 4, 0, 'x', 'y', 1, 2});
        h.write("name\0comment\0".getBytes("ISO-8859-1"));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(h.toByteArray());
        h.write((int) crc.getValue());
        h.write((int) (crc.getValue() >>> 8));
        h.write(body, 10, body.length - 10);
        byte[] member = h.toByteArray();
        assertArrayEquals("payload".getBytes(), TestData.readAll(new GZIPInputStream(new ByteArrayInputStream(member))));
        try (GzipInputStream in = new GzipInputStream(trickle(member, 2))) {
            assertEquals("name", in.header().fileName());
            assertEquals("comment", in.header().comment());
            assertArrayEquals(new byte[] {'x', 'y', 1, 2}, in.header().extra());
            assertEquals("payload", new String(TestData.readAll(in)));
        }
        member[22] ^= 1;
        assertThrows(ZipException.class, () -> TestData.readAll(new GzipInputStream(new ByteArrayInputStream(member))));
    }

    @Test
    void trailingGarbageIsIgnoredByTheStreamLikeTheJdk() throws Exception {
        byte[] withGarbage = TestData.concat(TestData.jdkGzip("data".getBytes()), "garbage!".getBytes());
        assertEquals("data", new String(TestData.readAll(new GZIPInputStream(new ByteArrayInputStream(withGarbage)))));
        assertEquals("data", new String(TestData.readAll(new GzipInputStream(new ByteArrayInputStream(withGarbage)))));
    }

    @Test
    void truncatedAndCorruptStreams() throws Exception {
        byte[] gz = TestData.jdkGzip(TestData.mixed(200_000, 6));
        for (int cut : new int[] {11, gz.length / 2, gz.length - 4, gz.length - 1}) {
            byte[] t = java.util.Arrays.copyOf(gz, cut);
            EOFException e = assertThrows(EOFException.class, () -> TestData.readAll(new GzipInputStream(new ByteArrayInputStream(t))));
            assertEquals("Unexpected end of ZLIB input stream", e.getMessage());
        }
        byte[] bad = gz.clone();
        bad[bad.length - 6] ^= 1;
        ZipException e = assertThrows(ZipException.class, () -> TestData.readAll(new GzipInputStream(new ByteArrayInputStream(bad))));
        assertTrue(e.getMessage().startsWith("Corrupt GZIP trailer"), e.getMessage());
    }

    @Test
    void zlibDictionaries() throws Exception {
        byte[] dict = "common words: ferric deflate zlib".getBytes();
        byte[] data = "ferric deflate zlib ferric deflate".getBytes();
        java.util.zip.Deflater jd = new java.util.zip.Deflater();
        jd.setDictionary(dict);
        jd.setInput(data);
        jd.finish();
        byte[] c = new byte[200];
        int n = jd.deflate(c);
        jd.end();
        try (Inflater inf = new Inflater()) {
            inf.setInput(c, 0, n);
            byte[] out = new byte[100];
            assertEquals(0, inf.inflate(out));
            assertTrue(inf.needsDictionary());
            inf.setDictionary(dict);
            int k = inf.inflate(out);
            assertTrue(inf.finished());
            assertEquals(new String(data), new String(out, 0, k));
        }
        try (Deflater d = new Deflater()) {
            d.setDictionary(dict);
            d.setInput(data);
            d.finish();
            int k = d.deflate(c);
            java.util.zip.Inflater ji = new java.util.zip.Inflater();
            ji.setInput(c, 0, k);
            byte[] out = new byte[100];
            assertEquals(0, ji.inflate(out));
            assertTrue(ji.needsDictionary());
            ji.setDictionary(dict);
            assertEquals(data.length, ji.inflate(out));
            ji.end();
            assertThrows(IllegalArgumentException.class, () -> d.setLevel(1));
            d.reset();
            d.setLevel(1);
            assertFalse(d.finished());
        }
    }

    @Test
    void strategiesAreTheJdksAndReadableByJavaUtilZip() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 200_000; i++) sb.append("{\"id\":").append(i % 977).append(",\"status\":\"ok\"}\n");
        byte[] data = sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int[] sizes = new int[3];
        assertEquals(java.util.zip.Deflater.DEFAULT_STRATEGY, Deflater.DEFAULT_STRATEGY);
        assertEquals(java.util.zip.Deflater.FILTERED, Deflater.FILTERED);
        assertEquals(java.util.zip.Deflater.HUFFMAN_ONLY, Deflater.HUFFMAN_ONLY);
        for (int strategy : new int[] {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY}) {
            try (Deflater d = new Deflater()) {
                d.setStrategy(strategy);
                d.setInput(data);
                d.finish();
                byte[] c = new byte[Deflate.ZLIB.maxCompressedLength(data.length)];
                int k = d.deflate(c);
                assertTrue(d.finished());
                sizes[strategy] = k;
                java.util.zip.Inflater ji = new java.util.zip.Inflater();
                ji.setInput(c, 0, k);
                byte[] out = new byte[data.length];
                assertEquals(data.length, ji.inflate(out));
                assertTrue(ji.finished());
                ji.end();
                assertArrayEquals(data, out);
                assertThrows(IllegalArgumentException.class, () -> d.setStrategy(Deflater.DEFAULT_STRATEGY == strategy ? 1 : 0));
                d.reset();
                d.setInput(data);
                d.finish();
                assertEquals(k, d.deflate(c), "the strategy stays across reset()");
            }
        }
        assertTrue(sizes[Deflater.HUFFMAN_ONLY] > 2 * sizes[Deflater.DEFAULT_STRATEGY], java.util.Arrays.toString(sizes));
        try (Deflater d = new Deflater()) {
            assertThrows(IllegalArgumentException.class, () -> d.setStrategy(3));
            assertThrows(IllegalArgumentException.class, () -> d.setStrategy(-1));
        }
    }
}
