package dev.ferric.blake3;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigestSpi;

/**
 * The JCA {@code MessageDigest} implementation behind {@code MessageDigest.getInstance("BLAKE3",
 * new dev.ferric.FerricProvider())}: 32-byte BLAKE3 digests with the usual JCA semantics
 * ({@code digest()} resets). {@code clone()} copies the native state. The native state of a digest
 * that is dropped without a final {@code digest()} is freed by ferric's leak net after garbage
 * collection (the JCA has no {@code close()}).
 */
public final class Blake3MessageDigest extends MessageDigestSpi implements Cloneable {
    private Blake3.Hasher hasher;

    /** Called by the JCA through {@code FerricProvider}. */
    public Blake3MessageDigest() {
        this.hasher = new Blake3.Hasher();
    }

    @Override
    protected int engineGetDigestLength() {
        return Blake3.OUT_LEN;
    }

    @Override
    protected void engineUpdate(byte input) {
        hasher.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        hasher.update(input, offset, len);
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        hasher.update(input);
    }

    @Override
    protected byte[] engineDigest() {
        byte[] out = hasher.digest();
        hasher.reset();
        return out;
    }

    @Override
    protected int engineDigest(byte[] buf, int offset, int len) throws DigestException {
        if (len < Blake3.OUT_LEN) throw new DigestException("partial digests not returned; need " + Blake3.OUT_LEN + " bytes, have " + len);
        hasher.digestInto(buf, offset, Blake3.OUT_LEN);
        hasher.reset();
        return Blake3.OUT_LEN;
    }

    @Override
    protected void engineReset() {
        hasher.reset();
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        Blake3MessageDigest copy = (Blake3MessageDigest) super.clone();
        copy.hasher = hasher.copy();
        return copy;
    }
}
