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
        if (remaining == 0) {
            if (in.available() <= 0) return false;
            len = in.read(buf, 0, buf.length);
            if (len <= 0) return false;
            remaining = len;
        }
        int start = len - remaining;
        if (remaining < 2) {
            // Need two bytes to recognise the magic number; move the one we have to the front.
            buf[0] = buf[start];
            int n = in.read(buf, 1, buf.length - 1);
            if (n <= 0) return false;
            len = n + 1;
            start = 0;
            remaining = len;
        }
        if ((buf[start] & 0xff) != 0x1f || (buf[start + 1] & 0xff) != 0x8b) return false;
        inf.reset();
        inf.setInput(buf, start, remaining);
        readHeader(false);
        return true;
    }
}
