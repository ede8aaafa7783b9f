package dev.ferric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void everyByteValueEncodesAsTwoLowerCaseDigitsAndDecodesBack() {
        byte[] all = new byte[256];
        StringBuilder want = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
            want.append(String.format("%02x", b));
        }
        assertEquals(want.toString(), Hex.encode(all));
        assertArrayEquals(all, Hex.decode(want.toString()));
        assertArrayEquals(all, Hex.decode(want.toString().toUpperCase()));
        assertEquals("", Hex.encode(new byte[0]));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(NullPointerException.class, () -> Hex.encode(null));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0g"));
    }
}
