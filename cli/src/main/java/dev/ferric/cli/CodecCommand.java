package dev.ferric.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The flags {@code gzip} and {@code lz4} share ({@code -c -d -k -f -t -1..-9}, {@code -} for standard
 * input) and the file handling around one codec: {@code FILE} becomes {@code FILE<suffix>} and back,
 * written to a temporary file and renamed so a failure never leaves a partial output.
 */
abstract class CodecCommand implements Callable<Integer> {
    /**
     * Bytes per read, write and native call. 1 MiB, not 64 KiB: a command runs once, mostly before
     * the JIT has compiled its loop, so each crossing costs more than in a warm JVM (64 MiB of gzip
     * decoded in 0.19 s instead of 0.26-0.31 s in a fresh JVM).
     */
    static final int BUFFER = 1 << 20;
    /** The smallest buffer a file is read with: a small file gets one its size rounds up to, not 1 MiB. */
    static final int MIN_BUFFER = 64 << 10;

    /**
     * The buffer size for the file being processed: {@link #BUFFER}, or for a smaller file the power of
     * two at or above its size (at least {@link #MIN_BUFFER}): a fresh JVM zeroes and faults in every
     * page of a new array, and three 1 MiB buffers cost a 100-byte gzip -d ~2.5 ms.
     */
    int buffer = BUFFER;

    static int bufferFor(long size) {
        if (size >= BUFFER) return BUFFER;
        return Math.max(MIN_BUFFER, Integer.highestOneBit((int) Math.max(1, size - 1)) << 1);
    }

