package dev.ferric.compress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

/**
 * Reads gzip, a drop-in for {@link java.util.zip.GZIPInputStream}: the constructor reads the first
 * header ({@link EOFException} on empty input, {@link ZipException} "Not in GZIP format" on anything
 * else); concatenated members are read as one stream; each member's CRC-32 and length are checked
 * ({@link ZipException} "Corrupt GZIP trailer"); as with the JDK, bytes after the last member that do
 * not start another member are ignored, and another member is only looked for when the underlying
 * stream has bytes available without blocking. {@link #header()} gives the current member's fields.
 */
public class GzipInputStream extends InflaterInputStream {
    private static final byte[] NO_OUTPUT = new byte[0];

    /** 64 KiB buffer. */
    public GzipInputStream(InputStream in) throws IOException {
        this(in, DEFAULT_BUFFER);
    }

    /** An input buffer of {@code size} bytes. */
    public GzipInputStream(InputStream in, int size) throws IOException {
        super(in, new Inflater(Deflate.GZIP), size, true);
        try {
            readHeader(true);
        } catch (IOException | RuntimeException e) {
            inf.close();
            throw e;
        }
    }

    /** The header of the member being read. */
    public GzipHeader header() {
        return inf.gzipHeader();
    }

    private void readHeader(boolean first) throws IOException {
        try {
            while (!inf.gzipHeaderRead()) {
                if (inf.needsInput()) {
                    len = in.read(buf, 0, buf.length);
                    if (len == -1) throw new EOFException(first && inf.getBytesRead() == 0 ? "empty gzip input" : "Unexpected end of ZLIB input stream");
                    inf.setInput(buf, 0, len);
                }
                inf.inflate(NO_OUTPUT, 0, 0);
            }
        } catch (DataFormatException e) {
            ZipException z = new ZipException(e.getMessage());
            z.initCause(e);
            throw z;
        }
    }

    @Override
    boolean nextStream() throws IOException {
        int remaining = inf.getRemaining();
        byte[] src = buf;
        int start = len - remaining;
        if (remaining < 2) {
            // As the JDK: look for another member only if bytes are available without blocking.
            if (remaining == 0 && in.available() <= 0) return false;
            byte[] peek = new byte[2];
            int k = 0;
            if (remaining == 1) peek[k++] = buf[len - 1];
            while (k < 2) {
                int n = in.read(peek, k, 2 - k);
                if (n <= 0) return false;
                k += n;
            }
            src = peek;
            start = 0;
            remaining = 2;
        }
        if ((src[start] & 0xff) != 0x1f || (src[start + 1] & 0xff) != 0x8b) return false;
        inf.reset();
        inf.setInput(src, start, remaining);
        readHeader(false);
        return true;
    }
}
