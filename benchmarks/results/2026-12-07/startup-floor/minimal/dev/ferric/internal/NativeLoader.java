package dev.ferric.internal;

import java.io.FileInputStream;
import java.nio.file.*;
import java.util.Map;

/**
 * The floor of a verified warm start, measured once (not part of ferric): the fewest steps the
 * loader's rules need when the cache already holds the library, with everything else left out
 * (no platform detection, pins, reports, ancestors, identities, class-loader copies). It shadows
 * dev.ferric.internal.NativeLoader on the class path, because the verifier and the library register
 * their natives for the package of the NativeLoader that loads them; the API jar supplies Sha256,
 * VerifierNative and the classes the library registers natives with. See run.sh.
 *
 * Steps: the directory and both files owned by this user, not writable by others, one link; the
 * verifier hashed in Java and loaded; the library hashed through the verifier and loaded; the library
 * found in /proc/self/maps. Prints the total and each step in milliseconds.
 */
public final class NativeLoader {
    public static void main(String[] a) throws Exception {
        Class.forName("dev.ferric.Hex"); // the API jar opened, as in a real start (the main class was looked up in it)
        long t0 = System.nanoTime();
        String dir = System.getProperty("ferric.cache.dir");
        Path d = Paths.get(dir);
        Path ver = d.resolve(a[0]), lib = d.resolve(a[1]);
        LinkOption nf = LinkOption.NOFOLLOW_LINKS;
        Object me = Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
        Map<String, Object> da = Files.readAttributes(d, "unix:uid,mode", nf);
        if (!me.equals(da.get("uid")) || ((Integer) da.get("mode") & 022) != 0) throw new Error("dir");
        for (Path p : new Path[] {ver, lib}) {
            Map<String, Object> fa = Files.readAttributes(p, "unix:uid,mode,nlink,ino", nf);
            if (!me.equals(fa.get("uid")) || ((Integer) fa.get("mode") & 022) != 0 || (Integer) fa.get("nlink") != 1) throw new Error("file");
        }
        long t1 = System.nanoTime();
        String vs = new Sha256().hashFile(ver, new byte[32 * 1024]);
        if (!vs.equals(a[2])) throw new Error("verifier hash " + vs);
        long t2 = System.nanoTime();
        System.load(ver.toString());
        long t3 = System.nanoTime();
        String ls = new Sha256(Linker.SYSTEM).hashFile(lib, new byte[256 * 1024]); // blocks compressed by the verifier
        if (!ls.equals(a[3])) throw new Error("library hash " + ls);
        long t4 = System.nanoTime();
        System.load(lib.toString());
        long t5 = System.nanoTime();
        byte[] maps = new byte[1 << 20];
        int n = 0;
        try (FileInputStream in = new FileInputStream("/proc/self/maps")) {
            for (int r; (r = in.read(maps, n, maps.length - n)) > 0; ) n += r;
        }
        String m = new String(maps, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (m.indexOf(lib.toString()) < 0) throw new Error("maps");
        long t6 = System.nanoTime();
        System.out.printf("%.2f checks %.2f javahash %.2f loadver %.2f hashlib %.2f loadlib %.2f maps %.2f%n", (t6 - t0) / 1e6,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, (t6 - t5) / 1e6);
    }
}
