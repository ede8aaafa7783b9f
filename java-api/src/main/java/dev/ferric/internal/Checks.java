package dev.ferric.internal;

/** Argument checks done in Java before crossing into native code, with the JDK's exceptions. */
public final class Checks {
    private Checks() {}

    /** {@code Objects.checkFromIndexSize} for Java 8: throws {@link IndexOutOfBoundsException}. */
    public static void checkFromIndexSize(int off, int len, int arrayLength) {
        if ((off | len) < 0 || len > arrayLength - off) {
            throw new IndexOutOfBoundsException("Range [" + off + ", " + off + " + " + len + ") out of bounds for length " + arrayLength);
        }
    }

    /** Null check with the JDK's exception and a message naming the argument. */
    public static <T> T requireNonNull(T value, String name) {
        if (value == null) throw new NullPointerException(name + " is null");
        return value;
    }
}
