package dev.ferric.bench;

import dev.ferric.blake3.Blake3;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * {@code Blake3.hashFile} on a large file already in the page cache, on all cores and on one. Compare
 * with the b3sum tool on the same file: {@code hyperfine 'b3sum FILE' 'b3sum --num-threads 1 FILE'}.
 * The file is {@code -Dferric.bench.file} (default {@code /tmp/ferric-bench-1g.bin}, created once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class Blake3FileBench {
    @Param({"1073741824"})
    long bytes;

    Path file;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        file = Paths.get(System.getProperty("ferric.bench.file", "/tmp/ferric-bench-1g.bin"));
        if (!Files.exists(file) || Files.size(file) != bytes) {
            byte[] block = new byte[1 << 20];
            Random r = new Random(1);
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long done = 0; done < bytes; done += block.length) {
                    r.nextBytes(block);
                    out.write(block, 0, (int) Math.min(block.length, bytes - done));
                }
            }
        }
        Blake3.hashFile(file); // pull it into the page cache
    }

    @Benchmark
    public byte[] hashFileAllCores() throws IOException {
        return Blake3.hashFile(file, 0);
    }

    @Benchmark
    public byte[] hashFileOneThread() throws IOException {
        return Blake3.hashFile(file, 1);
    }
}
