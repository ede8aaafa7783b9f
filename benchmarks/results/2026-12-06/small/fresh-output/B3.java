import dev.ferric.blake3.Blake3;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
public class B3 {
    static final ThreadMXBean T = ManagementFactory.getThreadMXBean();
    public static void main(String[] a) {
        byte[] in = new byte[64];
        byte[] out = new byte[32];
        long sink = 0;
        for (int round = 0; round < 4; round++) {
            long t0 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000_000; i++) { Blake3.hash(in, 0, 64, out, 0); sink += out[0]; }
            long t1 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000_000; i++) { byte[] o = Blake3.hash(in); sink += o[0]; }
            long t2 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000_000; i++) { byte[] o = new byte[32]; Blake3.hash(in, 0, 64, o, 0); sink += o[0]; }
            long t3 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000_000; i++) { Blake3.hash(in, 0, 64, out, 0); byte[] o = out.clone(); sink += o[0]; }
            long t4 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000_000; i++) { byte[] x = in.clone(); Blake3.hash(x, 0, 64, out, 0); sink += out[0]; }
            long t5 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000_000; i++) { byte[] x = in.clone(); sink += x[3]; }
            long t6 = T.getCurrentThreadCpuTime();
            System.out.printf("into %d ns, alloc %d ns, new+into %d ns, into+clone %d ns, freshIn %d ns, cloneOnly %d%n", (t1-t0)/2_000_000, (t2-t1)/2_000_000, (t3-t2)/2_000_000, (t4-t3)/2_000_000, (t5-t4)/2_000_000, (t6-t5)/2_000_000);
        }
        System.out.println(sink);
    }
}
