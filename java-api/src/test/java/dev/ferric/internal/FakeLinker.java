package dev.ferric.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@link Linker} that maps nothing: it records what the loader asked for and answers as told. */
final class FakeLinker implements Linker {
    /** Every call, in order: {@code load:<path>} or {@code loadLibrary:<name>}. */
    final List<String> calls = new ArrayList<>();
    /** SHA-256 of each file at the moment the loader asked to load it (what the JVM would have mapped). */
    final List<String> hashesLoaded = new ArrayList<>();
    /** Given the path, an error to throw from {@code load} (null: succeed). */
    Function<String, RuntimeException> loadFailure = p -> null;
    /** Given the path, an UnsatisfiedLinkError to throw from {@code load} (null: succeed). */
    Function<String, UnsatisfiedLinkError> linkFailure = p -> null;
    UnsatisfiedLinkError loadLibraryFailure;
    /** Runs inside {@code load} before it returns: a stand-in for another process acting at the worst time. */
    Function<Path, Void> duringLoad = p -> null;
    int abi = BuildInfo.ABI_VERSION;
    String version;
    boolean noEntryPoints;
    String memoryMap;
    /** How many hashes the (fake) verifier computed. */
    int verifierHashes;

    FakeLinker(String version) {
        this.version = version;
    }

    @Override
    public void load(String absolutePath) {
        calls.add("load:" + absolutePath);
        try {
            hashesLoaded.add(Sha256.ofFile(Paths.get(absolutePath)));
        } catch (IOException e) {
            hashesLoaded.add("unreadable: " + e);
        }
        UnsatisfiedLinkError ule = linkFailure.apply(absolutePath);
        if (ule != null) throw ule;
        RuntimeException re = loadFailure.apply(absolutePath);
        if (re != null) throw re;
        duringLoad.apply(Paths.get(absolutePath));
    }

    @Override
    public void loadLibrary(String name) {
        calls.add("loadLibrary:" + name);
        if (loadLibraryFailure != null) throw loadLibraryFailure;
    }

    @Override
    public int abiVersion() {
        if (noEntryPoints) throw new UnsatisfiedLinkError("'int dev.ferric.internal.CoreNative.abiVersion()'");
        return abi;
    }

    @Override
    public String version() {
        return version;
    }

    /** Stands in for the verifier library: the same compression, computed in Java. */
    @Override
    public boolean verifierCompress(int[] state, byte[] data, int offset, int blocks) {
        verifierHashes++;
        Sha256 java = new Sha256();
        System.arraycopy(state, 0, java.h, 0, 8);
        java.compress(data, offset, blocks);
        System.arraycopy(java.h, 0, state, 0, 8);
        return true;
    }

    @Override
    public String memoryMap() {
        return memoryMap;
    }
}
