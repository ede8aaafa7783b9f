package dev.ferric.bench;

import dev.ferric.compress.Deflate;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
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
 * Deflate compression on {@link CompressCorpus}: ferric (zlib-rs) against {@code java.util.zip.Deflater}
 * (stock zlib) in one run, each into a reused caller buffer. {@code chunk} = 65536 compresses the corpus
 * 64 KiB at a time (one chunk per operation, cycling); 16777216 compresses the whole file per operation.
 * The JDK's gzip is what {@code GZIPOutputStream} does: raw deflate plus {@link CRC32}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class CompressBench {
    @Param({"65536", "16777216"})
    int chunk;

    @Param({"1", "6"})
    int level;

    byte[] corpus;
    byte[] out;
    int next;
    Deflater zlib;
    Deflater raw;
    final CRC32 crc = new CRC32();

    @Setup(Level.Trial)
    public void setup() {
        corpus = CompressCorpus.build();
        out = new byte[Deflate.GZIP.maxCompressedLength(chunk)];
        zlib = new Deflater(level);
        raw = new Deflater(level, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        zlib.end();
        raw.end();
    }

    private int offset() {
        int off = next;
        next = (next + chunk) % corpus.length;
        return off;
    }

    @Benchmark
    public int gzipFerric() {
        return Deflate.GZIP.compress(corpus, offset(), chunk, out, 0, out.length, level);
    }

    /** Same work on all cores ({@link Deflate#compressParallel}); returns a new array, like the JDK's streams do. */
    @Benchmark
    public byte[] gzipFerricParallel() {
        return Deflate.GZIP.compressParallel(corpus, offset(), chunk, level);
    }

    @Benchmark
    public int gzipJdk() {
        int off = offset();
        crc.reset();
        crc.update(corpus, off, chunk);
        raw.reset();
        raw.setInput(corpus, off, chunk);
        raw.finish();
        int n = 10;
        while (!raw.finished()) n += raw.deflate(out, n, out.length - n);
        return n + 8 + (int) crc.getValue() * 0;
    }

    @Benchmark
    public int zlibFerric() {
        return Deflate.ZLIB.compress(corpus, offset(), chunk, out, 0, out.length, level);
    }

    @Benchmark
    public int zlibJdk() {
        zlib.reset();
        zlib.setInput(corpus, offset(), chunk);
        zlib.finish();
        int n = 0;
        while (!zlib.finished()) n += zlib.deflate(out, n, out.length - n);
        return n;
    }
}
