package dev.ferric;

/**
 * A bug in ferric's native code: Rust code panicked during a call. The panic was caught at the
 * boundary, so the JVM and every other ferric object are fine, and the message says where it
 * happened ({@code "native panic: <message> (at <file>:<line>)"}).
 *
 * <p>It is an {@link Error}, not an {@code IllegalStateException} or {@code IllegalArgumentException},
 * because nothing the caller did or can do explains it: ferric checks every argument and state
 * before its native code runs and reports misuse with those exceptions. Code that catches
 * {@code RuntimeException} to handle bad input therefore does not swallow it. Report it with the
 * message and the input that caused it. The object whose call panicked may hold partial state:
 * close it rather than reuse it.
 */
public final class NativePanicError extends Error {
    private static final long serialVersionUID = 1L;

    /**
     * Thrown by ferric's native code only.
     *
     * @param message what panicked and where
     */
    public NativePanicError(String message) {
        super(message);
    }
}
