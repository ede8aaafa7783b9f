package dev.ferric.compress;

/**
 * The LZ4 block calls between two heap arrays, which have a Java 22+ FFM twin
 * ({@code META-INF/versions/22}); here, JNI. Callers check every range first.
 */
final class Lz4Calls {
    private Lz4Calls() {}

    static int compress(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        return CompressNative.get().lz4Compress(src, null, srcOff, srcLen, dest, null, destOff, destLen);
    }

    static int decompressSafe(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        return CompressNative.get().lz4DecompressSafe(src, null, srcOff, srcLen, dest, null, destOff, destLen);
    }

    static int decompressFast(byte[] src, int srcOff, int srcLen, byte[] dest, int destOff, int destLen) {
        return CompressNative.get().lz4DecompressFast(src, null, srcOff, srcLen, dest, null, destOff, destLen);
    }
}
