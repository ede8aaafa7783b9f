package dev.ferric.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Reproducible inputs: text-like runs mixed with random bytes, so every codec path is exercised. */
final class TestData {
    private TestData() {}

    static byte[] mixed(int n, long seed) {
        Random r = new Random(seed);
        byte[] out = new byte[n];
        String[] words = {"ferric ", "deflate ", "{\"level\":\"info\",", "\"ts\":1700000000,", "lz4 ", "\n", "zlib-rs ", "GET /api/v1 "};
        int i = 0;
        while (i < n) {
            if (r.nextInt(8) == 0) {
                int k = Math.min(n - i, 1 + r.nextInt(200));
                for (int j = 0; j < k; j++) out[i++] = (byte) r.nextInt();
            } else {
                byte[] w = words[r.nextInt(words.length)].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                for (int j = 0; j < w.length && i < n; j++) out[i++] = w[j];
            }
        }
        return out;
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) != -1; ) b.write(buf, 0, n);
        return b.toByteArray();
    }

    static byte[] jdkGzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) b.write(p, 0, p.length);
        return b.toByteArray();
    }
}
