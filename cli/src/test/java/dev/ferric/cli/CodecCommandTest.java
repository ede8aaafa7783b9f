package dev.ferric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ferric gzip}/{@code lz4} parse plain flags without picocli (its start is most of a short
 * run): whatever that parser accepts, picocli must read the same way, and what it refuses goes to picocli.
 */
class CodecCommandTest {
    private static final List<String[]> ACCEPTED = Arrays.asList(
            new String[] {}, new String[] {"-"}, new String[] {"-d", "-c", "a.gz"}, new String[] {"-dc", "a.gz", "b.gz"},
            new String[] {"-kf9", "x"}, new String[] {"-1"}, new String[] {"-19"}, new String[] {"--best", "--keep", "f"},
            new String[] {"--fast", "-t", "--quiet", "f"}, new String[] {"--stdout", "--decompress", "--force", "--no-progress"},
            new String[] {"--to-stdout", "--uncompress", "--test"}, new String[] {"-d", "--", "-c", "-"},
            new String[] {"-q", "-", "file with spaces"}, new String[] {"-cq5", "--", "--best"});
    private static final List<String[]> REFUSED = Arrays.asList(
            new String[] {"--help"}, new String[] {"-h"}, new String[] {"-V"}, new String[] {"--version"},
            new String[] {"-x"}, new String[] {"-d0"}, new String[] {"--decompres"}, new String[] {"-dh"}, new String[] {"--level=3"});

    @Test
    void everyAcceptedCommandLineMeansWhatPicocliMakesOfIt() {
        for (boolean lz4 : new boolean[] {false, true}) {
            for (String[] args : ACCEPTED) {
                CodecCommand fast = lz4 ? new Lz4Command() : new GzipCommand();
                assertTrue(fast.parseWithoutPicocli(args), Arrays.toString(args));
                CodecCommand picocli = lz4 ? new Lz4Command() : new GzipCommand();
                new CommandLine(picocli).parseArgs(args);
                assertEquals(describe(picocli), describe(fast), Arrays.toString(args));
            }
        }
    }

    @Test
    void aSmallFileIsReadWithABufferItsSizeNotOneMebibyte() {
        int min = CodecCommand.MIN_BUFFER;
        assertEquals(min, CodecCommand.bufferFor(0));
        assertEquals(min, CodecCommand.bufferFor(100));
        assertEquals(min, CodecCommand.bufferFor(min));
        assertEquals(2 * min, CodecCommand.bufferFor(min + 1));
        assertEquals(CodecCommand.BUFFER, CodecCommand.bufferFor(CodecCommand.BUFFER - 1));
        assertEquals(CodecCommand.BUFFER, CodecCommand.bufferFor(CodecCommand.BUFFER));
        assertEquals(CodecCommand.BUFFER, CodecCommand.bufferFor(5L << 30));
    }

    @Test
    void helpVersionAndAnythingUnknownAreLeftToPicocli() {
        for (String[] args : REFUSED) assertFalse(new GzipCommand().parseWithoutPicocli(args), Arrays.toString(args));
        assertEquals(0, FerricCli.run("gzip", "--help"));
        assertEquals(2, FerricCli.run("gzip", "--no-such-flag"), "picocli's usage error, as before");
    }

    private static String describe(CodecCommand c) {
        return "files=" + c.files + " c=" + c.toStdout + " d=" + c.decompress + " k=" + c.keep + " f=" + c.force + " t=" + c.test
                + " q=" + c.quiet + " level=" + c.level + " noProgress=" + c.noProgress;
    }
}
