package dev.ferric;

import java.security.Provider;

/**
 * A JCA provider for ferric's algorithms, so code written against {@link java.security.MessageDigest}
 * works unchanged:
 *
 * <pre>{@code
 * Security.addProvider(new FerricProvider());
 * MessageDigest md = MessageDigest.getInstance("BLAKE3");
 * }</pre>
 *
 * Algorithms: {@code MessageDigest.BLAKE3} (alias {@code BLAKE3-256}), 32-byte digests.
 */
public final class FerricProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** The provider's name, for {@code MessageDigest.getInstance("BLAKE3", FerricProvider.NAME)}. */
    public static final String NAME = "Ferric";

    @SuppressWarnings("deprecation") // Provider(String, String, String) is Java 9+; keep Java 8 working
    public FerricProvider() {
        super(NAME, 0.1, "ferric native kernels: BLAKE3");
        put("MessageDigest.BLAKE3", "dev.ferric.blake3.Blake3MessageDigest");
        put("Alg.Alias.MessageDigest.BLAKE3-256", "BLAKE3");
    }
}
