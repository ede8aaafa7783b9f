package dev.ferric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferric.Ferric;
import dev.ferric.compress.Deflater;
import dev.ferric.compress.Lz4;
import dev.ferric.regex.Regex;
import dev.ferric.vectors.ElementType;
import dev.ferric.vectors.Metric;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every number the Java and Rust sides must agree on, Java's value next to the library's: a constant
 * changed on one side only fails here. The library lists its side ({@code CoreNative.constants()}),
 * including every id its decoders accept, so an id added in Rust without a Java constant fails too.
 */
class SharedConstantsTest {
    @Test
    void javaAndTheLibraryAgreeOnEverySharedNumber() throws Exception {
        assertTrue(Ferric.isAvailable(), () -> String.valueOf(Ferric.unavailabilityCause()));
        Map<String, Long> library = new TreeMap<>();
        for (String line : CoreNative.constants()) {
            int eq = line.indexOf('=');
            library.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        assertEquals(java(), library);
    }

    private static Map<String, Long> java() throws ReflectiveOperationException {
        Map<String, Long> m = new TreeMap<>();
        m.put("abi", (long) BuildInfo.ABI_VERSION);
        assertEquals(BuildInfo.ABI_VERSION, BuildData.ABI, "BuildInfo.ABI_VERSION and ferric.abi.version in java-api/pom.xml");
        for (String flag : Arrays.asList("CASE_INSENSITIVE", "COMMENTS", "MULTILINE", "LITERAL", "DOTALL", "NO_UNICODE", "CRLF",
                "RUST_SYNTAX")) {
            m.put("regex.flag." + flag, (long) Regex.class.getField(flag).getInt(null));
        }
        m.put("regex.op.IS_MATCH", constant("dev.ferric.regex.RegexNative", "OP_IS_MATCH"));
        m.put("regex.op.FULL_MATCH", constant("dev.ferric.regex.RegexNative", "OP_FULL_MATCH"));
        m.put("regex.op.COUNT", constant("dev.ferric.regex.RegexNative", "OP_COUNT"));
        m.put("regex.op.TEXT", constant("dev.ferric.regex.RegexNative", "OP_TEXT"));
        m.put("regex.find.CAPTURES", constant("dev.ferric.regex.RegexNative", "FIND_CAPTURES"));
        m.put("regex.find.TEXT", constant("dev.ferric.regex.RegexNative", "FIND_TEXT"));
        for (Field f : NativeFailure.class.getFields()) m.put("ffm.error." + f.getName(), (long) f.getInt(null));
        m.put("compress.format.Raw", constant("dev.ferric.compress.CompressNative", "RAW"));
        m.put("compress.format.Zlib", constant("dev.ferric.compress.CompressNative", "ZLIB"));
        m.put("compress.format.Gzip", constant("dev.ferric.compress.CompressNative", "GZIP"));
        m.put("compress.flush.None", (long) Deflater.NO_FLUSH);
        m.put("compress.flush.Sync", (long) Deflater.SYNC_FLUSH);
        m.put("compress.flush.Full", (long) Deflater.FULL_FLUSH);
        m.put("compress.flush.Finish", constant("dev.ferric.compress.Deflater", "FINISH"));
        m.put("compress.strategy.Default", (long) Deflater.DEFAULT_STRATEGY);
        m.put("compress.strategy.Filtered", (long) Deflater.FILTERED);
        m.put("compress.strategy.HuffmanOnly", (long) Deflater.HUFFMAN_ONLY);
        m.put("lz4.frameMode.Write", constant("dev.ferric.compress.Lz4FrameOutputStream", "WRITE"));
        m.put("lz4.frameMode.Flush", constant("dev.ferric.compress.Lz4FrameOutputStream", "FLUSH"));
        m.put("lz4.frameMode.Finish", constant("dev.ferric.compress.Lz4FrameOutputStream", "FINISH"));
        m.put("lz4.blockSize." + (64 << 10), (long) Lz4.BLOCK_64KB);
        m.put("lz4.blockSize." + (256 << 10), (long) Lz4.BLOCK_256KB);
        m.put("lz4.blockSize." + (1 << 20), (long) Lz4.BLOCK_1MB);
        m.put("lz4.blockSize." + (4 << 20), (long) Lz4.BLOCK_4MB);
        String[] metrics = {"Dot", "Cosine", "L2", "Hamming"};
        for (Metric metric : Metric.values()) m.put("vectors.metric." + metrics[metric.ordinal()], code(metric));
        String[] elements = {"F32", "I8", "Binary"};
        for (ElementType type : ElementType.values()) m.put("vectors.element." + elements[type.ordinal()], code(type));
        for (int k = 0; k < NativeMemory.KERNELS.size(); k++) m.put("memory.kernel." + NativeMemory.KERNELS.get(k), (long) k);
        assertEquals(metrics.length, Metric.values().length, "a new Metric needs its Rust name here");
        assertEquals(elements.length, ElementType.values().length, "a new ElementType needs its Rust name here");
        return m;
    }

    private static long constant(String className, String field) throws ReflectiveOperationException {
        Field f = Class.forName(className).getDeclaredField(field);
        f.setAccessible(true);
        return f.getInt(null);
    }

    /** The id an enum crosses the boundary as (its package-private {@code code()}). */
    private static long code(Enum<?> e) throws ReflectiveOperationException {
        java.lang.reflect.Method code = e.getClass().getDeclaredMethod("code");
        code.setAccessible(true);
        return ((Number) code.invoke(e)).longValue();
    }
}
