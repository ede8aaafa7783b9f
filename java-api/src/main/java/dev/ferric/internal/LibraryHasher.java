package dev.ferric.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Computes the SHA-256 the loader compares with a pin: in Java ({@link #JAVA}), or with the verifier
 * library once that is loaded ({@link #verifier}), which takes ~2 ms for ferric's library where Java
 * takes 50-100 ms while the JIT is cold. Both read files without following symbolic links.
 */
abstract class LibraryHasher {
    /** SHA-256 of {@code file}, lower-case hex. */
    abstract String ofFile(Path file) throws IOException;

    /** SHA-256 of {@code bytes}, lower-case hex. */
    abstract String of(byte[] bytes) throws IOException;

    /** What hashes, for the load report. */
    abstract String describe();

    static final LibraryHasher JAVA = new LibraryHasher() {
        @Override
        String ofFile(Path file) throws IOException {
            return Sha256.ofFile(file);
        }

        @Override
        String of(byte[] bytes) {
            return Sha256.of(bytes);
        }

        @Override
        String describe() {
            return "in Java";
        }
    };

    /** Hashes through the verifier loaded from {@code path}, calling it through {@code linker}. */
    static LibraryHasher verifier(Linker linker, String path) {
        return new LibraryHasher() {
            /** One buffer per load, reused for every file. */
            private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

            @Override
            String ofFile(Path file) throws IOException {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(file + " is not a regular file (symbolic links are not followed)");
                }
                return of(LibraryCache.readFile(file));
            }

            @Override
            String of(byte[] bytes) throws IOException {
                ByteBuffer b = buffer(bytes.length);
                b.put(bytes);
                return digest(b, bytes.length);
            }

            private ByteBuffer buffer(int size) {
                if (buffer.capacity() < size) buffer = ByteBuffer.allocateDirect(size);
                buffer.clear().limit(size);
                return buffer;
            }

            private String digest(ByteBuffer b, int length) throws IOException {
                byte[] out = new byte[32];
                if (!linker.verifierSha256(b, length, out)) throw new IOException("the verifier refused its arguments");
                return Sha256.hex(out);
            }

            @Override
            String describe() {
                return "by the verifier " + path;
            }
        };
    }
}
