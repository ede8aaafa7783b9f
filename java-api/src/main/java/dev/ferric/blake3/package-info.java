/**
 * BLAKE3 hashing: one-shot {@link dev.ferric.blake3.Blake3#hash(byte[])} and the streaming
 * {@link dev.ferric.blake3.Blake3.Hasher}.
 */
package dev.ferric.blake3;
