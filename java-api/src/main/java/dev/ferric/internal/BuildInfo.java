package dev.ferric.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this API jar was built with: its version, the native ABI number it speaks, and the SHA-256 of
 * the native library of every platform of the release (pinned at build time, so the API jar decides
 * which bytes may be loaded, not the native jar).
 */
public final class BuildInfo {
    /**
     * Version of the JNI contract this API jar speaks. Must equal the native library's; bump both when
     * any native method's name, signature or meaning changes.
     */
    public static final int ABI_VERSION = 1;

    private static final BuildInfo INSTANCE = load();

    /** Key suffix of a verifier's pin in {@code native-checksums.properties}: {@code linux-x86_64.verifier=...}. */
    static final String VERIFIER_SUFFIX = ".verifier";

    private final String version;
    private final Map<String, String> checksums;
    private final Map<String, String> verifierChecksums;

    BuildInfo(String version, Map<String, String> checksums) {
        this(version, checksums, Collections.<String, String>emptyMap());
    }

    BuildInfo(String version, Map<String, String> checksums, Map<String, String> verifierChecksums) {
        this.version = version;
        this.checksums = Collections.unmodifiableMap(new TreeMap<>(checksums));
        this.verifierChecksums = Collections.unmodifiableMap(new TreeMap<>(verifierChecksums));
    }

    /** The build info of this API jar. */
    public static BuildInfo get() {
        return INSTANCE;
    }

    /** The ferric release version, e.g. {@code 0.1.0}. */
    public String version() {
        return version;
    }

    /** Pinned SHA-256 (lower-case hex) of the native library for {@code classifier}, or null if none. */
    public String pinnedChecksum(String classifier) {
        return checksums.get(classifier);
    }

    /** All pinned checksums by classifier. */
    public Map<String, String> pinnedChecksums() {
        return checksums;
    }

    /**
     * Pinned SHA-256 of the loader's verifier library for {@code classifier} (the small library that
     * hashes the big one), or null if none.
     */
    public String pinnedVerifierChecksum(String classifier) {
        return verifierChecksums.get(classifier);
    }

    private static BuildInfo load() {
        if (BuildData.ABI != ABI_VERSION) {
            throw new IllegalStateException("the build says ABI " + BuildData.ABI + " but the classes speak ABI " + ABI_VERSION);
        }
        Map<String, String> pins = new TreeMap<>();
        Map<String, String> verifierPins = new TreeMap<>();
        for (String line : BuildData.CHECKSUMS.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) continue;
            String key = line.substring(0, eq).trim();
            String sum = line.substring(eq + 1).trim().toLowerCase(java.util.Locale.ROOT);
            if (key.endsWith(VERIFIER_SUFFIX)) verifierPins.put(key.substring(0, key.length() - VERIFIER_SUFFIX.length()), sum);
            else pins.put(key, sum);
        }
        return new BuildInfo(BuildData.VERSION, pins, verifierPins);
    }
}
