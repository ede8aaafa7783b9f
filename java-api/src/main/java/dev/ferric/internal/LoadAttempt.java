package dev.ferric.internal;

/** One place the loader looked for the native library, and what happened there. */
public final class LoadAttempt {
    /** How an attempt ended. */
    public enum Outcome {
        LOADED, FAILED, SKIPPED,
        /** A cache entry that could not be trusted was removed and extracted afresh; the search goes on. */
        REPLACED
    }

    private final String source;
    private final String location;
    private final Outcome outcome;
    private final String detail;
    private final Throwable error;
    private final String fix;

    LoadAttempt(String source, String location, Outcome outcome, String detail, Throwable error, String fix) {
        this.source = source;
        this.location = location;
        this.outcome = outcome;
        this.detail = detail;
        this.error = error;
        this.fix = fix;
    }

    /** Which lookup step: {@code ferric.library.path}, {@code android}, {@code classpath}, {@code java.library.path}. */
    public String source() { return source; }

    /** The file, directory or resource tried. */
    public String location() { return location; }

    public Outcome outcome() { return outcome; }

    /** Why it failed or was skipped, or what was loaded. */
    public String detail() { return detail; }

    /** The underlying error, if any. */
    public Throwable error() { return error; }

    /** What the user can do about this failure, or null when this attempt needs nothing of them. */
    public String fix() { return fix; }

    @Override
    public String toString() {
        return "[" + source + "] " + location + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT) + " - " + detail;
    }
}
