package dev.ferric.blake3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferric.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Blake3VectorsTest {
    static java.util.List<TestVectors.Case> cases() {
        return TestVectors.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oneShotHashEqualsTheFirst32BytesOfTheVector(TestVectors.Case c) {
        byte[] input = TestVectors.input(c.inputLen);
        assertEquals(c.hash.substring(0, 64), Blake3.hashHex(input));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void streamingHashGivesTheFullExtendedOutput(TestVectors.Case c) {
        byte[] input = TestVectors.input(c.inputLen);
        int outLen = c.hash.length() / 2;
        try (Blake3.Hasher h = Blake3.newHasher()) {
            // feed in uneven pieces so chunk and block boundaries fall everywhere
            for (int off = 0, step = 1; off < input.length; off += step, step = step * 3 + 1) {
                h.update(input, off, Math.min(step, input.length - off));
            }
            assertEquals(c.hash, Hex.encode(h.digest(outLen)));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void outputAtAnOffsetIsTheTailOfTheExtendedOutput(TestVectors.Case c) {
        try (Blake3.Hasher h = Blake3.newHasher()) {
            h.update(TestVectors.input(c.inputLen));
            byte[] tail = new byte[131 - 77];
            h.output(77, tail, 0, tail.length);
            assertEquals(c.hash.substring(2 * 77), Hex.encode(tail));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void keyedHashFullExtendedOutput(TestVectors.Case c) {
        byte[] key = TestVectors.KEY.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] input = TestVectors.input(c.inputLen);
        assertEquals(c.keyedHash.substring(0, 64), Hex.encode(Blake3.keyedHash(key, input)));
        try (Blake3.Hasher h = Blake3.newKeyedHasher(key)) {
            assertEquals(c.keyedHash, Hex.encode(h.update(input).digest(c.keyedHash.length() / 2)));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void deriveKeyFullExtendedOutput(TestVectors.Case c) {
        byte[] input = TestVectors.input(c.inputLen);
        assertEquals(c.deriveKey, Hex.encode(Blake3.deriveKey(TestVectors.CONTEXT, input, c.deriveKey.length() / 2)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void directBufferAndFileAndStreamFormsAgree(TestVectors.Case c) throws Exception {
        byte[] input = TestVectors.input(c.inputLen);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(input.length);
        direct.put(input).flip();
        assertEquals(c.hash.substring(0, 64), Hex.encode(Blake3.hash(direct)));
        java.nio.file.Path f = java.nio.file.Files.createTempFile("ferric-vec", ".bin");
        try {
            java.nio.file.Files.write(f, input);
            assertEquals(c.hash.substring(0, 64), Hex.encode(Blake3.hashFile(f)));
            assertEquals(c.hash.substring(0, 64), Hex.encode(Blake3.hashFile(f, 1)));
        } finally {
            java.nio.file.Files.delete(f);
        }
        assertEquals(c.hash.substring(0, 64), Hex.encode(Blake3.hash(new java.io.ByteArrayInputStream(input))));
    }
}
