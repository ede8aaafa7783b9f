package dev.ferric.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The calls that map a library into the JVM and ask it who it is. The loader makes every decision
 * itself; tests replace this with a fake to drive each path on any machine.
 */
interface Linker {
    /** {@code System.load(absolutePath)}. */
    void load(String absolutePath);

    /** {@code System.loadLibrary(name)}. */
    void loadLibrary(String name);

    /** The ABI number of the library just loaded ({@code CoreNative.abiVersion()}). */
    int abiVersion();

    /** The release version of the library just loaded ({@code CoreNative.version()}). */
    String version();

    /** The verifier's SHA-256 block compression ({@link VerifierNative#compress}), once the verifier is loaded. */
    boolean verifierCompress(int[] state, byte[] data, int offset, int blocks);

    /**
     * The process's memory map ({@code /proc/self/maps}), used to confirm which file was mapped, or
     * null where there is none. Its bytes as ISO-8859-1 characters, one per byte: a fresh JVM decodes
     * that with one array copy, where UTF-8 first walks every byte in the interpreter; paths are
     * compared in the same form ({@link LibraryCache#mapsText}).
     */
    String memoryMap();

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
        public int abiVersion() {
            return CoreNative.abiVersion();
        }

        @Override
        public String version() {
            return CoreNative.version();
        }

        @Override
        public boolean verifierCompress(int[] state, byte[] data, int offset, int blocks) {
            return VerifierNative.compress(state, data, offset, blocks);
        }

        @Override
        public String memoryMap() {
            Path maps = Paths.get("/proc/self/maps");
            try {
                return new String(LibraryCache.readFile(maps), StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException e) { // no /proc (not Linux), or not readable
                return null;
            }
        }
    };
}
