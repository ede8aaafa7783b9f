package dev.ferric.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Random;

/**
 * Generates the regex benchmark text: English-like prose with the names and words the patterns look
 * for, interleaved with log lines (timestamps, levels, loggers, IPv4 addresses, e-mail addresses) and a
 * few Cyrillic and Greek sentences. Deterministic (fixed seed), so every run searches the same bytes.
 * {@code java -cp benchmarks.jar dev.ferric.bench.RegexCorpus OUT [BYTES]} writes it to a file.
 */
public final class RegexCorpus {
    private static final String[] WORDS = (
            "the of and to in that was he it his with as had for at by you which on not be she her is this from"
            + " but have were all they one we an my so said would been there their no what could if out some"
            + " upon into only little very more then when time about now man who like any your has over should"
            + " Sherlock Holmes Watson Irene Adler Baker Street Lestrade Moriarty Hudson London window morning"
            + " evening walking thinking looking something nothing reasoning observing singing following"
            + " remarkable singular curious matter client letter carriage station inspector doctor friend")
            .split(" ");
    private static final String[] LOGGERS = {"http.server", "db.pool", "auth", "cache-warmer", "scheduler", "api.v2.orders"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"};
    private static final String[] UNICODE = {
        "Шерлок Холмс сидел у камина и курил трубку, размышляя о странном деле.",
        "Доктор Ватсон записывал каждое слово в свой потрёпанный блокнот.",
        "Ο Σέρλοκ Χολμς κοίταξε έξω από το παράθυρο της οδού Μπέικερ.",
        "Naïve café owners in Zürich said «très bien» to the señor — ok?",
    };

    private RegexCorpus() {}

    /** The corpus, at least {@code minBytes} bytes of UTF-8. */
    public static String generate(int minBytes) {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder(minBytes + 256);
        int bytes = 0;
        while (bytes < minBytes) {
            int start = sb.length();
            int kind = r.nextInt(100);
            if (kind < 30) {
                logLine(sb, r);
            } else if (kind < 33) {
                sb.append(UNICODE[r.nextInt(UNICODE.length)]).append('\n');
            } else {
                sentence(sb, r);
            }
            bytes += sb.substring(start).getBytes(StandardCharsets.UTF_8).length;
        }
        return sb.toString();
    }

    private static void sentence(StringBuilder sb, Random r) {
        int n = 6 + r.nextInt(14);
        for (int i = 0; i < n; i++) {
            String w = WORDS[r.nextInt(WORDS.length)];
            if (i == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            sb.append(w);
            if (i == n / 2 && r.nextInt(6) == 0) sb.append(", \"").append(WORDS[r.nextInt(WORDS.length)]).append(" indeed\"");
            if (i < n - 1) sb.append(r.nextInt(9) == 0 ? ", " : " ");
        }
        sb.append(r.nextInt(5) == 0 ? "?\n" : ".\n");
    }

    private static void logLine(StringBuilder sb, Random r) {
        sb.append(String.format("2026-%02d-%02d %02d:%02d:%02d %s [%s] ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60), LEVELS[r.nextInt(LEVELS.length)], LOGGERS[r.nextInt(LOGGERS.length)]));
        switch (r.nextInt(4)) {
            case 0:
                sb.append("request from ").append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('.')
                        .append(r.nextInt(256)).append('.').append(r.nextInt(256)).append(" took ").append(r.nextInt(900)).append("ms");
                break;
            case 1:
                sb.append("mail sent to user").append(r.nextInt(5000)).append("@example").append(r.nextInt(40)).append(".org");
                break;
            case 2:
                sb.append("retrying job ").append(Long.toHexString(r.nextLong())).append(" attempt ").append(r.nextInt(5));
                break;
            default:
                sb.append("cache hit ratio ").append(r.nextInt(100)).append("% size=").append(r.nextInt(1 << 20));
        }
        sb.append('\n');
    }

    /** Writes the corpus (default 2 MiB) to the file named by the first argument. */
    public static void main(String[] args) throws Exception {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 2 << 20;
        Files.write(Paths.get(args[0]), generate(size).getBytes(StandardCharsets.UTF_8));
    }
}
