package dev.ferric.cli;

import dev.ferric.Ferric;
import dev.ferric.NativeStats;
import dev.ferric.internal.BuildInfo;
import dev.ferric.internal.LoadAttempt;
import dev.ferric.internal.LoadReport;
import dev.ferric.internal.NativeInfo;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferric doctor}: what the loader saw and did, so a failure explains itself. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show the platform, every native library candidate and its outcome, checksums and versions.")
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--memory", description = "Also run a short workload of each kernel and audit native memory: "
            + "bytes by kernel before and after, handles still live, leaks found; exit status 1 if memory is not returned.")
    boolean memory;

    @Override
    public Integer call() throws Exception {
        PrintStream o = System.out;
        LoadReport r = Ferric.loadReport();
        o.println("ferric " + Ferric.version() + " (native ABI " + BuildInfo.ABI_VERSION + ")");
        o.println();
        o.println("Java      " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")");
        o.println("OS        " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " / os.arch "
                + System.getProperty("os.arch"));
        o.println("platform  " + r.platform() + (r.platform().isMusl() ? " (musl libc, from the JVM's ELF interpreter)" : ""));
        o.println("library   " + r.platform().libraryFileName());
        o.println();
        o.println("pinned checksums in this API jar:");
        for (Map.Entry<String, String> e : BuildInfo.get().pinnedChecksums().entrySet()) {
            String mark = e.getKey().equals(r.platform().classifier()) ? "  <- this platform" : "";
            o.println("  " + e.getKey() + "  " + e.getValue() + mark);
        }
        o.println();
        o.println(String.format(java.util.Locale.ROOT, "load      %.1f ms (the first Ferric call of this JVM, %s)",
                r.durationNanos() / 1e6, r.attempts().isEmpty() ? "nothing tried" : "cache and checks included"));
        o.println("hashing   " + r.hashing());
        o.println();
        o.println("loader attempts, in order:");
        int i = 1;
        for (LoadAttempt a : r.attempts()) {
            o.println("  " + i++ + ". [" + a.source() + "] " + a.outcome());
            o.println("     where: " + a.location());
            o.println("     " + a.detail());
            if (a.fix() != null && a.outcome() != LoadAttempt.Outcome.LOADED) o.println("     to fix: " + a.fix());
        }
        o.println();
        if (!r.loaded()) {
            o.println("status    NOT LOADED");
            o.println(r.failure().getMessage());
            return 1;
        }
        o.println("status    loaded from " + r.loadedFrom());
        o.println("sha256    " + (r.loadedChecksum() == null ? "not computed (" + r.hashing() + ")" : r.loadedChecksum()
                + (r.loadedChecksum().equals(BuildInfo.get().pinnedChecksum(r.platform().classifier())) ? " (matches the pin)" : "")));
        o.println("native    ferric " + r.nativeVersion());
        o.println("calls     " + dev.ferric.internal.FastPath.describe());
        o.println("cpu       " + String.join(" ", NativeInfo.cpuFeatures()));
        o.println("vectors   kernel " + dev.ferric.vectors.Vectors.kernelName() + ", hamming " + dev.ferric.vectors.Vectors.hammingKernelName());
        NativeStats s = Ferric.nativeStats();
        o.println("memory    " + s.nativeBytes() + " native bytes (peak " + s.peakNativeBytes() + "), by kernel "
                + s.nativeBytesByKernel() + ", peak by kernel " + s.peakNativeBytesByKernel());
        o.println("handles   " + s.liveHandles() + " live " + s.liveByKind() + ", " + s.freedByLeakNet()
                + " freed by the leak net " + s.leakedByKind());
        if (!memory) return 0;
        o.println();
        o.println("memory audit (--memory):");
        return new MemoryAudit(o).run();
    }
}
