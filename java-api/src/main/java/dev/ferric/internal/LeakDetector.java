package dev.ferric.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports handles the leak net freed although they were never closed, like Netty's
 * {@code ResourceLeakDetector}: {@code -Dferric.leakDetection=disabled|simple|paranoid} (default
 * {@code simple}). {@code simple} records where 1 in {@value #DEFAULT_SAMPLING_INTERVAL} handles were
 * created ({@code -Dferric.leakDetection.samplingInterval=N}), {@code paranoid} every one; a leak is
 * logged once per place of creation (once per kind when its place was not recorded) through
 * {@code System.Logger} (Java 9+) or {@code java.util.logging}, logger {@value #LOGGER}, level WARNING.
 */
public final class LeakDetector {
    /** System property: {@code disabled}, {@code simple} (default) or {@code paranoid}. */
    public static final String LEVEL_PROPERTY = "ferric.leakDetection";
    /** System property: at {@code simple}, 1 in this many handles records where it was created. */
    public static final String SAMPLING_PROPERTY = "ferric.leakDetection.samplingInterval";
    static final int DEFAULT_SAMPLING_INTERVAL = 128;
    /** The logger leaks are reported to. */
    public static final String LOGGER = "dev.ferric.leak";
    /** Places remembered for "once per place"; past this, new places are still counted but not logged. */
    private static final int MAX_PLACES = 4096;

    /** What is recorded and reported. */
    public enum Level {
        /** Leaks are counted, not logged; no stack is recorded. */
        DISABLED,
        /** 1 in {@code samplingInterval} handles records its creation stack; every leak is logged once per place. */
        SIMPLE,
        /** Every handle records its creation stack. */
        PARANOID
    }

    private static final String ROOT = rootPackage();
    private static volatile Level level = Level.SIMPLE;
    private static volatile int samplingInterval = DEFAULT_SAMPLING_INTERVAL;
    private static final ConcurrentHashMap<String, AtomicLong> LEAKED_BY_KIND = new ConcurrentHashMap<>();
    private static final Set<String> REPORTED = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private static volatile LeakListener listener;

    private LeakDetector() {}

    /** Receives each leak the leak net freed (the JFR event on Java 11+). */
    public interface LeakListener {
        /**
         * @param kind the handle's kind, e.g. {@code Blake3.Hasher}
         * @param nativeBytes what freeing it released natively
         * @param created where it was created, or null when not recorded
         */
        void leaked(String kind, long nativeBytes, Throwable created);
    }

    /** Sets the listener told of each leak (one; null removes it). */
    public static void setListener(LeakListener l) {
        listener = l;
    }

    /** The level in force. */
    public static Level level() {
        return level;
    }

    /** At {@link Level#SIMPLE}, 1 in this many handles records its creation stack. */
    public static int samplingInterval() {
        return samplingInterval;
    }

    /** Parses the two properties; a bad value is reported and the default used. */
    static void configure(String levelValue, String samplingValue) {
        Level l = Level.SIMPLE;
        if (levelValue != null && !levelValue.trim().isEmpty()) {
            try {
                l = Level.valueOf(levelValue.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                log("-D" + LEVEL_PROPERTY + "=" + levelValue + " is not a level: use disabled, simple or paranoid."
                        + " Using simple.");
            }
        }
        int interval = DEFAULT_SAMPLING_INTERVAL;
        if (samplingValue != null && !samplingValue.trim().isEmpty()) {
            try {
                interval = Integer.parseInt(samplingValue.trim());
                if (interval < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                interval = DEFAULT_SAMPLING_INTERVAL;
                log("-D" + SAMPLING_PROPERTY + "=" + samplingValue + " is not a positive whole number. Using "
                        + DEFAULT_SAMPLING_INTERVAL + ".");
            }
        }
        level = l;
        samplingInterval = interval;
    }

    /** For a new handle: where it is being created, when this one is to record it; else null. */
    static Throwable creationRecord(String kind) {
        Level l = level;
        if (l == Level.DISABLED) return null;
        if (l == Level.SIMPLE && (samplingInterval > 1 && ThreadLocalRandom.current().nextInt(samplingInterval) != 0)) {
            return null;
        }
        return new Throwable(kind + " created here and never closed");
    }

    /** The leak net freed a handle nobody closed: count it, tell the listener, log it once per place. */
    static void leaked(String kind, long nativeBytes, Throwable created) {
        AtomicLong n = LEAKED_BY_KIND.get(kind);
        if (n == null) {
            AtomicLong fresh = new AtomicLong();
            n = LEAKED_BY_KIND.putIfAbsent(kind, fresh);
            if (n == null) n = fresh;
        }
        n.incrementAndGet();
        LeakListener li = listener;
        if (li != null) {
            try {
                li.leaked(kind, nativeBytes, created);
            } catch (RuntimeException | LinkageError e) {
                // a failing listener must not stop the leak net
            }
        }
        if (level == Level.DISABLED) return;
        StackTraceElement place = created == null ? null : callerOf(created);
        String key = kind + "@" + (place == null ? "?" : place.toString());
        if (REPORTED.size() >= MAX_PLACES || !REPORTED.add(key)) return;
        log(message(kind, nativeBytes, created, place));
    }

    /** Leaked (never closed, freed by the leak net) handles by kind, e.g. {@code {Regex=2}}. */
    public static Map<String, Long> leakedByKind() {
        Map<String, Long> m = new TreeMap<>();
        for (Map.Entry<String, AtomicLong> e : LEAKED_BY_KIND.entrySet()) m.put(e.getKey(), e.getValue().get());
        return m;
    }

    static String message(String kind, long nativeBytes, Throwable created, StackTraceElement place) {
        StringBuilder b = new StringBuilder("LEAK: a ").append(kind).append(" (").append(nativeBytes)
                .append(" native bytes) was never closed; ferric's leak net freed it after garbage collection.");
        if (created == null) {
            b.append(" Where it was created was not recorded (-D").append(LEVEL_PROPERTY).append('=').append(level.name()
                    .toLowerCase(Locale.ROOT)).append(" records 1 in ").append(samplingInterval)
                    .append("); run with -D").append(LEVEL_PROPERTY).append("=paranoid to see where. Close it with"
                    + " try-with-resources. Further leaks of this kind whose place is not recorded are counted in"
                    + " Ferric.nativeStats().leakedByKind(), not logged.");
            return b.toString();
        }
        b.append(" Close it with try-with-resources. Created at ").append(place == null ? "?" : place)
                .append(" (each place is reported once):");
        for (StackTraceElement e : creationFrames(created)) b.append("\n\tat ").append(e);
        return b.toString();
    }

    /** The stack that created a handle, without the frames of ferric's own bookkeeping on top (they say nothing). */
    static List<StackTraceElement> creationFrames(Throwable created) {
        List<StackTraceElement> frames = new ArrayList<>(Arrays.asList(created.getStackTrace()));
        while (!frames.isEmpty() && isBookkeeping(frames.get(0))) frames.remove(0);
        return frames;
    }

    /** ferric's own packages, under its root package: frames in them are not the user's code. */
    private static final String[] OWN = {"internal.", "blake3.", "regex.", "compress.", "vectors."};

    /** The first frame outside ferric: the line that created the handle. */
    static StackTraceElement callerOf(Throwable created) {
        for (StackTraceElement e : created.getStackTrace()) {
            if (!isFerric(e.getClassName())) return e;
        }
        return null;
    }

    static boolean isFerric(String className) {
        if (!className.startsWith(ROOT)) return false;
        String rest = className.substring(ROOT.length());
        if (rest.indexOf('.') < 0) return true; // the root package: NativeResource, Ferric...
        for (String p : OWN) {
            if (rest.startsWith(p)) return true;
        }
        return false;
    }

    private static boolean isBookkeeping(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith(ROOT + "internal.") || c.equals(ROOT + "NativeResource");
    }

    private static String rootPackage() {
        String n = LeakDetector.class.getName();
        return n.substring(0, n.length() - "internal.LeakDetector".length());
    }

    private static String property(String name) {
        try {
            return System.getProperty(name);
        } catch (SecurityException e) {
            return null;
        }
    }

    // ---- logging: System.Logger where the JVM has it (9+), java.util.logging otherwise ----

    /**
     * The logger, looked up on the first message only: {@code System.getLogger} starts the JDK's
     * logging (a service lookup, {@code java.util.logging}'s configuration): ~30 ms in a fresh JVM,
     * which the first handle of a program that never leaks must not pay.
     */
    private static final class Log {
        static final Object SYSTEM_LOGGER;
        static final Method SYSTEM_LOG;
        static final Object WARNING;

        static {
            Object logger = null;
            Method log = null;
            Object warning = null;
            try {
                Class<?> levelClass = Class.forName("java.lang.System$Logger$Level");
                Class<?> loggerClass = Class.forName("java.lang.System$Logger");
                logger = System.class.getMethod("getLogger", String.class).invoke(null, LOGGER);
                log = loggerClass.getMethod("log", levelClass, String.class);
                warning = levelClass.getField("WARNING").get(null);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                logger = null; // Java 8: java.util.logging
            }
            SYSTEM_LOGGER = logger;
            SYSTEM_LOG = log;
            WARNING = warning;
        }
    }

    static void log(String message) {
        if (Log.SYSTEM_LOG != null) {
            try {
                Log.SYSTEM_LOG.invoke(Log.SYSTEM_LOGGER, Log.WARNING, message);
                return;
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall back below
            }
        }
        java.util.logging.Logger.getLogger(LOGGER).warning(message);
    }

    static {
        // last: a bad value is logged
        configure(property(LEVEL_PROPERTY), property(SAMPLING_PROPERTY));
    }
}
