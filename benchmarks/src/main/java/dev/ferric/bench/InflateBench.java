package dev.ferric.bench;

import dev.ferric.compress.Deflate;
import dev.ferric.compress.GzipInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deflate decompression of {@link CompressCorpus} compressed at level 6: ferric against
 * {@code java.util.zip.Inflater} into reused buffers ({@code chunk} as in {@link CompressBench}), and
 * the streams: ferric's {@link GzipInputStream} against {@link GZIPInputStream} reading a 100 MiB gzip
 * file (the corpus 6.25 times) from memory through a 64 KiB read buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class InflateBench {
    @Param({"65536", "16777216"})
    int chunk;

    byte[][] zlibChunks;
    byte[][] gzipChunks;
    byte[] out;
    int next;
    Inflater zlib;
    Inflater raw;
    final CRC32 crc = new CRC32();
    byte[] hundredMiB;
    final byte[] readBuf = new byte[64 * 1024];

    @Setup(Level.Trial)
    public void setup() throws Exception {
        byte[] corpus = CompressCorpus.build();
        int n = corpus.length / chunk;
        zlibChunks = new byte[n][];
        gzipChunks = new byte[n][];
        for (int i = 0; i < n; i++) {
            zlibChunks[i] = Deflate.ZLIB.compress(corpus, i * chunk, chunk, 6);
            gzipChunks[i] = Deflate.GZIP.compress(corpus, i * chunk, chunk, 6);
        }
        out = new byte[chunk];
        zlib = new Inflater();
        raw = new Inflater(true);
        byte[] big = new byte[100 << 20];
        for (int off = 0; off < big.length; off += corpus.length) System.arraycopy(corpus, 0, big, off, Math.min(corpus.length, big.length - off));
        hundredMiB = Deflate.GZIP.compress(big, 6);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        zlib.end();
        raw.end();
    }

    private int index() {
        int i = next;
        next = (next + 1) % zlibChunks.length;
        return i;
    }

    @Benchmark
    public int zlibFerric() throws Exception {
        byte[] c = zlibChunks[index()];
        return Deflate.ZLIB.decompress(c, 0, c.length, out, 0, out.length);
    }

    @Benchmark
    public int zlibJdk() throws DataFormatException {
        byte[] c = zlibChunks[index()];
        zlib.reset();
        zlib.setInput(c);
        return zlib.inflate(out);
    }

    @Benchmark
    public int gzipFerric() throws Exception {
        byte[] c = gzipChunks[index()];
        return Deflate.GZIP.decompress(c, 0, c.length, out, 0, out.length);
    }

    /** What GZIPInputStream does per member: raw inflate after the 10-byte header, CRC-32 of the output. */
    @Benchmark
    public long gzipJdk() throws DataFormatException {
        byte[] c = gzipChunks[index()];
        raw.reset();
        raw.setInput(c, 10, c.length - 10);
        int n = raw.inflate(out);
        crc.reset();
        crc.update(out, 0, n);
        return crc.getValue();
    }

    @Benchmark
    public long stream100MiBFerric() throws Exception {
        return drain(new GzipInputStream(new ByteArrayInputStream(hundredMiB)));
    }

    @Benchmark
    public long stream100MiBJdk() throws Exception {
        return drain(new GZIPInputStream(new ByteArrayInputStream(hundredMiB), 64 * 1024));
    }

    private long drain(InputStream in) throws Exception {
        long total = 0;
        try (InputStream s = in) {
            for (int n; (n = s.read(readBuf)) != -1; ) total += n;
        }
        return total;
    }
}
