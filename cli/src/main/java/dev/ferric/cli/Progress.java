package dev.ferric.cli;

import dev.ferric.blake3.Blake3;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/** A progress bar on stderr for long hashing jobs, drawn only when stderr is a terminal. */
final class Progress {
    /** Files larger than this get a progress bar. */
    static final long THRESHOLD = 256L << 20;
    private static final long WINDOW = 256L << 20;

    private Progress() {}

    /** Whether file descriptor 2 is a terminal (Linux and macOS through /dev/fd; false when unknown). */
    static boolean stderrIsTerminal() {
        for (String fd : new String[] {"/proc/self/fd/2", "/dev/fd/2"}) {
            try {
                String target = Files.readSymbolicLink(Paths.get(fd)).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // try the next spelling
            }
        }
        return false;
    }

    /** The bar for {@code done} of {@code total} bytes, e.g. {@code [#####.....]  50% 512/1024 MiB}. */
    static String bar(long done, long total, int width) {
        int filled = total == 0 ? width : (int) (width * done / total);
        StringBuilder sb = new StringBuilder("\r[");
        for (int i = 0; i < width; i++) sb.append(i < filled ? '#' : '.');
        sb.append("] ").append(String.format("%3d%%", total == 0 ? 100 : 100 * done / total))
                .append(' ').append(done >> 20).append('/').append(total >> 20).append(" MiB");
        return sb.toString();
    }

    /** Hashes the file through memory-mapped windows, each on {@code threads} threads, drawing the bar. */
    static void hashWithProgress(Blake3.Hasher h, Path file, long size, int threads, PrintStream err) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long pos = 0; pos < size; pos += WINDOW) {
                MappedByteBuffer window = ch.map(FileChannel.MapMode.READ_ONLY, pos, Math.min(WINDOW, size - pos));
                h.updateParallel(window, threads);
                err.print(bar(Math.min(size, pos + WINDOW), size, 30));
                err.flush();
            }
        } finally {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
