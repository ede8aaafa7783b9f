package dev.ferric;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/memory.md's table against the Javadoc: each row's quote is in its class's Javadoc, and every
 * public class that owns native memory (extends {@code NativeResource}) has a row.
 */
class MemoryGuideTest {
    private static final Path SOURCES = Paths.get("src/main/java/dev/ferric");
    private static final Path GUIDE = Paths.get("../docs/memory.md");

    @Test
    void everyQuoteIsInTheJavadocAndEveryOwnerIsListed() throws IOException {
        String guide = new String(Files.readAllBytes(GUIDE), StandardCharsets.UTF_8);
        int start = guide.indexOf("<!-- memory-table");
        int end = guide.indexOf("<!-- end memory-table -->");
        assertTrue(start >= 0 && end > start, "docs/memory.md has lost its table markers");
        List<String> listed = new ArrayList<>();
        Pattern row = Pattern.compile("(?m)^\\| `([a-z0-9]+)\\.([A-Za-z0-9.]+)`([^|]*)\\|.*\"([^\"]+)\" \\|$");
        Matcher m = row.matcher(guide.substring(start, end));
        int rows = 0;
        while (m.find()) {
            rows++;
            String pkg = m.group(1);
            String cls = m.group(2);
            String outer = cls.contains(".") ? cls.substring(0, cls.indexOf('.')) : cls;
            Path source = SOURCES.resolve(pkg).resolve(outer + ".java");
            assertTrue(Files.exists(source), "the guide names " + pkg + "." + cls + ", which has no source " + source);
            listed.add(cls);
            // further classes named on the same row: `GzipOutputStream`, ...
            Matcher more = Pattern.compile("`([A-Z][A-Za-z0-9]+)`").matcher(m.group(3));
            while (more.find()) listed.add(more.group(1));
            String javadoc = normalize(new String(Files.readAllBytes(source), StandardCharsets.UTF_8));
            if (!javadoc.contains(normalize(m.group(4)))) {
                fail("docs/memory.md quotes \"" + m.group(4) + "\" for " + pkg + "." + cls + ", but its Javadoc no longer"
                        + " says so: update the row (and what it claims) to the Javadoc");
            }
        }
        assertTrue(rows >= 10, "only " + rows + " rows parsed from the table");
        List<String> owners;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            owners = files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("internal"))
                    .filter(p -> read(p).matches("(?s).*public (static )?final class \\w+ extends NativeResource.*"
                            + "|(?s).*public (static )?(final )?class \\w+ extends NativeResource.*"))
                    .map(p -> nativeResourceClasses(read(p)))
                    .flatMap(List::stream)
                    .collect(Collectors.toList());
        }
        assertFalse(owners.isEmpty());
        for (String owner : owners) {
            assertTrue(listed.contains(owner) || listed.stream().anyMatch(l -> l.endsWith("." + owner)),
                    owner + " owns native memory but has no row in docs/memory.md's table");
        }
    }

    private static List<String> nativeResourceClasses(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("public (?:static )?(?:final )?class (\\w+) extends NativeResource").matcher(source);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Javadoc text without comment markers and line breaks. */
    private static String normalize(String s) {
        return s.replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\s+", " ");
    }
}
