package dev.ferric.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The vector files of the ANN benchmarks (corpus-texmex): every record is a little-endian int32
 * dimension followed by that many components — float32 in {@code .fvecs}, unsigned bytes in
 * {@code .bvecs}, int32 in {@code .ivecs} (the format of their ground-truth neighbour lists).
 */
final class VecsFiles {
    private VecsFiles() {}

    /** Vectors read from a file, packed row after row. Exactly one of the arrays is set. */
    static final class Vecs {
        final int dim;
        final int count;
        final float[] floats;
        final byte[] unsignedBytes;
        final int[] ints;

        Vecs(int dim, int count, float[] floats, byte[] unsignedBytes, int[] ints) {
            this.dim = dim;
            this.count = count;
            this.floats = floats;
            this.unsignedBytes = unsignedBytes;
            this.ints = ints;
        }
    }

    /** Reads a whole {@code .fvecs} ({@code width} 4, floats), {@code .bvecs} (1) or {@code .ivecs} (4, ints) file. */
    static Vecs read(Path file, char kind) throws IOException {
        int width = kind == 'b' ? 1 : 4;
        long size = Files.size(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (size == 0) throw new IOException(file + ": empty file");
            int dim = readDim(in, file, 0);
            long record = 4 + (long) dim * width;
            if (size % record != 0) {
                throw new IOException(file + ": size " + size + " is not a multiple of the record size " + record + " (dimension " + dim + ")");
            }
            long count = size / record;
            if (count * dim > Integer.MAX_VALUE - 8) throw new IOException(file + ": too many components for one array");
            int n = (int) count;
            float[] floats = kind == 'f' ? new float[n * dim] : null;
            int[] ints = kind == 'i' ? new int[n * dim] : null;
            byte[] bytes = kind == 'b' ? new byte[n * dim] : null;
            byte[] row = new byte[dim * width];
            ByteBuffer le = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    int d = readDim(in, file, i);
                    if (d != dim) throw new IOException(file + ": vector " + i + " has dimension " + d + ", the first has " + dim);
                }
                in.readFully(row);
                if (kind == 'b') {
                    System.arraycopy(row, 0, bytes, i * dim, dim);
                } else if (kind == 'f') {
                    le.clear();
                    le.asFloatBuffer().get(floats, i * dim, dim);
                } else {
                    le.clear();
                    le.asIntBuffer().get(ints, i * dim, dim);
                }
            }
            return new Vecs(dim, n, floats, bytes, ints);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
    }

    private static int readDim(InputStream in, Path file, int index) throws IOException {
        byte[] b = new byte[4];
        new DataInputStream(in).readFully(b);
        int dim = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (dim <= 0) throw new IOException(file + ": vector " + index + " has dimension " + dim);
        return dim;
    }

    /** Writes {@code count} rows of {@code k} ints from {@code ids} (row stride {@code stride}) as {@code .ivecs}. */
    static void writeIvecs(Path file, int[] ids, int count, int k, int stride) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer row = ByteBuffer.allocate(4 + 4 * k).order(ByteOrder.LITTLE_ENDIAN);
            for (int q = 0; q < count; q++) {
                row.clear();
                row.putInt(k);
                for (int j = 0; j < k; j++) row.putInt(ids[q * stride + j]);
                out.write(row.array(), 0, row.position());
            }
        }
    }
}
