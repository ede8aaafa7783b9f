package dev.ferric.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Everything the loader did, for {@code Ferric.unavailabilityCause()} and {@code ferric doctor}. */
public final class LoadReport {
    private final Platform platform;
    private final List<LoadAttempt> attempts;
    private final String loadedFrom;
    private final String loadedChecksum;
    private final String pinnedChecksum;
    private final String nativeVersion;
    private final UnsatisfiedLinkError failure;
    private final boolean retryable;
    private final String hashing;
    private final long attemptedAtMillis;
    private final long durationNanos;

    LoadReport(Platform platform, List<LoadAttempt> attempts, String loadedFrom, String loadedChecksum,
               String pinnedChecksum, String nativeVersion, UnsatisfiedLinkError failure, boolean retryable,
               String hashing, long attemptedAtMillis, long durationNanos) {
        this.platform = platform;
        this.attempts = Collections.unmodifiableList(new ArrayList<>(attempts));
        this.loadedFrom = loadedFrom;
        this.loadedChecksum = loadedChecksum;
        this.pinnedChecksum = pinnedChecksum;
        this.nativeVersion = nativeVersion;
        this.failure = failure;
        this.retryable = retryable;
        this.hashing = hashing;
        this.attemptedAtMillis = attemptedAtMillis;
        this.durationNanos = durationNanos;
    }

    public Platform platform() { return platform; }

    public List<LoadAttempt> attempts() { return attempts; }

    public boolean loaded() { return failure == null; }

    /** Path of the file loaded, or {@code System.loadLibrary(ferric)} on Android; null if none. */
    public String loadedFrom() { return loadedFrom; }

    /**
     * SHA-256 of the bytes loaded; null when the platform loads from an APK, and for a file named by
     * {@code -Dferric.library.path} or found on {@code java.library.path} with verification off (not hashed).
     */
    public String loadedChecksum() { return loadedChecksum; }

    /** SHA-256 this API jar pinned for the platform's library (null if the release has none for it). */
    public String pinnedChecksum() { return pinnedChecksum; }

    /** Version the loaded native library reports. */
    public String nativeVersion() { return nativeVersion; }

    /** Why nothing could be loaded (every attempt is listed in it), or null. */
    public UnsatisfiedLinkError failure() { return failure; }

    /**
     * Whether a later call may search again: true when nothing was found (no classifier jar, no file);
     * false when something was found and failed (another version, a cache directory of another user,
     * a library that does not load) or was loaded and refused: searching again would fail the same way.
     */
    public boolean retryable() { return retryable; }

    /** How library files were hashed before loading: by the verifier (which) or in Java (and why). */
    public String hashing() { return hashing; }

    /** When this search started, in {@link System#currentTimeMillis()} terms. */
    public long attemptedAtMillis() { return attemptedAtMillis; }

    /** How long the search took, from the first check to the library's version answer. */
    public long durationNanos() { return durationNanos; }
}
