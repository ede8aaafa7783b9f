package dev.ferric.compress;

import dev.ferric.internal.Checks;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

/**
 * Decompresses what is read through it, a drop-in for {@link java.util.zip.InflaterInputStream}: the
 * same constructors (with ferric's {@link Inflater}); corrupt data throws {@link ZipException}, data
 * that ends early throws {@link EOFException} ("Unexpected end of ZLIB input stream"), {@code close()}
 * frees the inflater it created and closes the underlying stream. The default buffer is 64 KiB, and
 * reads allocate nothing.
 */
public class InflaterInputStream extends FilterInputStream {
    /** Default buffer size. */
    public static final int DEFAULT_BUFFER = 64 * 1024;

    /** The decompressor. */
    protected final Inflater inf;
    /** Input buffer. */
    protected final byte[] buf;
    /** Valid bytes in {@link #buf} after the last {@link #fill()}. */
    protected int len;
    private final boolean ownsInflater;
    private final byte[] one = new byte[1];
    private boolean closed;
    private boolean reachEOF;

    /** zlib, 64 KiB buffer. */
    public InflaterInputStream(InputStream in) {
        this(in, new Inflater(), DEFAULT_BUFFER, true);
    }

    /** With {@code inf}, which the caller keeps ownership of. */
    public InflaterInputStream(InputStream in, Inflater inf) {
        this(in, inf, DEFAULT_BUFFER);
    }

    /** With {@code inf} and an input buffer of {@code size} bytes. */
    public InflaterInputStream(InputStream in, Inflater inf, int size) {
        this(in, inf, size, false);
    }

    InflaterInputStream(InputStream in, Inflater inf, int size, boolean ownsInflater) {
        super(Checks.requireNonNull(in, "in"));
        Checks.requireNonNull(inf, "inf");
        if (size <= 0) {
            if (ownsInflater) inf.close();
            throw new IllegalArgumentException("buffer size <= 0");
        }
        this.inf = inf;
        this.buf = new byte[size];
        this.ownsInflater = ownsInflater;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Checks.requireNonNull(b, "b");
        Checks.checkFromIndexSize(off, len, b.length);
        if (len == 0) return 0;
        if (reachEOF) return -1;
        try {
            int n;
            while ((n = inf.inflate(b, off, len)) == 0) {
                if (inf.finished() || inf.needsDictionary()) {
                    if (!nextStream()) {
                        reachEOF = true;
                        return -1;
                    }
                } else if (inf.needsInput()) {
                    fill();
                }
            }
            return n;
        } catch (DataFormatException e) {
            String m = e.getMessage();
            ZipException z = new ZipException(m != null ? m : "Invalid ZLIB data format");
            z.initCause(e);
            throw z;
        }
    }

    /**
     * Called at the end of a stream; returns whether another follows (gzip members). Here: never.
     */
    boolean nextStream() throws IOException {
        return false;
    }

    /**
     * Reads more compressed input into {@link #buf} and hands it to the inflater.
     *
     * @throws EOFException if the underlying stream has ended
     */
    protected void fill() throws IOException {
        ensureOpen();
        len = in.read(buf, 0, buf.length);
        if (len == -1) throw new EOFException("Unexpected end of ZLIB input stream");
        inf.setInput(buf, 0, len);
    }

    /** 0 after the end of the stream, else 1 (as the JDK: not a byte count). */
    @Override
    public int available() throws IOException {
        ensureOpen();
        return reachEOF ? 0 : 1;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n < 0) throw new IllegalArgumentException("negative skip length");
        ensureOpen();
        byte[] b = new byte[(int) Math.min(n, 8192)];
        long total = 0;
        while (total < n) {
            int r = read(b, 0, (int) Math.min(b.length, n - total));
            if (r == -1) {
                reachEOF = true;
                break;
            }
            total += r;
        }
        return total;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {}

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Frees an inflater this stream created and closes the underlying stream. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (ownsInflater) inf.close();
        in.close();
    }

    /** Throws if closed. */
    protected void ensureOpen() throws IOException {
        if (closed) throw new IOException("Stream closed");
    }
}
