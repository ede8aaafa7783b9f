package dev.ferric.compress;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of a gzip member header (RFC 1952): file name, comment, modification time, operating
 * system and extra field. Immutable; build one with {@link #builder()}, read one from
 * {@link GzipInputStream#header()} or {@link Inflater#gzipHeader()}. Names and comments are
 * ISO-8859-1, as the format defines.
 */
public final class GzipHeader {
    /** Operating system byte meaning "unknown", ferric's default (output does not depend on the platform). */
    public static final int OS_UNKNOWN = 255;

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final String fileName;
    private final String comment;
    private final long modificationTime;
    private final int os;
    private final byte[] extra;

    private GzipHeader(String fileName, String comment, long modificationTime, int os, byte[] extra) {
        this.fileName = fileName;
        this.comment = comment;
        this.modificationTime = modificationTime;
        this.os = os;
        this.extra = extra;
    }

    /** A builder starting from an empty header (no name, mtime 0, OS unknown). */
    public static Builder builder() {
        return new Builder();
    }

    /** The original file name, or null. */
    public String fileName() {
        return fileName;
    }

    /** The comment, or null. */
    public String comment() {
        return comment;
    }

    /** Modification time in seconds since the epoch; 0 means none. */
    public long modificationTime() {
        return modificationTime;
    }

    /** The operating system byte (3 = Unix, 255 = unknown). */
    public int os() {
        return os;
    }

    /** A copy of the extra field, or null. */
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    /** This header as written at the start of a member. */
    byte[] toBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int flags = (extra != null ? FEXTRA : 0) | (fileName != null ? FNAME : 0) | (comment != null ? FCOMMENT : 0);
        b.write(0x1f);
        b.write(0x8b);
        b.write(8);
        b.write(flags);
        for (int i = 0; i < 4; i++) b.write((int) (modificationTime >>> (8 * i)));
        b.write(0);
        b.write(os);
        if (extra != null) {
            b.write(extra.length);
            b.write(extra.length >>> 8);
            b.write(extra, 0, extra.length);
        }
        if (fileName != null) writeZeroTerminated(b, fileName);
        if (comment != null) writeZeroTerminated(b, comment);
        return b.toByteArray();
    }

    private static void writeZeroTerminated(ByteArrayOutputStream b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        b.write(bytes, 0, bytes.length);
        b.write(0);
    }

    /** Reads a header that the native decoder has already validated. */
    static GzipHeader parse(byte[] h) {
        int flags = h[3] & 0xff;
        long mtime = (h[4] & 0xffL) | (h[5] & 0xffL) << 8 | (h[6] & 0xffL) << 16 | (h[7] & 0xffL) << 24;
        int pos = 10;
        byte[] extra = null;
        if ((flags & FEXTRA) != 0) {
            int n = (h[pos] & 0xff) | (h[pos + 1] & 0xff) << 8;
            extra = Arrays.copyOfRange(h, pos + 2, pos + 2 + n);
            pos += 2 + n;
        }
        String name = null;
        if ((flags & FNAME) != 0) {
            int end = zero(h, pos);
            name = new String(h, pos, end - pos, StandardCharsets.ISO_8859_1);
            pos = end + 1;
        }
        String comment = null;
        if ((flags & FCOMMENT) != 0) {
            int end = zero(h, pos);
            comment = new String(h, pos, end - pos, StandardCharsets.ISO_8859_1);
        }
        return new GzipHeader(name, comment, mtime, h[9] & 0xff, extra);
    }

    private static int zero(byte[] h, int from) {
        int i = from;
        while (h[i] != 0) i++;
        return i;
    }

    @Override
    public String toString() {
        return "GzipHeader{fileName=" + fileName + ", comment=" + comment + ", mtime=" + modificationTime + ", os=" + os
                + ", extra=" + (extra == null ? "none" : extra.length + " bytes") + "}";
    }

    /** Builds a {@link GzipHeader}. */
    public static final class Builder {
        private String fileName;
        private String comment;
        private long modificationTime;
        private int os = OS_UNKNOWN;
        private byte[] extra;

        private Builder() {}

        /**
         * The original file name (ISO-8859-1, no NUL character), or null for none.
         *
         * @throws IllegalArgumentException if it contains NUL or a character outside ISO-8859-1
         */
        public Builder fileName(String fileName) {
            this.fileName = checkText(fileName, "fileName");
            return this;
        }

        /** A comment (ISO-8859-1, no NUL character), or null for none. */
        public Builder comment(String comment) {
            this.comment = checkText(comment, "comment");
            return this;
        }

        /**
         * Modification time in seconds since the epoch (0 = none).
         *
         * @throws IllegalArgumentException outside 0..2^32-1
         */
        public Builder modificationTime(long seconds) {
            if (seconds < 0 || seconds > 0xFFFFFFFFL) throw new IllegalArgumentException("modificationTime out of range: " + seconds);
            this.modificationTime = seconds;
            return this;
        }

        /** Operating system byte, 0..255. */
        public Builder os(int os) {
            if (os < 0 || os > 255) throw new IllegalArgumentException("os must be 0..255, was " + os);
            this.os = os;
            return this;
        }

        /** Extra field (copied), at most 65535 bytes, or null for none. */
        public Builder extra(byte[] extra) {
            if (extra != null && extra.length > 0xFFFF) throw new IllegalArgumentException("extra field longer than 65535 bytes");
            this.extra = extra == null ? null : extra.clone();
            return this;
        }

        /** The header. */
        public GzipHeader build() {
            return new GzipHeader(fileName, comment, modificationTime, os, extra);
        }

        private static String checkText(String s, String what) {
            if (s == null) return null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == 0 || c > 0xff) throw new IllegalArgumentException(what + " must be ISO-8859-1 without NUL");
            }
            return s;
        }
    }
}
