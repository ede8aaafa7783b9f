package dev.ferric.cli;

import dev.ferric.Hex;
import dev.ferric.blake3.Blake3;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ferric b3sum}: the {@code b3sum} tool's output, byte for byte, for the same flags. */
@Command(name = "b3sum", mixinStandardHelpOptions = true,
        description = "Print or check BLAKE3 checksums (output identical to the b3sum tool).")
final class B3sumCommand implements Callable<Integer> {
    private static final String NAME = "ferric b3sum";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    @Parameters(paramLabel = "FILE", description = "Files to hash, or check files with --check. None or - means standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--keyed", description = "Use the keyed mode, reading the 32-byte key from standard input.")
    boolean keyed;

    @Option(names = "--derive-key", paramLabel = "CONTEXT", description = "Use the key derivation mode, with the given context string.")
    String deriveKey;

    @Option(names = {"-l", "--length"}, paramLabel = "LEN", description = "The number of output bytes, before hex encoding (default 32).")
    long length = Blake3.OUT_LEN;

    @Option(names = "--seek", paramLabel = "SEEK", description = "The starting output byte offset, before hex encoding.")
    long seek;

    @Option(names = "--num-threads", paramLabel = "NUM", description = "The maximum number of threads to use (default: all cores).")
    Integer numThreads;

    @Option(names = "--no-mmap", description = "Disable memory mapping (this also disables multithreading).")
    boolean noMmap;

    @Option(names = "--no-names", description = "Omit file names in the output.")
    boolean noNames;

    @Option(names = "--raw", description = "Write raw output bytes to standard output, rather than hex (one input only).")
    boolean raw;

    @Option(names = "--tag", description = "Output BSD-style checksums: BLAKE3 (FILE) = HASH")
    boolean tag;

    @Option(names = {"-c", "--check"}, description = "Read BLAKE3 sums from the FILEs and check them.")
    boolean check;

    @Option(names = "--quiet", description = "With --check: do not print OK for each checked file.")
    boolean quiet;

    @Option(names = "--no-progress", description = "Never draw a progress bar (one is drawn on a terminal for files over 256 MiB).")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    private PrintStream out;
    private PrintStream err;
    private InputStream in;

    @Override
    public Integer call() throws IOException {
        out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        err = System.err;
        in = System.in;
        try {
            return run();
        } finally {
            out.flush();
        }
    }

    private int usage(String message) {
        err.println(NAME + ": " + message);
        return 2;
    }

    private int run() throws IOException {
        if (files.isEmpty()) files.add("-");
        if (keyed && deriveKey != null) return usage("--keyed cannot be used with --derive-key");
        if (check && (keyed || deriveKey != null || raw || tag || noNames || length != Blake3.OUT_LEN)) {
            return usage("--check cannot be used with --keyed, --derive-key, --length, --raw, --tag or --no-names");
        }
        if (quiet && !check) return usage("--quiet requires --check");
        if (raw && files.size() > 1) return usage("Only one filename can be provided when using --raw");
        if (length < 0 || seek < 0) return usage("--length and --seek must not be negative");
        if (numThreads != null && numThreads < 0) return usage("--num-threads must not be negative");
        if (keyed && files.contains("-")) return usage("Cannot open `-` in keyed mode");
        byte[] key = keyed ? readKey() : null;
        if (keyed && key == null) return 1;
        int failed = 0;
        try (Blake3.Hasher base = keyed ? Blake3.newKeyedHasher(key)
                : deriveKey != null ? Blake3.newDeriveKeyHasher(deriveKey) : Blake3.newHasher()) {
            for (String file : files) {
                if (check) {
                    failed += checkFile(base, file);
                    continue;
                }
                try (Blake3.Hasher h = hashPath(base, file)) {
                    print(h, file);
                } catch (IOException e) {
                    failed++;
                    err.println(NAME + ": " + file + ": " + osMessage(e));
                }
            }
        }
        if (check && failed > 0) {
            err.println(NAME + ": WARNING: " + failed + " computed checksum" + (failed == 1 ? "" : "s") + " did NOT match");
        }
        return failed > 0 ? 1 : 0;
    }

