//! ferric's kernels in plain Rust: BLAKE3 ([`blake3`]), a linear-time regex with Java's syntax
//! ([`regex`]), deflate/gzip/zlib and LZ4 ([`compress`]) and exact vector search ([`vectors`]).
//!
//! Nothing here knows the JVM: this crate has no `jni` dependency, and each kernel returns its own
//! error type. The `ferric` cdylib's glue decodes Java arguments with `ferric-boundary`, calls these
//! functions and maps their errors to Java exceptions.

pub mod blake3;
pub mod compress;
pub mod regex;
pub mod vectors;

/// Thread-pool jobs charge their allocations to their kernel.
pub(crate) use ferric_memory as memory;
