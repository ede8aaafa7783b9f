/**
 * Compression on memory-safe Rust codecs: gzip, zlib and raw deflate on zlib-rs ({@link
 * dev.ferric.compress.Deflate}, the {@link dev.ferric.compress.Deflater}/{@link
 * dev.ferric.compress.Inflater} pair and drop-in streams such as {@link
 * dev.ferric.compress.GzipInputStream}), and LZ4 blocks and frames on lz4_flex ({@link
 * dev.ferric.compress.Lz4}), interoperable with {@code java.util.zip}, the {@code gzip} tool, the
 * {@code lz4} tool and lz4-java. One-shot decompression into new arrays is bounded by {@link
 * dev.ferric.compress.DecompressionLimits}; streaming objects own native state until closed and show up
 * in {@code Ferric.nativeStats()}.
 *
 * <p>Where the {@code java.util.zip} look-alikes differ: {@code Deflater.setLevel} and {@code
 * setStrategy} change the level or strategy only before the first input of a stream (or after {@code
 * reset()}) and throw {@link java.lang.IllegalArgumentException} for a change afterwards, where the JDK
 * switches at the next call; there is no {@code getAdler()}; {@code Deflater} and {@code Inflater} also
 * take a {@link dev.ferric.compress.Deflate} format, so one class serves raw deflate, zlib and gzip (with
 * its header fields). Levels follow zlib-rs's, with ferric's own level 6 (see {@link
 * dev.ferric.compress.Deflate}).
 */
package dev.ferric.compress;
