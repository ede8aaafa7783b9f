package dev.ferric.cli;

import dev.ferric.regex.ByteMatch;
import dev.ferric.regex.Regex;
import dev.ferric.regex.RegexSyntaxException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferric grep}: searches files line by line with ferric's regex engine and prints what
 * {@code rg --no-heading} prints for the same flags. Patterns use the engine's (ripgrep's) syntax
 * unless {@code --java}. Directories are searched recursively (all files, hidden ones too, no ignore
 * files, files holding a NUL byte skipped as binary, in path order).
 */
@Command(name = "grep", mixinStandardHelpOptions = true,
        description = "Search files for lines matching a regular expression (output as rg --no-heading).")
final class GrepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATTERN", description = "The regular expression.")
    String pattern;

    @Parameters(index = "1..*", paramLabel = "PATH", description = "Files or directories (default: the current directory).")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-c", "--count"}, description = "Print the number of matching lines per file.")
    boolean count;

    @Option(names = {"-n", "--line-number"}, description = "Prefix lines with their line number.")
    boolean lineNumbers;

    @Option(names = {"-i", "--ignore-case"}, description = "Match case-insensitively.")
    boolean ignoreCase;

    @Option(names = {"-v", "--invert-match"}, description = "Select lines that do not match.")
    boolean invert;

    @Option(names = {"-o", "--only-matching"}, description = "Print each match on its own line.")
    boolean onlyMatching;

    @Option(names = {"-F", "--fixed-strings"}, description = "Treat the pattern as a literal string.")
    boolean fixed;

    @Option(names = {"-w", "--word-regexp"}, description = "Only match whole words.")
    boolean word;

    @Option(names = "--java", description = "The pattern is in java.util.regex syntax.")
    boolean javaSyntax;

    private OutputStream out;
    private boolean withNames;
    private boolean anyMatch;

    @Override
    public Integer call() throws IOException {
        String p = fixed ? Regex.quote(pattern) : pattern;
        int flags = (ignoreCase ? Regex.CASE_INSENSITIVE : 0) | Regex.MULTILINE | (javaSyntax || fixed ? 0 : Regex.RUST_SYNTAX);
        if (word) p = "\\b(?:" + p + ")\\b";
        List<Path> roots = new ArrayList<>();
        for (String s : paths.isEmpty() ? List.of(".") : paths) roots.add(Paths.get(s));
        withNames = roots.size() > 1 || Files.isDirectory(roots.get(0));
        int status = 1;
        out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        try (Regex re = Regex.compile(p, flags)) {
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(root)) {
                        files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                    }
                    for (Path f : files) search(re, f, true);
                } else if (Files.exists(root)) {
                    search(re, root, false);
                } else {
                    System.err.println(root + ": No such file or directory (os error 2)");
                    status = 2;
                }
            }
        } catch (RegexSyntaxException e) {
            System.err.println("ferric grep: regex parse error:\n" + e.getMessage());
            return 2;
        } finally {
            out.flush();
        }
        return anyMatch ? 0 : status;
    }

    private void search(Regex re, Path file, boolean fromWalk) throws IOException {
        byte[] data = Files.readAllBytes(file);
        if (fromWalk && indexOf(data, (byte) 0, 0, data.length) >= 0) return;
        List<int[]> lines = lines(data);
        boolean[] matched = new boolean[lines.size()];
        List<List<int[]>> spans = onlyMatching ? new ArrayList<>() : null;
        if (spans != null) for (int i = 0; i < lines.size(); i++) spans.add(null);
        if (!findWholeFile(re, data, lines, matched, spans)) {
            // a match crossed a line end: search line by line, as a line-oriented tool must
            for (int i = 0; i < lines.size(); i++) {
                int[] l = lines.get(i);
                if (spans == null) {
                    matched[i] = re.isMatch(data, l[0], l[1] - l[0]);
                } else {
                    List<int[]> s = re.findAll(data, l[0], l[1] - l[0]).filter(m -> m.end() > m.start())
                            .map(m -> new int[] {m.start(), m.end()}).collect(Collectors.toList());
                    matched[i] = re.isMatch(data, l[0], l[1] - l[0]);
                    spans.set(i, s);
                }
            }
        }
        String name = file.toString();
        int selected = 0;
        for (int i = 0; i < lines.size(); i++) if (matched[i] != invert) selected++;
        if (selected > 0) anyMatch = true;
        if (count) {
            if (selected > 0) {
                if (withNames) write(name + ":");
                write(selected + "\n");
            }
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (matched[i] == invert) continue;
            int[] l = lines.get(i);
            if (onlyMatching && !invert) {
                List<int[]> s = spans.get(i);
                if (s == null) continue;
                for (int[] m : s) {
                    prefix(name, i);
                    out.write(data, m[0], m[1] - m[0]);
                    out.write('\n');
                }
            } else {
                prefix(name, i);
                out.write(data, l[0], l[1] - l[0]);
                out.write('\n');
            }
        }
    }

    /** Finds all matches in one pass; false if one crosses a line end (then the caller goes line by line). */
    private boolean findWholeFile(Regex re, byte[] data, List<int[]> lines, boolean[] matched, List<List<int[]>> spans) {
        int line = 0;
        Iterator<ByteMatch> it = re.findAll(data).iterator();
        while (it.hasNext()) {
            ByteMatch m = it.next();
            if (indexOf(data, (byte) '\n', m.start(), m.end()) >= 0) return false;
            while (line < lines.size() && lines.get(line)[1] < m.start()) line++;
            if (line >= lines.size()) break;
            int[] l = lines.get(line);
            if (m.end() > l[1]) return false;
            matched[line] = true;
            if (spans != null && m.end() > m.start()) {
                if (spans.get(line) == null) spans.set(line, new ArrayList<>());
                spans.get(line).add(new int[] {m.start(), m.end()});
            }
        }
        return true;
    }

    private void prefix(String name, int line) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (withNames) sb.append(name).append(':');
        if (lineNumbers) sb.append(line + 1).append(':');
        if (sb.length() > 0) write(sb.toString());
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Start and end (without the {@code \n}) of each line; no empty last line after a final newline. */
    static List<int[]> lines(byte[] data) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start < data.length) {
            int nl = indexOf(data, (byte) '\n', start, data.length);
            int end = nl < 0 ? data.length : nl;
            lines.add(new int[] {start, end});
            start = end + 1;
        }
        return lines;
    }

    static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) if (data[i] == b) return i;
        return -1;
    }
}
