package dev.ferric.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command line (or a reference tool) as a child process, as a user's shell would. */
final class Subprocess {
    private Subprocess() {}

    /** Exit code and standard output of a finished process. */
    static final class Result {
        final int code;
        final byte[] out;

        Result(int code, byte[] out) {
            this.code = code;
            this.out = out;
        }
    }

    /** {@code java -cp <test class path> dev.ferric.cli.FerricCli args...}. */
    static List<String> ferric(List<String> args) {
        List<String> c = new ArrayList<>(Arrays.asList(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ferric.cli.FerricCli"));
        c.addAll(args);
        return c;
    }

    /**
     * Runs {@code cmd} with {@code stdin} (or nothing) on its standard input, stderr discarded. Input is
     * fed from another thread so that a process writing more than a pipe buffer before reading all of
     * its input cannot deadlock the test.
     */
    static Result run(byte[] stdin, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (var os = p.getOutputStream()) {
                if (stdin != null) os.write(stdin);
            } catch (IOException e) {
                // the process exited without reading everything; its exit code and output tell the test
            }
        });
        feeder.start();
        byte[] out = p.getInputStream().readAllBytes();
        feeder.join();
        if (!p.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("timed out: " + cmd);
        return new Result(p.exitValue(), out);
    }
}
