package dev.ferric.cli;

import dev.ferric.compress.GzipHeader;
import dev.ferric.compress.GzipInputStream;
import dev.ferric.compress.GzipOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code ferric gzip}: the {@code gzip} tool's common flags on ferric's zlib-rs codec. Output is standard
 * gzip (the original name and modification time are stored, as {@code gzip} does for files);
 * concatenated members are decompressed as one stream.
 */
@Command(name = "gzip", mixinStandardHelpOptions = true,
        description = "Compress or decompress gzip files (-c -d -k -f -t -1..-9, - for standard input).")
final class GzipCommand extends CodecCommand {
    @Override
    String name() {
        return "ferric gzip";
    }

    @Override
    String suffix() {
        return ".gz";
    }

    @Override
    int defaultLevel() {
        return 6;
    }

    @Override
    boolean removesInput() {
        return !toStdout;
    }

    @Override
    OutputStream compressor(OutputStream out, Path source) throws IOException {
        GzipHeader header = null;
        if (source != null) {
            long mtime = Files.getLastModifiedTime(source).toMillis() / 1000;
            String fileName = source.getFileName().toString();
            boolean latin1 = fileName.chars().allMatch(c -> c > 0 && c <= 0xff);
            GzipHeader.Builder b = GzipHeader.builder().os(3).modificationTime(Math.max(0, Math.min(mtime, 0xFFFFFFFFL)));
            header = (latin1 ? b.fileName(fileName) : b).build();
        }
        return new GzipOutputStream(out, buffer, false, level, header);
    }

    @Override
    InputStream decompressor(InputStream in) throws IOException {
        // GzipInputStream, like the JDK's, only looks for another member when bytes are available without
        // blocking; a pipe may not have them yet, so here every member is waited for (as gzip -d does).
        InputStream waitForMembers = new java.io.FilterInputStream(in) {
            @Override
            public int available() {
                return 1;
            }
        };
        return new GzipInputStream(waitForMembers, buffer);
    }
}
