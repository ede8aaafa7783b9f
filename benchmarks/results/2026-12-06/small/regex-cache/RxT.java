import dev.ferric.regex.Regex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.regex.Pattern;
public class RxT {
    public static void main(String[] a) {
        ThreadMXBean T = ManagementFactory.getThreadMXBean();
        String p = "\\d{4}-\\d{2}-\\d{2}";
        long sink = 0;
        for (int r = 0; r < 4; r++) {
            long t0 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 1_000_000; i++) sink += Regex.matches(p, "2026-12-0" + (i & 7)) ? 1 : 0;
            long t1 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 1_000_000; i++) sink += Pattern.matches(p, "2026-12-0" + (i & 7)) ? 1 : 0;
            long t2 = T.getCurrentThreadCpuTime();
            System.out.printf("Regex.matches(pattern, s) cached: %.0f ns, Pattern.matches(pattern, s): %.0f ns%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
        System.out.println(sink);
    }
}
