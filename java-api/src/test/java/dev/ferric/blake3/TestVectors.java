package dev.ferric.blake3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The official BLAKE3 test vectors (test_vectors/test_vectors.json of the reference repository). */
final class TestVectors {
    static final class Case {
        final int inputLen;
        final String hash;
        final String keyedHash;
        final String deriveKey;

        Case(int inputLen, String hash, String keyedHash, String deriveKey) {
            this.inputLen = inputLen;
            this.hash = hash;
            this.keyedHash = keyedHash;
            this.deriveKey = deriveKey;
        }

        @Override
        public String toString() {
            return "input_len=" + inputLen;
        }
    }

    static final String KEY;
    static final String CONTEXT;
    static final List<Case> CASES = new ArrayList<>();

    static {
        String json;
        try (InputStream in = TestVectors.class.getResourceAsStream("test_vectors.json")) {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0; ) buf.write(chunk, 0, n);
            json = new String(buf.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KEY = field(json, "key");
        CONTEXT = field(json, "context_string");
        Matcher m = Pattern.compile("\"input_len\":\\s*(\\d+),\\s*\"hash\":\\s*\"([0-9a-f]+)\",\\s*"
                + "\"keyed_hash\":\\s*\"([0-9a-f]+)\",\\s*\"derive_key\":\\s*\"([0-9a-f]+)\"").matcher(json);
        while (m.find()) CASES.add(new Case(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4)));
        if (CASES.size() != 35) throw new IllegalStateException("expected 35 cases, parsed " + CASES.size());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name);
        return m.group(1);
    }

    /** The vectors' input: byte i is i mod 251. */
    static byte[] input(int len) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = (byte) (i % 251);
        return b;
    }

    static List<Case> cases() {
        return CASES;
    }

    private TestVectors() {}
}
