package dev.ferric.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Computes the SHA-256 the loader compares with a pin: in Java ({@link #JAVA}), or with the verifier
 * library's block compression once that is loaded ({@link #verifier}), which takes ~2 ms for ferric's
 * library where Java takes 50-100 ms while the JIT is cold. Files are read in 256 KiB chunks into one
 * buffer: in a fresh JVM, touching new memory costs more than hashing it (a 3 MB buffer or a memory
 * map costs more than the whole hash). Symbolic links are not followed.
 */
abstract class LibraryHasher {
    /** SHA-256 of {@code file}, lower-case hex. */
    abstract String ofFile(Path file) throws IOException;

    /** SHA-256 of {@code bytes}, lower-case hex. */
    abstract String of(byte[] bytes);

    static final LibraryHasher JAVA = new LibraryHasher() {
        @Override
        String ofFile(Path file) throws IOException {
            return Sha256.ofFile(file);
        }

        @Override
        String of(byte[] bytes) {
            return Sha256.of(bytes);
        }
    };

    /** Hashes with the verifier, called through {@code linker}. */
    static LibraryHasher verifier(final Linker linker) {
        return new LibraryHasher() {
            private final byte[] chunk = new byte[256 * 1024];

            @Override
            String ofFile(Path file) throws IOException {
                LibraryCache.requireRegularFile(file);
                return engine().hashFile(file, chunk);
            }

            @Override
            String of(byte[] bytes) {
                return engine().hash(bytes);
            }

            private Sha256 engine() {
                return new Sha256() {
                    @Override
                    void compress(byte[] b, int off, int count) {
                        if (!linker.verifierCompress(h, b, off, count)) {
                            throw new IllegalStateException("the verifier refused blocks " + off + "+" + count + " of " + b.length);
                        }
                    }
                };
            }
        };
    }
}
