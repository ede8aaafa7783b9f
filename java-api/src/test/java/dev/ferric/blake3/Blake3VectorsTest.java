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
}
