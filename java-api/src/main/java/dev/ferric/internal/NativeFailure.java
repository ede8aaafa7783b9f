package dev.ferric.internal;

/**
 * The kinds of failure a C-ABI entry point of the library returns (negated) to the Java 22+ fast path,
 * each thrown as the exception its JNI twin throws ({@code rust-core/src/c_abi.rs}, checked against
 * these by {@code SharedConstantsTest}).
 */
public final class NativeFailure {
    private NativeFailure() {}

    public static final int ILLEGAL_ARGUMENT = 1;
    public static final int INDEX_OUT_OF_BOUNDS = 2;
    public static final int ILLEGAL_STATE = 3;
    public static final int NULL_POINTER = 4;
    public static final int IO = 5;
    public static final int OUT_OF_MEMORY = 6;
    public static final int ZIP = 7;
    public static final int EOF = 8;
    public static final int DECOMPRESSION_LIMIT = 9;
    public static final int LZ4 = 10;
    public static final int REGEX_SYNTAX = 11;
    public static final int PANIC = 12;
}
