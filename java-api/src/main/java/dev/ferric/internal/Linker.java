package dev.ferric.internal;

/** The calls that actually map a library into the JVM; replaced in tests to exercise every path. */
interface Linker {
    /** {@code System.load(absolutePath)}. */
    void load(String absolutePath);

    /** {@code System.loadLibrary(name)}. */
    void loadLibrary(String name);

    /** Checks the library just loaded: returns its version, or throws if its ABI differs. */
    String verifyLoaded(String expectedVersion, int expectedAbi);

    Linker SYSTEM = new Linker() {
        @Override
        public void load(String absolutePath) {
            System.load(absolutePath);
        }

        @Override
        public void loadLibrary(String name) {
            System.loadLibrary(name);
        }

        @Override
        public String verifyLoaded(String expectedVersion, int expectedAbi) {
            int abi;
            String version;
            try {
                abi = CoreNative.abiVersion();
                version = CoreNative.version();
            } catch (UnsatisfiedLinkError e) {
                throw new VersionMismatchError("the library loaded has no ferric entry points (" + e.getMessage()
                        + "); it is not a ferric library of ABI " + expectedAbi);
            }
            if (abi != expectedAbi || !expectedVersion.equals(version)) {
                throw new VersionMismatchError("native library is ferric " + version + " (ABI " + abi
                        + ") but the Java API is ferric " + expectedVersion + " (ABI " + expectedAbi
                        + "); use the ferric-native jar of the same version as the ferric jar");
            }
            return version;
        }
    };

    /** The library loaded but belongs to another release. */
    final class VersionMismatchError extends UnsatisfiedLinkError {
        private static final long serialVersionUID = 1L;

        VersionMismatchError(String message) {
            super(message);
        }
    }
}
