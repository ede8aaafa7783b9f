//! Exact vector search, pure Rust: a flat (brute-force) index of float32 or int8 vectors scored by dot
//! product, cosine similarity or squared Euclidean distance, or of bit-packed binary vectors scored by
//! Hamming distance, with SIMD kernels chosen at run time, and top-k selection that is deterministic
//! (ties broken by the smaller id).
//! No JNI here, so everything is unit-tested without a JVM.

pub mod hamming;
mod index;
pub mod kernels;
#[cfg(target_arch = "aarch64")]
mod neon;
mod search;
#[cfg(target_arch = "x86_64")]
mod x86;

pub use index::FlatIndex;
pub use kernels::{active, CpuFeatures, Kernel, Kernels};
pub use search::{Hit, Query};

pub use index::AppendError;

/// Why a vector call failed; the glue maps each variant to one Java exception.
#[derive(Debug, PartialEq)]
pub enum VectorError {
    /// A caller-supplied value is invalid (dimension, metric, a NaN component...).
    Invalid(String),
    /// The index is in the wrong state for the call (a search on an empty index).
    State(String),
    /// The index would outgrow its memory cap, or an allocation failed.
    OutOfMemory(String),
}

impl std::fmt::Display for VectorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VectorError::Invalid(m) | VectorError::State(m) | VectorError::OutOfMemory(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for VectorError {}

/// Result of the vector kernels.
pub type VectorResult<T> = Result<T, VectorError>;

/// Largest supported dimension: keeps every int8 SIMD lane below 2^31 (see `x86.rs`).
pub const MAX_DIMENSION: usize = 65_536;

/// How two vectors are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Σ a·b; larger is closer.
    Dot,
    /// Σ a·b / (|a|·|b|), 0 when either vector is all zeros; larger is closer.
    Cosine,
    /// Σ (a−b)²; smaller is closer.
    L2,
    /// Number of differing bits of two binary vectors; smaller is closer. Binary vectors only.
    Hamming,
}

impl Metric {
    /// Decodes the ordinal of `dev.ferric.vectors.Metric`.
    pub fn from_code(code: i32) -> VectorResult<Metric> {
        match code {
            0 => Ok(Metric::Dot),
            1 => Ok(Metric::Cosine),
            2 => Ok(Metric::L2),
            3 => Ok(Metric::Hamming),
            _ => Err(VectorError::Invalid(format!("unknown metric code {code}"))),
        }
    }
}

/// What one vector component is stored as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementType {
    /// IEEE 754 binary32.
    F32,
    /// Signed 8-bit integer (quantised embeddings).
    I8,
    /// Bits packed 8 per byte; the dimension counts bits (a multiple of 8).
    Binary,
}

impl ElementType {
    /// Decodes the ordinal of `dev.ferric.vectors.ElementType`.
    pub fn from_code(code: i32) -> VectorResult<ElementType> {
        match code {
            0 => Ok(ElementType::F32),
            1 => Ok(ElementType::I8),
            2 => Ok(ElementType::Binary),
            _ => Err(VectorError::Invalid(format!("unknown element type code {code}"))),
        }
    }

    /// Bytes per stored element (a component, or for binary vectors a byte of 8 components).
    pub fn size(self) -> usize {
        match self {
            ElementType::F32 => 4,
            ElementType::I8 | ElementType::Binary => 1,
        }
    }
}

/// Rejects a metric that makes no sense for an element type: Hamming goes with binary vectors, and
/// only with them.
pub fn check_combination(metric: Metric, element: ElementType) -> VectorResult<()> {
    if (metric == Metric::Hamming) != (element == ElementType::Binary) {
        return Err(VectorError::Invalid(format!(
            "metric {metric:?} does not apply to {element:?} vectors (Hamming goes with binary vectors, and only with them)"
        )));
    }
    Ok(())
}

/// Views bytes received as Java `byte`s as unsigned bytes (same size, alignment and bit patterns).
pub fn as_u8(v: &[i8]) -> &[u8] {
    // SAFETY: i8 and u8 have the same layout and every bit pattern is valid for both.
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast(), v.len()) }
}

/// Mutable form of [`as_u8`], for writing Java `byte`s into unsigned storage.
pub fn as_i8_mut(v: &mut [u8]) -> &mut [i8] {
    // SAFETY: as in `as_u8`; the returned slice borrows `v` exclusively.
    unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast(), v.len()) }
}

/// Cosine similarity from a dot product and the two Euclidean norms (0 when a norm is 0).
pub fn cosine_from_parts(dot: f64, norm_a: f64, norm_b: f64) -> f64 {
    if norm_a == 0.0 || norm_b == 0.0 {
        0.0
    } else {
        dot / (norm_a * norm_b)
    }
}

/// Partial sums of a pair of vectors, or of one chunk of a long pair: `[Σa·b or Σ(a−b)², Σa², Σb²]`
/// (the norms only for cosine). Chunks are added in double precision; int8 sums are exact.
pub type Parts = [f64; 3];

/// [`Parts`] of two float32 slices of equal length, with the active kernels. `metric` is not
/// Hamming ([`check_combination`] with float32 first).
pub fn parts_f32(metric: Metric, a: &[f32], b: &[f32]) -> Parts {
    let k = active();
    match metric {
        Metric::Hamming => unreachable!("Hamming on float32 is rejected by check_combination"),
        Metric::Dot => [(k.dot_f32)(a, b) as f64, 0.0, 0.0],
        Metric::L2 => [(k.l2_f32)(a, b) as f64, 0.0, 0.0],
        Metric::Cosine => [(k.dot_f32)(a, b) as f64, (k.dot_f32)(a, a) as f64, (k.dot_f32)(b, b) as f64],
    }
}

/// [`Parts`] of two int8 slices of equal length, at most [`MAX_DIMENSION`] long; for Hamming, the
/// bytes are bit-packed binary vectors.
pub fn parts_i8(metric: Metric, a: &[i8], b: &[i8]) -> Parts {
    let k = active();
    match metric {
        Metric::Hamming => [(hamming::active().1)(as_u8(a), as_u8(b)) as f64, 0.0, 0.0],
        Metric::Dot => [(k.dot_i8)(a, b) as f64, 0.0, 0.0],
        Metric::L2 => [(k.l2_i8)(a, b) as f64, 0.0, 0.0],
        Metric::Cosine => [(k.dot_i8)(a, b) as f64, (k.dot_i8)(a, a) as f64, (k.dot_i8)(b, b) as f64],
    }
}

/// The score of a pair from its summed [`Parts`].
pub fn finish(metric: Metric, p: Parts) -> f32 {
    match metric {
        Metric::Dot | Metric::L2 | Metric::Hamming => p[0] as f32,
        Metric::Cosine => cosine_from_parts(p[0], p[1].sqrt(), p[2].sqrt()) as f32,
    }
}

/// Adds the parts of two chunks.
pub fn add_parts(x: Parts, y: Parts) -> Parts {
    [x[0] + y[0], x[1] + y[1], x[2] + y[2]]
}
