import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
public class HexT2 {
    private static final byte[] DIGITS = {'0','1','2','3','4','5','6','7','8','9','a','b','c','d','e','f'};
    private static final byte[] PAIRS = new byte[512];
    static { for (int b = 0; b < 256; b++) { PAIRS[2*b] = DIGITS[b >>> 4]; PAIRS[2*b+1] = DIGITS[b & 15]; } }
    static String a(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) { int b = bytes[i] & 0xff; out[2*i] = DIGITS[b >>> 4]; out[2*i+1] = DIGITS[b & 0xf]; }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
    static String b(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) { int b = (bytes[i] & 0xff) << 1; out[2*i] = PAIRS[b]; out[2*i+1] = PAIRS[b + 1]; }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
    @SuppressWarnings("deprecation")
    static String c(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) { int b = (bytes[i] & 0xff) << 1; out[2*i] = PAIRS[b]; out[2*i+1] = PAIRS[b + 1]; }
        return new String(out, 0);
    }
    static String d(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) { int b = (bytes[i] & 0xff) << 1; out[2*i] = (char) PAIRS[b]; out[2*i+1] = (char) PAIRS[b + 1]; }
        return new String(out);
    }
    public static void main(String[] x) {
        ThreadMXBean T = ManagementFactory.getThreadMXBean();
        byte[] d = new byte[32];
        for (int i = 0; i < 32; i++) d[i] = (byte) (i * 37);
        long sink = 0;
        for (int r = 0; r < 4; r++) {
            long t0 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 5_000_000; i++) { d[0] = (byte) i; sink += a(d).length(); }
            long t1 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 5_000_000; i++) { d[0] = (byte) i; sink += b(d).length(); }
            long t2 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 5_000_000; i++) { d[0] = (byte) i; sink += c(d).length(); }
            long t3 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < 5_000_000; i++) { d[0] = (byte) i; sink += d(d).length(); }
            long t4 = T.getCurrentThreadCpuTime();
            System.out.printf("nibbles %.1f, pairs %.1f, hibyte-ctor %.1f, chars %.1f ns%n", (t1-t0)/5e6, (t2-t1)/5e6, (t3-t2)/5e6, (t4-t3)/5e6);
        }
        System.out.println(sink);
    }
}
