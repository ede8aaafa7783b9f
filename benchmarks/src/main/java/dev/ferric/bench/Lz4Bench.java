package dev.ferric.bench;

import dev.ferric.compress.DecompressionLimits;
import dev.ferric.compress.Lz4;
import dev.ferric.compress.Lz4FrameInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHashFactory;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * LZ4 on {@link CompressCorpus}: ferric (lz4_flex) against lz4-java 1.14.0's JNI instance (C liblz4) and
 * its pure-Java safe instance, block and frame, in one run ({@code chunk} as in {@link CompressBench}).
 * Block calls write into reused buffers; frames use 4 MiB blocks and a content checksum on both sides.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class Lz4Bench {
    @Param({"65536", "16777216"})
    int chunk;

    byte[] corpus;
    byte[][] blocks;
    byte[] out;
    byte[] plain;
    int next;
    final LZ4Compressor jniCompressor = LZ4Factory.nativeInstance().fastCompressor();
    final LZ4Compressor javaCompressor = LZ4Factory.safeInstance().fastCompressor();
    final LZ4FastDecompressor jniFast = LZ4Factory.nativeInstance().fastDecompressor();
    final LZ4SafeDecompressor jniSafe = LZ4Factory.nativeInstance().safeDecompressor();
    final LZ4SafeDecompressor javaSafe = LZ4Factory.safeInstance().safeDecompressor();
    byte[] frameFerric;
    byte[] frameJava;
    final byte[] readBuf = new byte[64 * 1024];
    final ByteArrayOutputStream sink = new ByteArrayOutputStream(20 << 20);

    @Setup(Level.Trial)
    public void setup() throws Exception {
        corpus = CompressCorpus.build();
        int n = corpus.length / chunk;
        blocks = new byte[n][];
        for (int i = 0; i < n; i++) blocks[i] = jniCompressor.compress(corpus, i * chunk, chunk);
        out = new byte[Lz4.fastCompressor().maxCompressedLength(chunk) * 2];
        plain = new byte[chunk];
        frameFerric = Lz4.compressFrame(corpus, 0, chunk, Lz4.BLOCK_4MB, true);
        frameJava = lz4JavaFrame();
    }

    private int index() {
        int i = next;
        next = (next + 1) % blocks.length;
        return i;
    }

    @Benchmark
    public int blockCompressFerric() {
        return Lz4.fastCompressor().compress(corpus, index() * chunk, chunk, out, 0, out.length);
    }

    @Benchmark
    public int blockCompressLz4JavaJni() {
        return jniCompressor.compress(corpus, index() * chunk, chunk, out, 0, out.length);
    }

    @Benchmark
    public int blockCompressLz4JavaSafe() {
        return javaCompressor.compress(corpus, index() * chunk, chunk, out, 0, out.length);
    }

    @Benchmark
    public int blockDecompressFastFerric() {
        return Lz4.fastDecompressor().decompress(blocks[index()], 0, plain, 0, chunk);
    }

    @Benchmark
    public int blockDecompressFastLz4JavaJni() {
        return jniFast.decompress(blocks[index()], 0, plain, 0, chunk);
    }

    @Benchmark
    public int blockDecompressSafeFerric() {
        byte[] b = blocks[index()];
        return Lz4.safeDecompressor().decompress(b, 0, b.length, plain, 0, chunk);
    }

    @Benchmark
    public int blockDecompressSafeLz4JavaJni() {
        byte[] b = blocks[index()];
        return jniSafe.decompress(b, 0, b.length, plain, 0, chunk);
    }

    @Benchmark
    public int blockDecompressSafeLz4JavaSafe() {
        byte[] b = blocks[index()];
        return javaSafe.decompress(b, 0, b.length, plain, 0, chunk);
    }

    @Benchmark
    public byte[] frameCompressFerric() {
        return Lz4.compressFrame(corpus, 0, chunk, Lz4.BLOCK_4MB, true);
    }

    @Benchmark
    public int frameCompressLz4JavaJni() throws Exception {
        sink.reset();
        try (LZ4FrameOutputStream o = new LZ4FrameOutputStream(sink, LZ4FrameOutputStream.BLOCKSIZE.SIZE_4MB, -1L, jniCompressor,
                XXHashFactory.nativeInstance().hash32(), LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM)) {
            o.write(corpus, 0, chunk);
        }
        return sink.size();
    }

    private byte[] lz4JavaFrame() throws Exception {
        frameCompressLz4JavaJni();
        return sink.toByteArray();
    }

    @Benchmark
    public int frameDecompressFerric() throws Exception {
        return Lz4.decompressFrame(frameFerric, 0, frameFerric.length, DecompressionLimits.NONE).length;
    }

    @Benchmark
    public long frameStreamFerric() throws Exception {
        return drain(new Lz4FrameInputStream(new ByteArrayInputStream(frameJava)));
    }

    @Benchmark
    public long frameStreamLz4JavaJni() throws Exception {
        return drain(new LZ4FrameInputStream(new ByteArrayInputStream(frameJava), jniSafe, XXHashFactory.nativeInstance().hash32()));
    }

    private long drain(InputStream in) throws Exception {
        long total = 0;
        try (InputStream s = in) {
            for (int n; (n = s.read(readBuf)) != -1; ) total += n;
        }
        return total;
    }
}
