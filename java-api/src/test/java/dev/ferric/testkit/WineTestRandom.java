package dev.ferric.testkit;

import java.security.Provider;
import java.security.SecureRandomSpi;
import java.util.SplittableRandom;

/**
 * Test setup only, for the Windows JDKs 21 and newer under Wine 8 (.ci/platforms.sh puts it first in
 * the test JVM's provider list): a {@code SecureRandom} that does not seed itself from the JDK's
 * {@code SeedGenerator}. That generator lists the network interfaces, and those JDKs' {@code net.dll}
 * then calls {@code GetAnycastIpAddressTable}, which Wine 8 lacks: the JVM dies the first time anything
 * (JUnit's temporary directories, Surefire's fork channel) asks for a random number. Not random enough
 * for anything but naming temporary files in a test run; never on a class path outside the tests.
 */
public final class WineTestRandom extends Provider {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("deprecation") // Provider(String, double, String): the constructor Java 8 has
    public WineTestRandom() {
        super("FerricWineTest", 1.0, "test-only SecureRandom for JDKs under Wine 8");
        put("SecureRandom.FerricWineTest", Spi.class.getName());
    }

    /** Numbers from a {@link SplittableRandom} seeded by the clock and the seeds callers add. */
    public static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private SplittableRandom random = new SplittableRandom(System.nanoTime() ^ System.identityHashCode(new Object()));

        @Override
        protected synchronized void engineSetSeed(byte[] seed) {
            long s = random.nextLong();
            for (byte b : seed) s = s * 31 + b;
            random = new SplittableRandom(s);
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) random.nextInt(256);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }
    }
}
