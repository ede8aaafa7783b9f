package dev.ferric.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic data for the compression rows of {@code ferric bench}: a smaller, self-contained cousin
 * of the JMH corpus ({@code benchmarks/.../CompressCorpus}). Quarters of prose, JSON log lines with
 * varied fields, binary sensor records and random bytes, so neither codec is judged on one kind of input.
 */
final class MixedData {
    private static final String[] WORDS = ("the of and to in is that for it as with was on be by this are or from at which but have "
            + "not they had were all one has been would there more will when some what can other into could time only new these "
            + "compression stream buffer native memory window block length offset literal match header checksum").split(" ");
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};

    private MixedData() {}

    /** {@code size} bytes, the same on every machine and JDK. */
    static byte[] build(int size) {
        SplittableRandom r = new SplittableRandom(8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        long[] clock = {1_764_000_000_000L};
        fill(out, size / 4, () -> prose(r));
        fill(out, size / 2, () -> json(r, clock));
        fill(out, size / 4 * 3, () -> records(r, clock));
        byte[] noise = new byte[size - out.size()];
        for (int i = 0; i < noise.length; i++) noise[i] = (byte) r.nextInt(256);
        out.write(noise, 0, noise.length);
        return out.toByteArray();
    }

    private static void fill(ByteArrayOutputStream out, int upTo, java.util.function.Supplier<byte[]> part) {
        while (out.size() < upTo) {
            byte[] b = part.get();
            out.write(b, 0, Math.min(b.length, upTo - out.size()));
        }
    }

    private static String word(SplittableRandom r) {
        double u = r.nextDouble(); // skewed towards the first words, as natural text is
        return WORDS[(int) (WORDS.length * u * u * u)];
    }

    private static byte[] prose(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 5 + r.nextInt(20);
        for (int i = 0; i < n; i++) sb.append(word(r)).append(i == n - 1 ? ".\n" : " ");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(SplittableRandom r, long[] clock) {
        clock[0] += r.nextInt(50);
        String line = "{\"ts\":" + clock[0] + ",\"level\":\"" + LEVELS[r.nextInt(LEVELS.length)] + "\",\"service\":\"checkout-" + r.nextInt(12)
                + "\",\"trace\":\"" + Long.toHexString(r.nextLong()) + "\",\"status\":" + (r.nextInt(20) == 0 ? 500 : 200)
                + ",\"latency_ms\":" + r.nextInt(250_000) / 1000.0 + ",\"user\":" + r.nextInt(1_000_000)
                + ",\"msg\":\"" + word(r) + " " + word(r) + " " + word(r) + "\"}\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] records(SplittableRandom r, long[] clock) {
        // 4 KiB of 32-byte records: id, timestamp, slowly drifting readings, flags.
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        int id = r.nextInt(64);
        float t = 20 + r.nextInt(10);
        while (b.remaining() >= 32) {
            clock[0] += 1000;
            t += (float) (r.nextDouble() - 0.5) * 0.1f;
            b.putInt(id).putLong(clock[0]).putFloat(t).putFloat(t * 1.8f + 32).putFloat((float) r.nextDouble()).putInt(r.nextInt(4)).putInt(0);
        }
        return b.array();
    }
}
