package dev.ferric.loader;

import dev.ferric.Ferric;
import dev.ferric.NativeStats;
import dev.ferric.blake3.Blake3;
import dev.ferric.internal.HandleTracker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Creates and drops {@code args[0]} hashers without closing them, sampling native memory and the
 * process RSS, then waits for the leak net to free them all; prints {@code key=value} lines.
 */
public final class LeakProbe {
    private LeakProbe() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        NativeStats start = Ferric.nativeStats();
        long startRss = rssBytes();
        long peakRss = startRss;
        long peakNative = start.nativeBytes();
        byte[] one = {1};
        for (int i = 0; i < n; i++) {
            Blake3.Hasher h = Blake3.newHasher(); // never closed
            h.update(one);
            if (i % 10_000 == 0) {
                peakRss = Math.max(peakRss, rssBytes());
                peakNative = Math.max(peakNative, Ferric.nativeStats().nativeBytes());
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        NativeStats end = Ferric.nativeStats();
        while (end.liveHandles() > start.liveHandles() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
            end = Ferric.nativeStats();
        }
        print("created", n);
        print("start.live", start.liveHandles());
        print("end.live", end.liveHandles());
        print("start.native", start.nativeBytes());
        print("peak.native", peakNative);
        print("end.native", end.nativeBytes());
        print("start.rss", startRss);
        print("peak.rss", peakRss);
        print("end.rss", rssBytes());
        print("freedByLeakNet", end.freedByLeakNet() - start.freedByLeakNet());
        print("gcRequests", HandleTracker.gcRequests());
        // still usable afterwards
        print("hash", Blake3.hashHex("probe".getBytes(StandardCharsets.US_ASCII)));
    }

    /** Resident set size from /proc/self/status (Linux), or -1. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }
}
