import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** The plain-JDK peer of {@code ferric gzip -6 -c FILE}: java.util.zip (level 6), 64 KiB buffers. */
public final class PlainGzip {
    public static void main(String[] args) throws IOException {
        try (InputStream in = new BufferedInputStream(new FileInputStream(args[0]), 1 << 16);
             OutputStream out = new GZIPOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
        }
    }
}
