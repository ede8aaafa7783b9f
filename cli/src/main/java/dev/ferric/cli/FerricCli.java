package dev.ferric.cli;

import dev.ferric.Ferric;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ferric} command. Each subcommand is one class in this package. */
@Command(name = "ferric",
        mixinStandardHelpOptions = true,
        versionProvider = FerricCli.Version.class,
        description = "Native Rust kernels for the JVM: hashing, regex search, compression, exact vector search, diagnostics and benchmarks.",
        subcommands = {B3sumCommand.class, GrepCommand.class, GzipCommand.class, Lz4Command.class, KnnCommand.class,
                DoctorCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class FerricCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code (tests call this instead of {@link #main}).
     *
     * <p>{@code ferric <command> ...} builds the model of that one command only: picocli reads every
     * command's annotations when it builds a model, and for the whole tree that is most of a short
     * run's time (a 100-byte {@code ferric gzip -d} spent ~300 ms there). Anything else (no command,
     * {@code help}, {@code --version}, an unknown name) goes to the whole tree. {@code gzip} and
     * {@code lz4} with plain flags do without picocli altogether (it takes ~150 ms to start).
     */
    public static int run(String... args) {
        Callable<Integer> command = args.length == 0 ? null : command(args[0]);
        if (command != null) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            // gzip and lz4 are called once per file by scripts: plain flags skip picocli altogether
            if (command instanceof CodecCommand && ((CodecCommand) command).parseWithoutPicocli(rest)) {
                LambdaWarmUp.start();
                return ((CodecCommand) command).call();
            }
            CommandLine one = new CommandLine(command(args[0])).setCommandName("ferric " + args[0]);
            return one.execute(rest);
        }
        return new CommandLine(new FerricCli()).execute(args);
    }

    /** The subcommand named {@code name}, or null; the same set as {@code subcommands} above. */
    private static Callable<Integer> command(String name) {
        switch (name) {
            case "b3sum": return new B3sumCommand();
            case "grep": return new GrepCommand();
            case "gzip": return new GzipCommand();
            case "lz4": return new Lz4Command();
            case "knn": return new KnnCommand();
            case "doctor": return new DoctorCommand();
            case "bench": return new BenchCommand();
            default: return null;
        }
    }

    /**
     * Starts the JVM's lambda machinery on a thread of its own while this one loads the native library:
     * the first lambda a JVM links costs ~5 ms (ferric's streams use lambdas around each native call),
     * which a short run would otherwise pay on its critical path. A class, not a lambda, starts it.
     */
    static final class LambdaWarmUp implements Runnable {
        static void start() {
            Thread t = new Thread(new LambdaWarmUp(), "ferric-lambda-warm-up");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void run() {
            java.util.function.LongUnaryOperator first = h -> h + 1; // links LambdaMetafactory's classes and forms
            first.applyAsLong(0);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ferric " + Ferric.version()};
        }
    }
}