    @Parameters(paramLabel = "FILE", description = "Files to process; none or - means standard input to standard output.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-c", "--stdout", "--to-stdout"}, description = "Write to standard output; keep input files.")
    boolean toStdout;

    @Option(names = {"-d", "--decompress", "--uncompress"}, description = "Decompress.")
    boolean decompress;

    @Option(names = {"-k", "--keep"}, description = "Keep (do not delete) input files.")
    boolean keep;

    @Option(names = {"-f", "--force"}, description = "Overwrite existing output files.")
    boolean force;

    @Option(names = {"-t", "--test"}, description = "Test the integrity of compressed files.")
    boolean test;

    @Option(names = {"-q", "--quiet"}, description = "Suppress warnings.")
    boolean quiet;

    int level = defaultLevel();

    @Option(names = "-1", hidden = true) void l1(boolean b) { level = 1; }
    @Option(names = "-2", hidden = true) void l2(boolean b) { level = 2; }
    @Option(names = "-3", hidden = true) void l3(boolean b) { level = 3; }
    @Option(names = "-4", hidden = true) void l4(boolean b) { level = 4; }
    @Option(names = "-5", hidden = true) void l5(boolean b) { level = 5; }
    @Option(names = "-6", hidden = true) void l6(boolean b) { level = 6; }
    @Option(names = "-7", hidden = true) void l7(boolean b) { level = 7; }
    @Option(names = "-8", hidden = true) void l8(boolean b) { level = 8; }
    @Option(names = "-9", hidden = true) void l9(boolean b) { level = 9; }

    @Option(names = "--fast", description = "Same as -1.") void fast(boolean b) { level = 1; }
    @Option(names = "--best", description = "Same as -9.") void best(boolean b) { level = 9; }

    @Option(names = "--no-progress", description = "Never draw a progress bar (one is drawn on a terminal for files over 256 MiB).")
    boolean noProgress;

    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    /**
     * Takes {@code args} the way picocli would for this command's options above (clustered short
     * flags such as {@code -dc9}, long names, {@code --} and {@code -}), without picocli, whose start
     * costs a short run most of its time. Returns false, having changed nothing that picocli would not
     * set again, when an argument is anything else (help, version, an unknown or misspelled option):
     * the caller then runs picocli, which prints the usual help or error. {@code CodecCommandTest}
     * checks that both parsers agree.
     */
    boolean parseWithoutPicocli(String[] args) {
        List<String> parsedFiles = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (!options || a.equals("-") || !a.startsWith("-")) {
                parsedFiles.add(a);
            } else if (a.equals("--")) {
                options = false;
            } else if (a.startsWith("--")) {
                if (!longFlag(a)) return false;
            } else {
                for (int i = 1; i < a.length(); i++) if (!shortFlag(a.charAt(i))) return false;
            }
        }
        files = parsedFiles;
        return true;
    }

    private boolean longFlag(String a) {
        switch (a) {
            case "--stdout": case "--to-stdout": toStdout = true; return true;
            case "--decompress": case "--uncompress": decompress = true; return true;
            case "--keep": keep = true; return true;
            case "--force": force = true; return true;
            case "--test": test = true; return true;
            case "--quiet": quiet = true; return true;
            case "--fast": level = 1; return true;
            case "--best": level = 9; return true;
            case "--no-progress": noProgress = true; return true;
            default: return false;
        }
    }

    private boolean shortFlag(char c) {
        switch (c) {
            case 'c': toStdout = true; return true;
            case 'd': decompress = true; return true;
            case 'k': keep = true; return true;
            case 'f': force = true; return true;
            case 't': test = true; return true;
            case 'q': quiet = true; return true;
            default:
                if (c < '1' || c > '9') return false;
                level = c - '0';
                return true;
        }
    }

    abstract String name();

    abstract String suffix();

    abstract int defaultLevel();

    /** Whether the input file is deleted after success without {@code -k}/{@code -c} (gzip: yes, lz4: no). */
    abstract boolean removesInput();

    abstract OutputStream compressor(OutputStream out, Path source) throws IOException;

    abstract InputStream decompressor(InputStream in) throws IOException;

    @Override
    public Integer call() {
        if (files.isEmpty()) files.add("-");
        int status = 0;
        for (String f : files) {
            try {
                status = Math.max(status, f.equals("-") ? stream() : file(Paths.get(f)));
            } catch (NoSuchFileException e) {
                stderr.println(name() + ": " + f + ": No such file or directory");
                status = 1;
            } catch (IOException | RuntimeException e) {
                stderr.println(name() + ": " + f + ": " + describe(e));
                status = 1;
            }
        }
        stdout.flush();
        return status;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return (e instanceof java.io.EOFException ? "unexpected end of file" : m != null ? m : e.getClass().getSimpleName());
    }

    private int stream() throws IOException {
        buffer = BUFFER; // (the size of what arrives is not known)
        if (test) {
            drain(decompressor(stdin), null, -1);
            return 0;
        }
        if (decompress) {
            drain(decompressor(stdin), stdout, -1);
        } else {
            try (OutputStream z = compressor(new NonClosing(stdout), null)) {
                copy(stdin, z, -1);
            }
        }
        stdout.flush();
        return 0;
    }

    private int file(Path in) throws IOException {
        if (Files.isDirectory(in)) {
            if (!quiet) stderr.println(name() + ": " + in + " is a directory -- ignored");
            return 2;
        }
        if (!Files.exists(in)) throw new NoSuchFileException(in.toString());
        long size = Files.size(in);
        buffer = bufferFor(size);
        boolean progress = !noProgress && size > Progress.THRESHOLD && Progress.stderrIsTerminal();
        if (test) {
            try (InputStream raw = Files.newInputStream(in)) {
                drain(decompressor(new BufferedInputStream(raw, buffer)), null, progress ? size : -1);
            }
            return 0;
        }
        Path out;
        if (decompress) {
            String n = in.getFileName().toString();
            if (!n.endsWith(suffix()) || n.length() == suffix().length()) {
                if (!quiet) stderr.println(name() + ": " + in + ": unknown suffix -- ignored");
                return 2;
            }
            out = in.resolveSibling(n.substring(0, n.length() - suffix().length()));
        } else {
            if (in.getFileName().toString().endsWith(suffix()) && !force && !toStdout) {
                if (!quiet) stderr.println(name() + ": " + in + " already has " + suffix() + " suffix -- unchanged");
                return 2;
            }
            out = in.resolveSibling(in.getFileName() + suffix());
        }
        if (toStdout) {
            try (InputStream raw = Files.newInputStream(in)) {
                if (decompress) {
                    drain(decompressor(new BufferedInputStream(raw, buffer)), stdout, progress ? size : -1);
                } else {
                    try (OutputStream z = compressor(new NonClosing(stdout), in)) {
                        copy(raw, z, progress ? size : -1);
                    }
                }
            }
            stdout.flush();
            return 0;
        }
        if (Files.exists(out) && !force) throw new FileAlreadyExistsException(out + " already exists; use -f to overwrite");
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".ferric-", ".tmp");
        try {
            try (InputStream raw = Files.newInputStream(in); OutputStream o = Files.newOutputStream(tmp)) {
                if (decompress) {
                    drain(decompressor(new BufferedInputStream(raw, buffer)), o, progress ? size : -1);
                } else {
                    try (OutputStream z = compressor(new NonClosing(o), in)) {
                        copy(raw, z, progress ? size : -1);
                    }
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (removesInput() && !keep) Files.delete(in);
        return 0;
    }

    private void drain(InputStream in, OutputStream out, long total) throws IOException {
        try (InputStream z = in) {
            copy(z, out, total);
        }
    }

    /** Copies everything; draws a bar of {@code total} bytes read when {@code total >= 0}. */
    private void copy(InputStream in, OutputStream out, long total) throws IOException {
        byte[] buf = new byte[buffer];
        long done = 0;
        long nextDraw = 0;
        try {
            for (int n; (n = in.read(buf)) != -1; ) {
                if (out != null) out.write(buf, 0, n);
                done += n;
                if (total >= 0 && done >= nextDraw) {
                    stderr.print(Progress.bar(Math.min(done, total), total, 30));
                    stderr.flush();
                    nextDraw = done + (16 << 20);
                }
            }
        } finally {
            if (total >= 0) {
                stderr.print("\r\033[K");
                stderr.flush();
            }
        }
    }

    /** Lets a compressor's close() finish the stream without closing standard output or the file. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
