package dev.ferric.compress;

import dev.ferric.NativeResource;
import dev.ferric.internal.Checks;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the LZ4 frame format (what the {@code lz4} tool reads and writes), like lz4-java's
 * {@code LZ4FrameOutputStream}: independent blocks, content checksum by default. {@link #flush()} ends
 * the current block early so everything written so far can be decoded; {@link #finish()} writes the end
 * mark; {@link #close()} finishes, frees the native encoder and closes the underlying stream.
 *
 * <p>Native memory: about twice the block size (input and compressed block) until closed.
 */
public class Lz4FrameOutputStream extends OutputStream {
    private static final int WRITE = 0;
    private static final int FLUSH = 1;
    private static final int FINISH = 2;

    private final OutputStream out;
    private final Encoder encoder;
    private final byte[] buf;
    private final byte[] one = new byte[1];
    private boolean finished;
    private boolean closed;

    /** 4 MiB blocks and a content checksum, as the {@code lz4} tool's defaults. */
    public Lz4FrameOutputStream(OutputStream out) {
        this(out, Lz4.BLOCK_4MB, true, false);
    }

    /** Blocks of size id {@code blockSizeId} ({@link Lz4#BLOCK_64KB} .. {@link Lz4#BLOCK_4MB}), content checksum on. */
    public Lz4FrameOutputStream(OutputStream out, int blockSizeId) {
        this(out, blockSizeId, true, false);
    }

    /** Every option: block size id, content checksum, per-block checksums. */
    public Lz4FrameOutputStream(OutputStream out, int blockSizeId, boolean contentChecksum, boolean blockChecksum) {
        this.out = Checks.requireNonNull(out, "out");
        Lz4.checkBlockSize(blockSizeId);
        this.encoder = new Encoder(CompressNative.get().lz4FrameEncoderNew(blockSizeId, contentChecksum, blockChecksum));
        this.buf = new byte[64 * 1024];
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Checks.requireNonNull(b, "b");
        Checks.checkFromIndexSize(off, len, b.length);
        if (finished) throw new IOException("write beyond end of stream");
        if (len == 0) return;
        run(b, off, len, WRITE);
    }

    private void run(byte[] b, int off, int len, int mode) throws IOException {
        boolean pending;
        do {
            StreamStep step = encoder.encode(b, off, len, buf, mode);
            off += step.consumed;
            len -= step.consumed;
            if (step.produced > 0) out.write(buf, 0, step.produced);
            pending = step.pending;
        } while (len > 0 || pending);
    }

    /** Ends the current block early and flushes the underlying stream. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (!finished) run(buf, 0, 0, FLUSH);
        out.flush();
    }

    /** Writes the end mark (and checksum) without closing the underlying stream. */
    public void finish() throws IOException {
        ensureOpen();
        if (!finished) {
            run(buf, 0, 0, FINISH);
            finished = true;
        }
    }

    /** Finishes, frees the encoder and closes the underlying stream. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        try {
            finish();
        } finally {
            closed = true;
            encoder.close();
            out.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) throw new IOException("Stream closed");
    }

    /** The native frame encoder. */
    private static final class Encoder extends NativeResource {
        Encoder(long handle) {
            super(handle, h -> CompressNative.get().lz4FrameEncoderFree(h), "Lz4FrameEncoder");
        }

        private final StreamStep step = new StreamStep();

        StreamStep encode(byte[] in, int off, int len, byte[] out, int mode) {
            runExclusive(h -> step.lz4FrameEncode(h, in, null, off, len, out, null, 0, out.length, mode));
            return step;
        }
    }
}
