package dev.ferric.bench.small;

import dev.ferric.compress.Deflate;
import dev.ferric.compress.Lz4;
import dev.ferric.compress.Lz4Compressor;
import dev.ferric.compress.Lz4FastDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4Factory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compressing one record (a JSON row, a log line batch): gzip against {@code java.util.zip} the way a
 * per-record caller uses it (a GZIP stream over a byte array), LZ4 blocks against lz4-java's JNI
 * instance, at 200 B, 1 KiB and 4 KiB. Records are JSON-like text, as compressible as real rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SmallCompressBench {
    @Param({"200", "1024", "4096"})
    int size;

    byte[] record;
    byte[] gzipped;
    byte[] lz4Block;
    byte[] lz4Out;
    final Lz4Compressor ferricLz4 = Lz4.fastCompressor();
    final Lz4FastDecompressor ferricLz4Decoder = Lz4.fastDecompressor();
    final net.jpountz.lz4.LZ4Compressor jpountz = LZ4Factory.nativeInstance().fastCompressor();
    final net.jpountz.lz4.LZ4FastDecompressor jpountzDecoder = LZ4Factory.nativeInstance().fastDecompressor();
    byte[] restored;

    @Setup
    public void setup() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < size; i++) {
            b.append("{\"id\":").append(1000 + i).append(",\"user\":\"user").append(i % 17)
                    .append("\",\"event\":\"click\",\"ms\":").append(17 * i % 1000).append("},");
        }
        record = b.substring(0, size).getBytes(StandardCharsets.UTF_8);
        gzipped = jdkGzip();
        lz4Out = new byte[jpountz.maxCompressedLength(size)];
        int n = jpountz.compress(record, 0, size, lz4Out, 0, lz4Out.length);
        lz4Block = java.util.Arrays.copyOf(lz4Out, n);
        restored = new byte[size];
    }

    @Benchmark
    public byte[] ferricGzip() {
        return Deflate.GZIP.compress(record);
    }

    @Benchmark
    public byte[] jdkGzip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(record);
        }
        return bytes.toByteArray();
    }

    @Benchmark
    public byte[] ferricGunzip() throws IOException {
        return Deflate.GZIP.decompress(gzipped);
    }

    @Benchmark
    public byte[] jdkGunzip() throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] out = new byte[size];
            int n = 0;
            while (n < size) {
                int r = in.read(out, n, size - n);
                if (r < 0) break;
                n += r;
            }
            return out;
        }
    }

    @Benchmark
    public int ferricLz4Compress() {
        return ferricLz4.compress(record, 0, size, lz4Out, 0, lz4Out.length);
    }

    @Benchmark
    public int lz4JavaCompress() {
        return jpountz.compress(record, 0, size, lz4Out, 0, lz4Out.length);
    }

    @Benchmark
    public byte[] ferricLz4Decompress() {
        ferricLz4Decoder.decompress(lz4Block, 0, restored, 0, size);
        return restored;
    }

    @Benchmark
    public byte[] lz4JavaDecompress() {
        jpountzDecoder.decompress(lz4Block, 0, restored, 0, size);
        return restored;
    }
}
