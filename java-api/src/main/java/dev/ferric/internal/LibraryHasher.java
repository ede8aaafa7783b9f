package dev.ferric.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Computes the SHA-256 the loader compares with a pin: in Java ({@link #JAVA}), or with the verifier
 * library's block compression once that is loaded ({@link #verifier}), which takes ~2 ms for ferric's
 * library where Java takes 50-100 ms while the JIT is cold. Files are read in 256 KiB chunks into one
 * buffer: in a fresh JVM, touching new memory costs more than hashing it (a 3 MB buffer or a memory
 * map costs more than the whole hash). Symbolic links are not followed.
 *
 * <p>One class for both ways, not a subclass each: every class the loader touches is loaded from the
 * jar and verified on every start, at about 0.2 ms apiece.
 */
final class LibraryHasher {
    static final LibraryHasher JAVA = new LibraryHasher(null);

    /** The verifier's block compression; null: in Java. */
    private final Linker verifier;
    private byte[] chunk;

    private LibraryHasher(Linker verifier) {
        this.verifier = verifier;
    }

    /** Hashes with the verifier, called through {@code linker}. */
    static LibraryHasher verifier(Linker linker) {
        return new LibraryHasher(linker);
    }

    /** SHA-256 of {@code file}, lower-case hex. */
    String ofFile(Path file) throws IOException {
        if (verifier == null) return Sha256.ofFile(file);
        LibraryCache.requireRegularFile(file);
        if (chunk == null) chunk = new byte[256 * 1024];
        return new Sha256(verifier).hashFile(file, chunk);
    }

    /** SHA-256 of {@code bytes}, lower-case hex. */
    String of(byte[] bytes) {
        return new Sha256(verifier).hash(bytes);
    }
}
