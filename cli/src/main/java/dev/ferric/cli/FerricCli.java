package dev.ferric.cli;

import dev.ferric.Ferric;
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

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new FerricCli()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ferric " + Ferric.version()};
        }
    }
}
