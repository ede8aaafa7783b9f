/**
 * Compression on memory-safe Rust codecs: gzip, zlib and raw deflate on zlib-rs ({@link
 * dev.ferric.compress.Deflate}, the {@link dev.ferric.compress.Deflater}/{@link
 * dev.ferric.compress.Inflater} pair and drop-in streams such as {@link
 * dev.ferric.compress.GzipInputStream}), and LZ4 blocks and frames on lz4_flex ({@link
 * dev.ferric.compress.Lz4}), interoperable with {@code java.util.zip}, the {@code gzip} tool, the
 * {@code lz4} tool and lz4-java. One-shot decompression into new arrays is bounded by {@link
 * dev.ferric.compress.DecompressionLimits}; streaming objects own native state until closed and show up
 * in {@code Ferric.nativeStats()}.
 */
package dev.ferric.compress;
