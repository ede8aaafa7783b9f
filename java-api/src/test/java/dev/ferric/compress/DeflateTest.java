package dev.ferric.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeflateTest {
    static byte[] jdkInflate(Deflate f, byte[] c) throws Exception {
        if (f == Deflate.GZIP) return TestData.readAll(new GZIPInputStream(new ByteArrayInputStream(c)));
        java.util.zip.Inflater inf = new java.util.zip.Inflater(f == Deflate.RAW);
        try {
            return TestData.readAll(new java.util.zip.InflaterInputStream(new ByteArrayInputStream(c), inf));
        } finally {
            inf.end();
        }
    }

    static byte[] jdkDeflate(Deflate f, byte[] data, int level) throws Exception {
        if (f == Deflate.GZIP) return TestData.jdkGzip(data);
        java.util.zip.Deflater d = new java.util.zip.Deflater(level, f == Deflate.RAW);
        try {
            d.setInput(data);
            d.finish();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            while (!d.finished()) out.write(buf, 0, d.deflate(buf));
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    @ParameterizedTest
    @EnumSource(Deflate.class)
    void everyLevelRoundTripsBothWaysWithJavaUtilZip(Deflate f) throws Exception {
        Random r = new Random(f.ordinal());
        for (int level = -1; level <= 9; level++) {
            for (int n : new int[] {0, 1, 17, 1000 + r.nextInt(5000), 300_000}) {
                byte[] data = TestData.mixed(n, level * 31L + n);
                byte[] c = f.compress(data, level);
                assertTrue(c.length <= f.maxCompressedLength(n), "bound");
                assertArrayEquals(data, jdkInflate(f, c), f + " level " + level + " n " + n);
                assertArrayEquals(data, f.decompress(c));
                assertArrayEquals(data, f.decompress(jdkDeflate(f, data, level)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Deflate.class)
    void parallelCompressionIsOneStandardStream(Deflate f) throws Exception {
        for (int n : new int[] {0, 1000, 65535, 65536, 200_000, (3 << 20) + 7}) {
            byte[] data = TestData.mixed(n + 10, n);
            for (int level : new int[] {-1, 0, 1, 6, 9}) {
                byte[] par = f.compressParallel(data, 5, n, level);
                byte[] slice = Arrays.copyOfRange(data, 5, 5 + n);
                assertArrayEquals(slice, jdkInflate(f, par), f + " level " + level + " n " + n);
                assertArrayEquals(slice, f.decompress(par));
                byte[] serial = f.compress(data, 5, n, level);
                boolean fast = level >= 1 && level <= 3;
                if (n < (fast ? 1 << 20 : 65536) || level == 0) assertArrayEquals(serial, par, "small inputs and level 0 are compressed serially");
                else assertTrue(par.length <= serial.length * 1.03 + 64, par.length + " vs " + serial.length);
            }
        }
        assertThrows(NullPointerException.class, () -> f.compressParallel(null, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> f.compressParallel(new byte[10], 5, 6, 6));
        assertThrows(IllegalArgumentException.class, () -> f.compressParallel(new byte[10], 10));
    }

    @Test
    void sixteenMebibytesRoundTrip() throws Exception {
        byte[] data = TestData.mixed(16 << 20, 16);
        for (int level : new int[] {1, 6}) {
            byte[] c = Deflate.GZIP.compress(data, level);
            assertArrayEquals(data, jdkInflate(Deflate.GZIP, c));
            assertArrayEquals(data, Deflate.GZIP.decompress(c));
        }
    }

    @ParameterizedTest
    @EnumSource(Deflate.class)
    void offsetsCallerBuffersAndByteBuffers(Deflate f) throws Exception {
        byte[] data = TestData.mixed(200_000, 3);
        byte[] padded = new byte[data.length + 20];
        System.arraycopy(data, 0, padded, 7, data.length);
        byte[] c = f.compress(padded, 7, data.length, 6);
        assertArrayEquals(data, f.decompress(c));

        byte[] out = new byte[f.maxCompressedLength(data.length) + 5];
        int n = f.compress(data, 0, data.length, out, 5, out.length - 5, 6);
        assertArrayEquals(c, Arrays.copyOfRange(out, 5, 5 + n));
        byte[] back = new byte[data.length + 3];
        assertEquals(data.length, f.decompress(out, 5, n, back, 3, data.length));
        assertArrayEquals(data, Arrays.copyOfRange(back, 3, back.length));

        for (boolean direct : new boolean[] {true, false}) {
            ByteBuffer src = direct ? ByteBuffer.allocateDirect(data.length) : ByteBuffer.allocate(data.length);
            src.put(data).flip();
            ByteBuffer dst = direct ? ByteBuffer.allocateDirect(out.length) : ByteBuffer.allocate(out.length);
            int cn = f.compress(src, dst, 6);
            assertEquals(cn, dst.position());
            assertEquals(0, src.remaining());
            dst.flip();
            ByteBuffer plain = direct ? ByteBuffer.allocateDirect(data.length) : ByteBuffer.allocate(data.length);
            assertEquals(data.length, f.decompress(dst, plain));
            plain.flip();
            byte[] got = new byte[data.length];
            plain.get(got);
            assertArrayEquals(data, got);
        }
        // Input and output in the same array, overlapping: the input is read first, never aliased.
        byte[] same = Arrays.copyOf(c, Math.max(c.length, data.length) + 10);
        assertEquals(data.length, f.decompress(same, 0, c.length, same, 0, data.length));
        assertArrayEquals(data, Arrays.copyOf(same, data.length));
    }

    @Test
    void gzipHeaderFieldsAreWrittenAndRead() throws Exception {
        GzipHeader h = GzipHeader.builder().fileName("report-é.txt").comment("nightly").modificationTime(1_700_000_000L)
                .os(3).extra(new byte[] {'A', 'B', 2, 0, 1, 2}).build();
        byte[] data = TestData.mixed(5000, 9);
        byte[] c = Deflate.GZIP.compress(data, 0, data.length, 9, h);
        assertArrayEquals(data, jdkInflate(Deflate.GZIP, c));
        try (Inflater inf = new Inflater(Deflate.GZIP)) {
            inf.setInput(c);
            byte[] out = new byte[data.length];
            inf.inflate(out);
            assertTrue(inf.finished());
            GzipHeader got = inf.gzipHeader();
            assertEquals("report-é.txt", got.fileName());
            assertEquals("nightly", got.comment());
            assertEquals(1_700_000_000L, got.modificationTime());
            assertEquals(3, got.os());
            assertArrayEquals(new byte[] {'A', 'B', 2, 0, 1, 2}, got.extra());
        }
        assertThrows(IllegalArgumentException.class, () -> GzipHeader.builder().fileName("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> GzipHeader.builder().modificationTime(-1));
        assertThrows(IllegalStateException.class, () -> Deflate.ZLIB.compress(data, 0, 1, 6, h));
    }

    @Test
    void corruptTruncatedAndTrailingInput() throws Exception {
        byte[] data = TestData.mixed(100_000, 5);
        for (Deflate f : Deflate.values()) {
            byte[] c = f.compress(data);
            for (int cut : new int[] {0, 1, c.length / 2, c.length - 1}) {
                if (f == Deflate.RAW && cut == 0) continue;
                byte[] t = Arrays.copyOf(c, cut);
                assertThrows(EOFException.class, () -> f.decompress(t), f + " cut " + cut);
            }
            byte[] trailing = TestData.concat(c, new byte[] {1, 2, 3});
            assertThrows(ZipException.class, () -> f.decompress(trailing));
            Random r = new Random(1);
            for (int i = 0; i < 300; i++) {
                byte[] bad = c.clone();
                bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
                try {
                    f.decompress(bad);
                } catch (ZipException | EOFException expected) {
                    // corruption is either detected or decodes to other bytes; never a crash or a hang
                }
            }
        }
        byte[] gz = Deflate.GZIP.compress(data);
        gz[gz.length - 8] ^= 1;
        ZipException crc = assertThrows(ZipException.class, () -> Deflate.GZIP.decompress(gz));
        assertTrue(crc.getMessage().contains("Corrupt GZIP trailer"), crc.getMessage());
        ZipException magic = assertThrows(ZipException.class, () -> Deflate.GZIP.decompress(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals("Not in GZIP format", magic.getMessage());
        assertThrows(ZipException.class, () -> Deflate.ZLIB.decompress(new byte[] {0x78, (byte) 0x9c, (byte) 0xff, (byte) 0xff}));
    }

    @Test
    void decompressionBombLimitsNameTheLimit() throws Exception {
        byte[] zeros = new byte[64 << 20];
        byte[] c = Deflate.GZIP.compress(zeros, 9);
        DecompressionLimitException e = assertThrows(DecompressionLimitException.class, () -> Deflate.GZIP.decompress(c));
        assertTrue(e.getMessage().contains("ratio"), e.getMessage());
        e = assertThrows(DecompressionLimitException.class,
                () -> Deflate.GZIP.decompress(c, 0, c.length, DecompressionLimits.of(1 << 20, 0)));
        assertTrue(e.getMessage().contains("maximum output limit of 1048576"), e.getMessage());
        assertEquals(zeros.length, Deflate.GZIP.decompress(c, 0, c.length, DecompressionLimits.NONE).length);
        byte[] small = new byte[1000];
        assertThrows(DecompressionLimitException.class, () -> Deflate.GZIP.decompress(c, 0, c.length, small, 0, small.length));
        // Small, highly compressible inputs stay under the ratio floor and are accepted by default.
        assertEquals(1 << 20, Deflate.GZIP.decompress(Deflate.GZIP.compress(new byte[1 << 20])).length);
    }

    @Test
    void badArgumentsThrowJdkExceptions() {
        byte[] b = new byte[10];
        assertThrows(NullPointerException.class, () -> Deflate.GZIP.compress((byte[]) null));
        assertThrows(IndexOutOfBoundsException.class, () -> Deflate.GZIP.compress(b, 5, 6, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> Deflate.GZIP.compress(b, -1, 2, 6));
        assertThrows(IllegalArgumentException.class, () -> Deflate.GZIP.compress(b, 10));
        assertThrows(IllegalArgumentException.class, () -> Deflate.GZIP.compress(b, -2));
        assertThrows(IllegalArgumentException.class, () -> Deflate.GZIP.compress(new byte[1000], 0, 1000, new byte[5], 0, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> Deflate.GZIP.maxCompressedLength(-1));
        assertThrows(NullPointerException.class, () -> Deflate.ZLIB.decompress(b, 0, 1, null));
        assertThrows(java.nio.ReadOnlyBufferException.class,
                () -> Deflate.ZLIB.compress(ByteBuffer.wrap(b), ByteBuffer.allocate(100).asReadOnlyBuffer(), 6));
    }

    @Test
    void nativeStateIsCountedAndFreedOnEveryPath() throws Exception {
        long before = Ferric.nativeStats().liveByKind().getOrDefault("Inflater", 0L);
        Inflater inf = new Inflater(Deflate.GZIP);
        Deflater def = new Deflater(Deflate.GZIP, 6);
        assertEquals(before + 1, (long) Ferric.nativeStats().liveByKind().get("Inflater"));
        inf.setInput(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertThrows(java.util.zip.DataFormatException.class, () -> inf.inflate(new byte[10]));
        inf.close();
        inf.close();
        def.end();
        assertThrows(IllegalStateException.class, () -> inf.inflate(new byte[1]));
        assertThrows(IllegalStateException.class, () -> def.deflate(new byte[1]));
        assertEquals(before, (long) Ferric.nativeStats().liveByKind().getOrDefault("Inflater", 0L));
        assertEquals(0L, (long) Ferric.nativeStats().liveByKind().getOrDefault("Deflater", 0L));
        // A stream failing mid-way still frees its inflater on close.
        byte[] gz = Deflate.GZIP.compress(TestData.mixed(100_000, 1));
        gz[gz.length / 2] ^= 0x55;
        GzipInputStream in = new GzipInputStream(new ByteArrayInputStream(gz));
        assertThrows(java.io.IOException.class, () -> TestData.readAll(in));
        in.close();
        assertEquals(before, (long) Ferric.nativeStats().liveByKind().getOrDefault("Inflater", 0L));
    }
}
