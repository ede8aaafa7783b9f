/**
 * Exact vector search: the brute-force {@link dev.ferric.vectors.FlatIndex} (top-k by dot product,
 * cosine or squared L2 over float32 or int8 vectors, or by Hamming distance over bit-packed binary
 * vectors; one query or many per call) and single-pair functions in
 * {@link dev.ferric.vectors.Vectors}, computed with SIMD kernels chosen at run time for the CPU
 * (AVX2+FMA, AVX-512, AVX-512 VNNI, NEON, {@link dev.ferric.vectors.Vectors#kernelName()}; for
 * Hamming: POPCNT, AVX-512 VPOPCNTDQ, NEON, {@link dev.ferric.vectors.Vectors#hammingKernelName()}).
 */
package dev.ferric.vectors;
