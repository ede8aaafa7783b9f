package dev.ferric;

import dev.ferric.internal.Checks;

/** Lower-case hexadecimal encoding, as printed by {@code b3sum} and {@code sha256sum}. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    /** Encodes {@code bytes} as lower-case hex. */
    public static String encode(byte[] bytes) {
        Checks.requireNonNull(bytes, "bytes");
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
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
