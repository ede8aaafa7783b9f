package dev.ferric.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
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
        Properties build = read("ferric-build.properties");
        Properties sums = read("native-checksums.properties");
        Map<String, String> pins = new TreeMap<>();
        Map<String, String> verifierPins = new TreeMap<>();
        for (String k : sums.stringPropertyNames()) {
            String key = k.trim();
            String sum = sums.getProperty(k).trim().toLowerCase(java.util.Locale.ROOT);
            if (key.endsWith(VERIFIER_SUFFIX)) verifierPins.put(key.substring(0, key.length() - VERIFIER_SUFFIX.length()), sum);
            else pins.put(key, sum);
        }
        String abi = build.getProperty("abi", String.valueOf(ABI_VERSION));
        if (!String.valueOf(ABI_VERSION).equals(abi.trim())) {
            throw new IllegalStateException("ferric-build.properties says ABI " + abi + " but the classes speak ABI " + ABI_VERSION);
        }
        return new BuildInfo(build.getProperty("version", "unknown"), pins, verifierPins);
    }

    private static Properties read(String name) {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + " from the ferric API jar", e);
        }
        return p;
    }
}
