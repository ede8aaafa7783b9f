package dev.ferric.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 as lower-case hex, for library verification (the JDK's, so verification needs no native code). */
public final class Sha256 {
    private Sha256() {}

    public static String of(byte[] bytes) {
        return hex(digest().digest(bytes));
    }

    /** Hashes the file at {@code path} without following a symbolic link. */
    public static String ofFile(Path path) throws IOException {
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " is not a regular file (symbolic links are not followed)");
        }
        MessageDigest md = digest();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return hex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = Character.forDigit((b[i] >> 4) & 0xf, 16);
            out[2 * i + 1] = Character.forDigit(b[i] & 0xf, 16);
        }
        return new String(out);
    }
}
