package dev.ferric.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipException;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.Test;

class Lz4Test {
    private final Lz4Compressor compressor = Lz4.fastCompressor();
    private final LZ4Factory java = LZ4Factory.safeInstance();

    @Test
    void blocksRoundTripBothWaysWithLz4Java() {
        for (int n : new int[] {0, 1, 15, 16, 1000, 65536, 1 << 20, 16 << 20}) {
            byte[] data = TestData.mixed(n, n);
            byte[] c = compressor.compress(data);
            assertTrue(c.length <= compressor.maxCompressedLength(n));
            assertArrayEquals(data, java.fastDecompressor().decompress(c, n));
            byte[] theirs = java.fastCompressor().compress(data);
            assertArrayEquals(data, Lz4.fastDecompressor().decompress(theirs, n));
            assertArrayEquals(data, Lz4.safeDecompressor().decompress(theirs, n + 100));
            // Fast decompression reports where the block ends, also when more data follows.
            byte[] two = TestData.concat(new byte[] {7}, c, c);
            byte[] out = new byte[n];
            assertEquals(c.length, Lz4.fastDecompressor().decompress(two, 1, out, 0, n));
            assertArrayEquals(data, out);
        }
    }

    @Test
    void destinationsSizedByTheLz4BoundAndByteBuffers() {
        byte[] data = TestData.mixed(100_000, 1);
        byte[] dest = new byte[java.fastCompressor().maxCompressedLength(data.length)];
        int n = compressor.compress(data, 0, data.length, dest, 0, dest.length);
        byte[] exact = new byte[n];
        assertThrows(Lz4Exception.class, () -> compressor.compress(data, 0, data.length, exact, 0, n - 1));
        for (boolean direct : new boolean[] {true, false}) {
            ByteBuffer src = direct ? ByteBuffer.allocateDirect(data.length) : ByteBuffer.allocate(data.length);
            src.put(data).flip();
            ByteBuffer c = direct ? ByteBuffer.allocateDirect(dest.length) : ByteBuffer.allocate(dest.length);
            compressor.compress(src, c);
            assertEquals(n, c.position());
            c.flip();
            ByteBuffer out = direct ? ByteBuffer.allocateDirect(data.length) : ByteBuffer.allocate(data.length);
            Lz4.fastDecompressor().decompress(c.duplicate(), out);
            assertEquals(data.length, out.position());
            ByteBuffer out2 = ByteBuffer.allocate(data.length + 10);
            Lz4.safeDecompressor().decompress(c, out2);
            assertEquals(data.length, out2.position());
            byte[] got = new byte[data.length];
            ((ByteBuffer) out2.flip()).get(got);
            assertArrayEquals(data, got);
        }
    }

    @Test
    void malformedBlocksThrowNeverCrash() {
        byte[] data = TestData.mixed(50_000, 2);
        byte[] c = compressor.compress(data);
        byte[] out = new byte[data.length];
        assertThrows(Lz4Exception.class, () -> Lz4.safeDecompressor().decompress(c, 0, c.length, out, 0, data.length - 1));
        assertThrows(Lz4Exception.class, () -> Lz4.fastDecompressor().decompress(Arrays.copyOf(c, c.length / 2), out));
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = c.clone();
            for (int k = 0; k < 3; k++) bad[r.nextInt(bad.length)] = (byte) r.nextInt();
            try {
                Lz4.safeDecompressor().decompress(bad, 0, bad.length, out, 0, out.length);
            } catch (Lz4Exception expected) {
                // detected
            }
            try {
                Lz4.fastDecompressor().decompress(bad, 0, out, 0, out.length);
            } catch (Lz4Exception expected) {
                // detected
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> Lz4.fastDecompressor().decompress(c, 0, out, 1, out.length));
        assertThrows(NullPointerException.class, () -> compressor.compress((byte[]) null));
    }

