package com.example.shaded;

import dev.ferric.Ferric;
import dev.ferric.blake3.Blake3;
import dev.ferric.compress.Deflate;
import dev.ferric.compress.GzipInputStream;
import dev.ferric.compress.GzipOutputStream;
import dev.ferric.compress.Lz4;
import dev.ferric.regex.Regex;
import dev.ferric.regex.RegexSyntaxException;
import dev.ferric.vectors.ElementType;
import dev.ferric.vectors.FlatIndex;
import dev.ferric.vectors.Metric;
import dev.ferric.vectors.SearchResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Uses every ferric kernel from inside a shaded jar, where maven-shade-plugin has moved
 * {@code dev.ferric} to {@code com.example.shaded.ferric}; prints one line per kernel and exits 1 if
 * anything is wrong.
 */
public final class App {
    private App() {}

    public static void main(String[] args) throws Exception {
        byte[] line = "2026-12-06 06:00:00 INFO request served in 42 ms".getBytes(StandardCharsets.UTF_8);

        System.out.println("ferric classes: " + Ferric.class.getName());
        System.out.println("library: " + Ferric.loadReport().loadedFrom());

        System.out.println("blake3: " + toHex(Blake3.hash(line)));

        byte[] gz = Deflate.GZIP.compress(line);
        check(Arrays.equals(line, Deflate.GZIP.decompress(gz)), "gzip round trip");
        byte[] lz = Lz4.compressFrame(line);
        check(Arrays.equals(line, Lz4.decompressFrame(lz)), "lz4 round trip");
        // streams: each step reports through the fields of a relocated class the library found at load
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (GzipOutputStream out = new GzipOutputStream(streamed)) {
            out.write(line);
        }
        try (GzipInputStream in = new GzipInputStream(new ByteArrayInputStream(streamed.toByteArray()))) {
            byte[] back = new byte[line.length + 1];
            int n = 0;
            for (int r; (r = in.read(back, n, back.length - n)) > 0; ) n += r;
            check(n == line.length && Arrays.equals(line, Arrays.copyOf(back, n)), "gzip stream round trip");
        }
        System.out.println("compress: gzip " + gz.length + " bytes, lz4 frame " + lz.length + " bytes, gzip stream "
                + streamed.size() + " bytes, all round-trip");

        try (Regex ms = Regex.compile("(\\d+) ms")) {
            String text = new String(line, StandardCharsets.UTF_8);
            String took = ms.captures(text).map(m -> m.group(1)).orElse("none");
            check("42".equals(took), "regex group");
            System.out.println("regex: served in " + took + " ms");
        }
        try (Regex broken = Regex.compile("(unclosed")) {
            check(false, "a syntax error was not reported");
        } catch (RegexSyntaxException e) {
            // the relocated exception class, thrown by the native library
            System.out.println("regex error: " + e.getClass().getName());
        }

        try (FlatIndex index = new FlatIndex(3, Metric.DOT_PRODUCT, ElementType.FLOAT32)) {
            index.add(new float[] {1, 0, 0});
            index.add(new float[] {0, 1, 0});
            SearchResult top = index.search(new float[] {0.1f, 0.9f, 0}, 1);
            check(top.id(0) == 1, "nearest vector");
            System.out.println("vectors: nearest id " + top.id(0) + " score " + top.score(0));
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("FAILED: " + what);
            System.exit(1);
        }
    }

    private static String toHex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(String.format("%02x", x & 0xff));
        return s.toString();
    }
}
