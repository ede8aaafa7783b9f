package dev.ferric.cli;

import dev.ferric.Hex;

/** The text formats of the {@code b3sum} tool: escaped file names and check-file lines. */
final class B3sumFormat {
    private B3sumFormat() {}

    /** A file name as b3sum prints it; {@code escaped} means the line must start with a backslash. */
    static final class Name {
        final String text;
        final boolean escaped;

        Name(String text, boolean escaped) {
            this.text = text;
            this.escaped = escaped;
        }
    }

    /** b3sum escapes {@code \}, newline and carriage return, and marks the line with a leading {@code \}. */
    static Name escape(String path, boolean windows) {
        String s = windows ? path.replace('\\', '/') : path;
        if (s.indexOf('\\') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return new Name(s, false);
        return new Name(s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"), true);
    }

    /** One parsed line of a check file. */
    static final class CheckLine {
        final String shownName;
        final String path;
        final byte[] expected;

        CheckLine(String shownName, String path, byte[] expected) {
            this.shownName = shownName;
            this.path = path;
            this.expected = expected;
        }
    }

    /**
     * Parses {@code <hex>  <file>} or {@code BLAKE3 (<file>) = <hex>}, either optionally escaped,
     * exactly as b3sum does.
     *
     * @throws IllegalArgumentException with b3sum's message when the line is invalid
     */
    static CheckLine parseCheckLine(String rawLine) {
        String line = rawLine;
        while (line.endsWith("\n") || line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        if (line.isEmpty()) throw new IllegalArgumentException("Empty line");
        boolean escaped = line.charAt(0) == '\\';
        String body = escaped ? line.substring(1) : line;
        String hashHex;
        String file;
        int sep = body.indexOf("  ");
        if (sep >= 0) {
            hashHex = body.substring(0, sep);
            file = body.substring(sep + 2);
        } else if (body.startsWith("BLAKE3 (") && body.lastIndexOf(") = ") >= "BLAKE3 (".length()) {
            int r = body.lastIndexOf(") = ");
            file = body.substring("BLAKE3 (".length(), r);
            hashHex = body.substring(r + 4);
        } else {
            throw new IllegalArgumentException("Invalid check line format");
        }
        if (hashHex.length() != 64) throw new IllegalArgumentException("Invalid hash length");
        for (int i = 0; i < hashHex.length(); i++) {
            char c = hashHex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) throw new IllegalArgumentException("Invalid hex");
        }
        String path = escaped ? unescape(file) : file;
        if (path.isEmpty()) throw new IllegalArgumentException("empty file path");
        if (path.indexOf('\0') >= 0) throw new IllegalArgumentException("Null character in path");
        if (path.indexOf('\uFFFD') >= 0) throw new IllegalArgumentException("Unicode replacement character in path");
        return new CheckLine(escaped ? "\\" + file : file, path, Hex.decode(hashHex));
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= s.length()) throw new IllegalArgumentException("Invalid backslash escape");
            char n = s.charAt(++i);
            if (n == 'n') out.append('\n');
            else if (n == 'r') out.append('\r');
            else if (n == '\\') out.append('\\');
            else throw new IllegalArgumentException("Invalid backslash escape");
        }
        return out.toString();
    }
}
