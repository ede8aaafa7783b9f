package dev.ferric;

import dev.ferric.internal.Checks;

/** Lower-case hexadecimal encoding, as printed by {@code b3sum} and {@code sha256sum}. */
public final class Hex {
    private static final byte[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    /** The two digits of every byte value, at {@code 2 * value}: one lookup per byte. */
    private static final byte[] PAIRS = new byte[512];

    static {
        for (int b = 0; b < 256; b++) {
            PAIRS[2 * b] = DIGITS[b >>> 4];
            PAIRS[2 * b + 1] = DIGITS[b & 0xf];
        }
    }

    private Hex() {}

    /** Encodes {@code bytes} as lower-case hex. */
    @SuppressWarnings("deprecation") // String(byte[], int): exact for ASCII, and no charset lookup or decoder
    public static String encode(byte[] bytes) {
        Checks.requireNonNull(bytes, "bytes");
        // Latin-1 bytes: on Java 9+ the String keeps them as they are (one copy, no char[] to compress)
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            int b = (bytes[i] & 0xff) << 1;
            out[2 * i] = PAIRS[b];
            out[2 * i + 1] = PAIRS[b + 1];
        }
        return new String(out, 0);
    }

    /**
     * Decodes hex (either case).
     *
     * @throws IllegalArgumentException on an odd length or a non-hex character
     */
    public static byte[] decode(CharSequence hex) {
        Checks.requireNonNull(hex, "hex");
        if (hex.length() % 2 != 0) throw new IllegalArgumentException("hex string has odd length " + hex.length());
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) throw new IllegalArgumentException("not a hex digit at index " + (hi < 0 ? 2 * i : 2 * i + 1));
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
