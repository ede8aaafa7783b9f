import dev.ferric.Hex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
public class HexT {
    public static void main(String[] a) {
        ThreadMXBean T = ManagementFactory.getThreadMXBean();
        byte[] d = new byte[32];
        for (int i = 0; i < 32; i++) d[i] = (byte) (i * 37);
        long sink = 0;
        for (int r = 0; r < 5; r++) {
            long t0 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 5_000_000; i++) { d[0] = (byte) i; sink += Hex.encode(d).length(); }
            long t1 = T.getCurrentThreadCpuTime();
            System.out.printf("Hex.encode(32 bytes): %.1f ns%n", (t1 - t0) / 5e6);
        }
        System.out.println(sink);
    }
}
