package dev.ferric.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Hex;
import org.junit.jupiter.api.Test;

class B3sumFormatTest {
    private static final String H = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";

    @Test
    void escapesBackslashNewlineAndCarriageReturnLikeB3sum() {
        B3sumFormat.Name plain = B3sumFormat.escape("dir/file name", false);
        assertEquals("dir/file name", plain.text);
        assertFalse(plain.escaped);
        B3sumFormat.Name odd = B3sumFormat.escape("a\\b\nc\rd", false);
        assertEquals("a\\\\b\\nc\\rd", odd.text);
        assertTrue(odd.escaped);
        assertEquals("dir/file", B3sumFormat.escape("dir\\file", true).text);
    }

    @Test
    void parsesPlainEscapedAndTaggedLines() {
        B3sumFormat.CheckLine p = B3sumFormat.parseCheckLine(H + "  two  spaces.txt\n");
        assertEquals("two  spaces.txt", p.path);
        assertArrayEquals(Hex.decode(H), p.expected);
        B3sumFormat.CheckLine e = B3sumFormat.parseCheckLine("\\" + H + "  a\\nb\\\\c");
        assertEquals("a\nb\\c", e.path);
        assertEquals("\\a\\nb\\\\c", e.shownName);
        B3sumFormat.CheckLine t = B3sumFormat.parseCheckLine("BLAKE3 (x) = y) = " + H);
        assertEquals("x) = y", t.path);
    }

    @Test
    void rejectsWhatB3sumRejects() {
        assertThrows(IllegalArgumentException.class, () -> B3sumFormat.parseCheckLine(""));
        assertThrows(IllegalArgumentException.class, () -> B3sumFormat.parseCheckLine("nonsense"));
        assertThrows(IllegalArgumentException.class, () -> B3sumFormat.parseCheckLine(H.substring(2) + "  f"));
        assertThrows(IllegalArgumentException.class, () -> B3sumFormat.parseCheckLine(H.toUpperCase() + "  f"));
        assertThrows(IllegalArgumentException.class, () -> B3sumFormat.parseCheckLine(H + "  "));
        assertThrows(IllegalArgumentException.class, () -> B3sumFormat.parseCheckLine("\\" + H + "  bad\\q"));
        assertThrows(IllegalArgumentException.class, () -> B3sumFormat.parseCheckLine("\\" + H + "  trailing\\"));
        assertThrows(IllegalArgumentException.class, () -> B3sumFormat.parseCheckLine(H + "  nul\0"));
    }

    @Test
    void progressBarIsProportional() {
        assertEquals("\r[#####.....]  50% 1/2 MiB", Progress.bar(1 << 20, 2 << 20, 10));
        assertEquals("\r[##########] 100% 0/0 MiB", Progress.bar(0, 0, 10));
    }
}
