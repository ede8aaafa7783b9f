package dev.ferric.compress;

import dev.ferric.NativeResource;
import dev.ferric.internal.Checks;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Reads the LZ4 frame format (what the {@code lz4} tool writes): concatenated frames as one stream,
 * skippable frames skipped, block and content checksums verified. Corrupt data throws
 * {@link ZipException}; data that ends inside a frame, or holds no frame at all, throws
 * {@link EOFException}. Linked blocks ({@code lz4 -BD}) are supported; legacy frames ({@code lz4 -l})
 * and dictionary ids are not. {@link #close()} frees the native decoder and closes the underlying stream.
 *
 * <p>Native memory: about the frame's block size (up to 4 MiB) until closed.
 */
public class Lz4FrameInputStream extends InputStream {
    private final InputStream in;
    private final Decoder decoder;
    private final byte[] buf;
    private final byte[] one = new byte[1];
    private int pos;
    private int len;
    private boolean atBoundary;
    private boolean eof;
    private boolean closed;

    /** A 64 KiB input buffer. */
    public Lz4FrameInputStream(InputStream in) {
        this(in, 64 * 1024);
    }

    /** An input buffer of {@code size} bytes. */
    public Lz4FrameInputStream(InputStream in, int size) {
        this.in = Checks.requireNonNull(in, "in");
        if (size <= 0) throw new IllegalArgumentException("buffer size <= 0");
        this.buf = new byte[size];
        this.decoder = new Decoder(CompressNative.get().lz4FrameDecoderNew());
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        if (closed) throw new IOException("Stream closed");
        Checks.requireNonNull(b, "b");
        Checks.checkFromIndexSize(off, n, b.length);
        if (n == 0) return 0;
        if (eof) return -1;
        while (true) {
            StreamStep step = decoder.decode(buf, pos, len - pos, b, off, n);
            pos += step.consumed;
            atBoundary = step.atFrameBoundary;
            if (step.produced > 0) return step.produced;
            if (pos < len) throw new IllegalStateException("LZ4 frame decoder made no progress");
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len == -1) {
                len = 0;
                if (atBoundary) {
                    eof = true;
                    return -1;
                }
                throw new EOFException("Unexpected end of LZ4 frame");
            }
        }
    }

    /** Frees the decoder and closes the underlying stream. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        decoder.close();
        in.close();
    }

    /** The native frame decoder. */
    private static final class Decoder extends NativeResource {
        Decoder(long handle) {
            super(handle, h -> CompressNative.get().lz4FrameDecoderFree(h), "Lz4FrameDecoder");
        }

        private final StreamStep step = new StreamStep();

        StreamStep decode(byte[] in, int off, int len, byte[] out, int outOff, int outLen) throws ZipException {
            runExclusive(h -> step.lz4FrameDecode(h, in, null, off, len, out, null, outOff, outLen));
            return step;
        }
    }
}
