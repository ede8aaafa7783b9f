package dev.ferric.internal;

import java.util.Map;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * ferric's JFR events: {@code dev.ferric.NativeMemory} every second, one per kernel, and
 * {@code dev.ferric.Leak} for each handle the leak net frees (see {@code docs/memory.md}).
 */
final class FlightRecorderEvents {
    private FlightRecorderEvents() {}

    /** Native memory and live handles of one kernel, every second of a recording. */
    @Name("dev.ferric.NativeMemory")
    @Label("ferric Native Memory")
    @Category({"ferric"})
    @Description("Bytes ferric's native code holds and live native objects, for one kernel")
    @Period("1 s")
    @StackTrace(false)
    static final class NativeMemoryEvent extends Event {
        @Label("Kernel")
        @Description("core, blake3, regex, compression or vectors")
        String kernel;

        @Label("Native Bytes")
        @DataAmount
        long nativeBytes;

        @Label("Peak Native Bytes")
        @Description("The most this kernel held at once since the library was loaded")
        @DataAmount
        long peakNativeBytes;

        @Label("Live Handles")
        @Description("Native objects of this kernel not yet freed")
        long liveHandles;
    }

    /** A handle that was never closed, freed by the leak net. */
    @Name("dev.ferric.Leak")
    @Label("ferric Leak")
    @Category({"ferric"})
    @Description("A native object that was never closed, freed by ferric's leak net after garbage collection")
    @StackTrace(false) // the leak net's own stack says nothing; where it was created is in creationStack
    static final class LeakEvent extends Event {
        @Label("Kind")
        String kind;

        @Label("Native Bytes")
        @Description("What freeing it released")
        @DataAmount
        long nativeBytes;

        @Label("Created At")
        @Description("The line that created it, when recorded (-Dferric.leakDetection=simple: 1 in 128; paranoid: all)")
        String createdAt;

        @Label("Creation Stack")
        @Description("The stack that created it, when recorded")
        String creationStack;
    }

    static void register() {
        FlightRecorder.addPeriodicEvent(NativeMemoryEvent.class, FlightRecorderEvents::emitNativeMemory);
        LeakDetector.setListener(FlightRecorderEvents::leaked);
    }

    private static void emitNativeMemory() {
        NativeMemory m = NativeMemory.read();
        Map<String, Long> handles = HandleTracker.liveByKernel();
        for (String k : NativeMemory.KERNELS) {
            NativeMemoryEvent e = new NativeMemoryEvent();
            e.kernel = k;
            e.nativeBytes = m.liveByKernel().get(k);
            e.peakNativeBytes = m.peakByKernel().get(k);
            e.liveHandles = handles.get(k);
            e.commit();
        }
    }

    private static void leaked(String kind, long nativeBytes, Throwable created) {
        LeakEvent e = new LeakEvent();
        if (!e.isEnabled()) return;
        e.kind = kind;
        e.nativeBytes = nativeBytes;
        if (created != null) {
            StackTraceElement place = LeakDetector.callerOf(created);
            e.createdAt = place == null ? null : place.toString();
            StringBuilder b = new StringBuilder();
            for (StackTraceElement f : LeakDetector.creationFrames(created)) b.append(f).append('\n');
            e.creationStack = b.toString();
        }
        e.commit();
    }
}