    @Test
    void framesRoundTripBothWaysWithLz4JavaAndThroughStreams() throws Exception {
        byte[] data = TestData.mixed(6 << 20, 5);
        byte[] ours = Lz4.compressFrame(data);
        assertArrayEquals(data, TestData.readAll(new LZ4FrameInputStream(new ByteArrayInputStream(ours))));
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(theirs, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, data.length,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM, LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM,
                LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE, LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE)) {
            out.write(data);
        }
        assertArrayEquals(data, Lz4.decompressFrame(theirs.toByteArray()));
        try (Lz4FrameInputStream in = new Lz4FrameInputStream(StreamsTest.trickle(theirs.toByteArray(), 1))) {
            assertArrayEquals(Arrays.copyOf(data, 300_000), Arrays.copyOf(TestData.readAll(in), 300_000));
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (Lz4FrameOutputStream out = new Lz4FrameOutputStream(sink, Lz4.BLOCK_64KB, true, true)) {
            Random r = new Random(2);
            for (int i = 0; i < data.length; ) {
                int n = Math.min(data.length - i, r.nextInt(300_000));
                out.write(data, i, n);
                i += n;
                if (r.nextInt(10) == 0) out.flush();
            }
        }
        byte[] twoFrames = TestData.concat(sink.toByteArray(), Lz4.compressFrame("tail".getBytes()));
        try (Lz4FrameInputStream in = new Lz4FrameInputStream(new ByteArrayInputStream(twoFrames), 1000)) {
            assertArrayEquals(TestData.concat(data, "tail".getBytes()), TestData.readAll(in));
        }
        assertArrayEquals(data, TestData.readAll(new LZ4FrameInputStream(new ByteArrayInputStream(sink.toByteArray()))));
    }

    @Test
    void badFramesAndLimits() throws Exception {
        byte[] f = Lz4.compressFrame(TestData.mixed(100_000, 7));
        assertThrows(EOFException.class, () -> Lz4.decompressFrame(Arrays.copyOf(f, f.length - 1)));
        assertThrows(EOFException.class, () -> Lz4.decompressFrame(new byte[0]));
        // closed, so frameStreamsFreeTheirNativeState never counts a decoder of this test waiting for the GC
        assertThrows(EOFException.class, () -> readAllAndClose(new Lz4FrameInputStream(new ByteArrayInputStream(Arrays.copyOf(f, f.length / 2)))));
        byte[] bad = f.clone();
        bad[bad.length - 1] ^= 1;
        assertThrows(ZipException.class, () -> Lz4.decompressFrame(bad));
        assertThrows(ZipException.class, () -> readAllAndClose(new Lz4FrameInputStream(new ByteArrayInputStream(bad))));
        assertThrows(ZipException.class, () -> Lz4.decompressFrame("not lz4 at all".getBytes()));
        byte[] zeros = Lz4.compressFrame(new byte[64 << 20]);
        assertThrows(DecompressionLimitException.class, () -> Lz4.decompressFrame(zeros));
        assertThrows(DecompressionLimitException.class, () -> Lz4.decompressFrame(zeros, 0, zeros.length, DecompressionLimits.of(1000, 0)));
        assertEquals(64 << 20, Lz4.decompressFrame(zeros, 0, zeros.length, DecompressionLimits.NONE).length);
        assertThrows(IllegalArgumentException.class, () -> Lz4.compressFrame(new byte[1], 0, 1, 3, true));
    }

    private static byte[] readAllAndClose(InputStream in) throws IOException {
        try (InputStream stream = in) {
            return TestData.readAll(stream);
        }
    }

    @Test
    void frameStreamsFreeTheirNativeState() throws Exception {
        Lz4FrameOutputStream out = new Lz4FrameOutputStream(new ByteArrayOutputStream());
        assertEquals(1L, (long) Ferric.nativeStats().liveByKind().get("Lz4FrameEncoder"));
        out.close();
        out.close();
        assertEquals(0L, (long) Ferric.nativeStats().liveByKind().getOrDefault("Lz4FrameEncoder", 0L));
        Lz4FrameInputStream in = new Lz4FrameInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}));
        assertThrows(ZipException.class, () -> in.read());
        in.close();
        assertEquals(0L, (long) Ferric.nativeStats().liveByKind().getOrDefault("Lz4FrameDecoder", 0L));
    }
}
