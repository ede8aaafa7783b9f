package dev.ferric.internal;

/**
 * How ferric's small, hot calls (hash one record, match one line, compare one pair of vectors) reach
 * native code. On Java 8 to 21 they go through JNI, as every other call does; the API jar holds a
 * Java 22+ version of this class ({@code META-INF/versions/22}) that routes them through FFM downcalls,
 * which cost a fraction of a JNI call. {@code -Dferric.ffm=false} keeps JNI there too.
 */
public final class FastPath {
    private FastPath() {}

    /** How the small calls reach native code in this JVM, for {@code ferric doctor}. */
    public static String describe() {
        return "JNI (FFM downcalls need Java 22 or newer)";
    }
}
