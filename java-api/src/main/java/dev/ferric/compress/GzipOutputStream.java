package dev.ferric.compress;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes gzip, a drop-in for {@link java.util.zip.GZIPOutputStream}: the same constructors, the header
 * is written by the constructor, {@code finish()} writes the CRC-32 and length trailer, {@code close()}
 * finishes and closes the underlying stream. Extra constructors choose the level and header fields
 * (file name, modification time, comment). Default header: no name, mtime 0, OS 255 (unknown).
 */
public class GzipOutputStream extends DeflaterOutputStream {
    /** Level 6, 64 KiB buffer. */
    public GzipOutputStream(OutputStream out) throws IOException {
        this(out, DEFAULT_BUFFER, false);
    }

    /** Level 6, a buffer of {@code size} bytes. */
    public GzipOutputStream(OutputStream out, int size) throws IOException {
        this(out, size, false);
    }

    /** Level 6, sync flushes on {@link #flush()} if {@code syncFlush}. */
    public GzipOutputStream(OutputStream out, boolean syncFlush) throws IOException {
        this(out, DEFAULT_BUFFER, syncFlush);
    }

    /** Level 6, a buffer of {@code size} bytes, sync flushes if {@code syncFlush}. */
    public GzipOutputStream(OutputStream out, int size, boolean syncFlush) throws IOException {
        this(out, size, syncFlush, Deflate.DEFAULT_LEVEL, null);
    }

    /** At {@code level} (0-9, or -1 for 6) with {@code header}'s fields (null: the default header). */
    public GzipOutputStream(OutputStream out, int level, GzipHeader header) throws IOException {
        this(out, DEFAULT_BUFFER, false, level, header);
    }

    /** Every option: buffer size, sync flush, level, header (null: the default). */
    public GzipOutputStream(OutputStream out, int size, boolean syncFlush, int level, GzipHeader header) throws IOException {
        super(out, new Deflater(Deflate.GZIP, level, header), size, syncFlush, true);
        // As the JDK does, write the header now: deflating no input emits exactly the header.
        deflate();
    }
}