    private byte[] readKey() throws IOException {
        byte[] key = new byte[Blake3.KEY_LEN + 1];
        int n = 0;
        for (int r; n < key.length && (r = in.read(key, n, key.length - n)) > 0; ) n += r;
        if (n < Blake3.KEY_LEN) {
            err.println(NAME + ": expected " + Blake3.KEY_LEN + " key bytes from stdin, found " + n);
            return null;
        }
        if (n > Blake3.KEY_LEN) {
            err.println(NAME + ": read more than " + Blake3.KEY_LEN + " key bytes from stdin");
            return null;
        }
        return java.util.Arrays.copyOf(key, Blake3.KEY_LEN);
    }

    private Blake3.Hasher hashPath(Blake3.Hasher base, String file) throws IOException {
        Blake3.Hasher h = base.copy();
        try {
            if ("-".equals(file)) {
                h.update(in);
            } else {
                Path p = Paths.get(file);
                if (Files.isDirectory(p)) throw new IOException("Is a directory (os error 21)");
                long size = Files.size(p);
                int threads = numThreads == null ? 0 : numThreads;
                if (!noProgress && size > Progress.THRESHOLD && Progress.stderrIsTerminal()) {
                    Progress.hashWithProgress(h, p, size, noMmap ? 1 : threads, err);
                } else if (noMmap) {
                    try (InputStream fin = Files.newInputStream(p)) {
                        h.update(fin);
                    }
                } else {
                    h.updateFile(p, threads);
                }
            }
            return h;
        } catch (IOException | RuntimeException e) {
            h.close();
            throw e;
        }
    }

    private void print(Blake3.Hasher h, String file) throws IOException {
        if (raw) {
            writeOutput(h, out, false);
            return;
        }
        if (noNames) {
            writeOutput(h, out, true);
            out.print('\n');
            return;
        }
        B3sumFormat.Name name = B3sumFormat.escape(file, WINDOWS);
        if (name.escaped) out.print('\\');
        if (tag) {
            out.print("BLAKE3 (" + name.text + ") = ");
            writeOutput(h, out, true);
            out.print('\n');
            return;
        }
        writeOutput(h, out, true);
        out.print("  " + name.text + "\n");
    }

    /** Writes {@code --length} output bytes from {@code --seek}, as hex or raw, 64 KiB at a time. */
    private void writeOutput(Blake3.Hasher h, OutputStream o, boolean hex) throws IOException {
        byte[] buf = new byte[(int) Math.min(length, 64 * 1024)];
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(buf.length, length - done);
            h.output(seek + done, buf, 0, n);
            if (hex) o.write(Hex.encode(n == buf.length ? buf : java.util.Arrays.copyOf(buf, n)).getBytes(StandardCharsets.US_ASCII));
            else o.write(buf, 0, n);
            done += n;
        }
    }

    private int checkFile(Blake3.Hasher base, String checkFile) throws IOException {
        int failed = 0;
        InputStream source = "-".equals(checkFile) ? in : Files.newInputStream(Paths.get(checkFile));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                B3sumFormat.CheckLine parsed;
                try {
                    parsed = B3sumFormat.parseCheckLine(line);
                } catch (IllegalArgumentException e) {
                    err.println(NAME + ": " + e.getMessage());
                    failed++;
                    continue;
                }
                byte[] found;
                try (Blake3.Hasher h = hashPath(base, parsed.path)) {
                    found = h.digest();
                } catch (IOException e) {
                    out.print(parsed.shownName + ": FAILED (" + osMessage(e) + ")\n");
                    failed++;
                    continue;
                }
                if (MessageDigest.isEqual(found, parsed.expected)) {
                    if (!quiet) out.print(parsed.shownName + ": OK\n");
                } else {
                    out.print(parsed.shownName + ": FAILED\n");
                    failed++;
                }
            }
        }
        return failed;
    }

    /** The operating system's wording, as the b3sum tool prints it. */
    static String osMessage(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory (os error 2)";
        if (e instanceof AccessDeniedException) return "Permission denied (os error 13)";
        String m = String.valueOf(e.getMessage());
        int colon = m.lastIndexOf(": ");
        return colon >= 0 && m.contains("(os error") ? m.substring(colon + 2) : m;
    }
}
