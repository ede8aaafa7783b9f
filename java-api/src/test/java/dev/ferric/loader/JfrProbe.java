package dev.ferric.loader;

import dev.ferric.Ferric;
import dev.ferric.NativeStats;
import dev.ferric.blake3.Blake3;
import dev.ferric.regex.Regex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records ferric's JFR events while it keeps a regex open and leaks one hasher from a known line, then
 * parses the recording with {@code jdk.jfr.consumer} and prints what it found as {@code key=value}.
 */
public final class JfrProbe {
    private JfrProbe() {}

    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[0]);
        Ferric.nativeStats(); // loads the library, which registers the events (on a thread of its own)
        dev.ferric.internal.MonitoringRegistration.await(30_000);
        try (Recording recording = new Recording(); Regex open = Regex.compile("[a-z]+[0-9]")) {
            recording.enable("dev.ferric.NativeMemory").withPeriod(java.time.Duration.ofMillis(200));
            recording.enable("dev.ferric.Leak");
            recording.start();
            open.isMatch("abc1");
            int line = leakHasher();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (leaked(Ferric.nativeStats()) < 1 && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(50);
            }
            Thread.sleep(600); // a few periods
            recording.stop();
            recording.dump(file);
            System.out.println("hasherLine=" + line);
        }
        int memoryEvents = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("dev.ferric.NativeMemory")) {
                memoryEvents++;
                String k = e.getString("kernel");
                // the largest figures seen, by kernel
                System.out.println("memory." + k + ".bytes=" + e.getLong("nativeBytes"));
                System.out.println("memory." + k + ".handles=" + e.getLong("liveHandles"));
            } else if (type.equals("dev.ferric.Leak")) {
                System.out.println("leak.kind=" + e.getString("kind"));
                System.out.println("leak.bytes=" + e.getLong("nativeBytes"));
                System.out.println("leak.createdAt=" + e.getString("createdAt"));
                String stack = e.getString("creationStack");
                System.out.println("leak.stackLines=" + (stack == null ? 0 : stack.split("\n").length));
                System.out.println("leak.stackTop=" + (stack == null ? null : stack.split("\n")[0]));
            }
        }
        System.out.println("memory.events=" + memoryEvents);
    }

    private static long leaked(NativeStats s) {
        Long n = s.leakedByKind().get("Blake3.Hasher");
        return n == null ? 0 : n;
    }

    private static int leakHasher() {
        Blake3.Hasher h = Blake3.newHasher(); int line = new Throwable().getStackTrace()[0].getLineNumber(); h.update(new byte[] {1});
        return line;
    }
}
