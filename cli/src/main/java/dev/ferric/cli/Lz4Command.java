package dev.ferric.cli;

import dev.ferric.compress.Lz4;
import dev.ferric.compress.Lz4FrameInputStream;
import dev.ferric.compress.Lz4FrameOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferric lz4}: the {@code lz4} tool's common flags on ferric's lz4_flex codec, writing the same
 * frame format (4 MiB independent blocks and a content checksum by default). As {@code lz4} does, input
 * files are kept unless {@code --rm} is given. Levels are accepted for compatibility; every level uses
 * LZ4's fast compressor (lz4_flex has no high-compression mode).
 */
@Command(name = "lz4", mixinStandardHelpOptions = true,
        description = "Compress or decompress .lz4 frame files (-c -d -k -f -t -1..-9 -B4..-B7 --rm, - for standard input).")
final class Lz4Command extends CodecCommand {
    @Option(names = "--rm", description = "Remove the input file after success.")
    boolean rm;

    int blockSizeId = Lz4.BLOCK_4MB;

    @Option(names = "-B4", hidden = true) void b4(boolean b) { blockSizeId = 4; }
    @Option(names = "-B5", hidden = true) void b5(boolean b) { blockSizeId = 5; }
    @Option(names = "-B6", hidden = true) void b6(boolean b) { blockSizeId = 6; }
    @Option(names = "-B7", hidden = true) void b7(boolean b) { blockSizeId = 7; }

    @Option(names = "--no-frame-crc", description = "Do not write a content checksum.")
    boolean noFrameCrc;

    @Override
    String name() {
        return "ferric lz4";
    }

    @Override
    String suffix() {
        return ".lz4";
    }

    @Override
    int defaultLevel() {
        return 1;
    }

    @Override
    boolean removesInput() {
        return rm && !toStdout;
    }

    @Override
    OutputStream compressor(OutputStream out, Path source) {
        return new Lz4FrameOutputStream(out, blockSizeId, !noFrameCrc, false);
    }

    @Override
    InputStream decompressor(InputStream in) {
        return new Lz4FrameInputStream(in, buffer);
    }
}
