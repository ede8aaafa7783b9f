package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's own SHA-256 against the NIST examples and the JDK's, at every length around the block and padding edges. */
class Sha256Test {
    @TempDir
    Path tmp;

    @Test
    void nistExamples() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of(ascii("abc")));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Sha256.of(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
        byte[] million = new byte[1_000_000];
        java.util.Arrays.fill(million, (byte) 'a');
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.of(million));
    }

    @Test
    void equalsTheJdkAtEveryLengthUpToThreeBlocksAndBeyond() throws Exception {
        Random random = new Random(7);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        for (int n = 0; n < 200; n++) check(random, jdk, n);
        for (int n : new int[] {1000, 4095, 65535, 65536, 65537, 1 << 20}) check(random, jdk, n);
    }

    @Test
    void filesAreHashedLikeBytesAndLinksAreNotFollowed() throws Exception {
        byte[] b = new byte[200_000];
        new Random(9).nextBytes(b);
        Path f = Files.write(tmp.resolve("f"), b);
        assertEquals(Sha256.of(b), Sha256.ofFile(f));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), f);
        assertThrows(IOException.class, () -> Sha256.ofFile(link));
    }

    private static void check(Random random, MessageDigest jdk, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        assertEquals(Sha256.hex(jdk.digest(b)), Sha256.of(b), "length " + n);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
