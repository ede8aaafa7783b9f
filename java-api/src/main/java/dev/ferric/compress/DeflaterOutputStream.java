package dev.ferric.compress;

import dev.ferric.internal.Checks;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Compresses what is written to it, a drop-in for {@link java.util.zip.DeflaterOutputStream}: the same
 * constructors (with ferric's {@link Deflater}), {@code finish()} ends the stream without closing the
 * underlying one, {@code close()} finishes, frees the deflater it created and closes the underlying
 * stream, {@code flush()} does a sync flush when {@code syncFlush} is set. The default buffer is
 * 64 KiB (the JDK's is 512 bytes), and writes allocate nothing.
 */
public class DeflaterOutputStream extends FilterOutputStream {
    /** Default buffer size. */
    public static final int DEFAULT_BUFFER = 64 * 1024;

    /** The compressor. */
    protected final Deflater def;
    /** Output buffer. */
    protected final byte[] buf;
    private final boolean syncFlush;
    private final boolean ownsDeflater;
    private final byte[] one = new byte[1];
    private boolean closed;

    /** zlib at level 6. */
    public DeflaterOutputStream(OutputStream out) {
        this(out, false);
    }

    /** zlib at level 6, with sync flushes on {@link #flush()} if {@code syncFlush}. */
    public DeflaterOutputStream(OutputStream out, boolean syncFlush) {
        this(out, new Deflater(), DEFAULT_BUFFER, syncFlush, true);
    }

    /** With {@code def}, which the caller keeps ownership of (close it yourself). */
    public DeflaterOutputStream(OutputStream out, Deflater def) {
        this(out, def, DEFAULT_BUFFER, false);
    }

    /** With {@code def}, with sync flushes if {@code syncFlush}. */
    public DeflaterOutputStream(OutputStream out, Deflater def, boolean syncFlush) {
        this(out, def, DEFAULT_BUFFER, syncFlush);
    }

    /** With {@code def} and a buffer of {@code size} bytes. */
    public DeflaterOutputStream(OutputStream out, Deflater def, int size) {
        this(out, def, size, false);
    }

    /** With {@code def}, a buffer of {@code size} bytes, sync flushes if {@code syncFlush}. */
    public DeflaterOutputStream(OutputStream out, Deflater def, int size, boolean syncFlush) {
        this(out, def, size, syncFlush, false);
    }

    DeflaterOutputStream(OutputStream out, Deflater def, int size, boolean syncFlush, boolean ownsDeflater) {
        super(Checks.requireNonNull(out, "out"));
        Checks.requireNonNull(def, "def");
        if (size <= 0) {
            if (ownsDeflater) def.close();
            throw new IllegalArgumentException("buffer size <= 0");
        }
        this.def = def;
        this.buf = new byte[size];
        this.syncFlush = syncFlush;
        this.ownsDeflater = ownsDeflater;
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        if (def.finished()) throw new IOException("write beyond end of stream");
        Checks.requireNonNull(b, "b");
        Checks.checkFromIndexSize(off, len, b.length);
        if (len == 0) return;
        def.setInput(b, off, len);
        while (!def.needsInput()) deflate();
    }

    /** Compresses the next piece into the buffer and writes it out. */
    protected void deflate() throws IOException {
        int n = def.deflate(buf, 0, buf.length);
        if (n > 0) out.write(buf, 0, n);
    }

    /** Ends the compressed stream (writing any trailer) without closing the underlying stream. */
    public void finish() throws IOException {
        ensureOpen();
        if (!def.finished()) {
            def.finish();
            while (!def.finished()) deflate();
        }
    }

    /** Sync-flushes the compressor if {@code syncFlush} was set, then flushes the underlying stream. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (syncFlush && !def.finished()) {
            int n;
            while ((n = def.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
                out.write(buf, 0, n);
                if (n < buf.length) break;
            }
        }
        out.flush();
    }

    /** Finishes, frees a deflater this stream created, and closes the underlying stream. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        IOException failure = null;
        try {
            if (!def.isClosed()) finishOpen();
        } catch (IOException e) {
            failure = e;
        } finally {
            if (ownsDeflater) def.close();
        }
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) failure = e;
            else failure.addSuppressed(e);
        }
        if (failure != null) throw failure;
    }

    private void finishOpen() throws IOException {
        if (!def.finished()) {
            def.finish();
            while (!def.finished()) deflate();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) throw new IOException("Stream closed");
    }
}
