//! Exact vector search, pure Rust: a flat (brute-force) index of float32 or int8 vectors scored by dot
//! product, cosine similarity or squared Euclidean distance with SIMD kernels chosen at run time, and
//! top-k selection that is deterministic (ties broken by the smaller id).
//! No JNI here, so everything is unit-tested without a JVM.

mod index;
pub mod jni;
pub mod kernels;
#[cfg(target_arch = "aarch64")]
mod neon;
mod search;
#[cfg(target_arch = "x86_64")]
mod x86;

pub use index::FlatIndex;
pub use kernels::{active, CpuFeatures, Kernel, Kernels};
pub use search::{Hit, Query};

use crate::boundary::{FerricError, FerricResult};

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
}

impl Metric {
    /// Decodes the ordinal of `dev.ferric.vectors.Metric`.
    pub fn from_code(code: i32) -> FerricResult<Metric> {
        match code {
            0 => Ok(Metric::Dot),
            1 => Ok(Metric::Cosine),
            2 => Ok(Metric::L2),
            _ => Err(FerricError::IllegalArgument(format!("unknown metric code {code}"))),
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
}

impl ElementType {
    /// Decodes the ordinal of `dev.ferric.vectors.ElementType`.
    pub fn from_code(code: i32) -> FerricResult<ElementType> {
        match code {
            0 => Ok(ElementType::F32),
            1 => Ok(ElementType::I8),
            _ => Err(FerricError::IllegalArgument(format!("unknown element type code {code}"))),
        }
    }

    /// Bytes per component.
    pub fn size(self) -> usize {
        match self {
            ElementType::F32 => 4,
            ElementType::I8 => 1,
        }
    }
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

/// [`Parts`] of two float32 slices of equal length, with the active kernels.
pub fn parts_f32(metric: Metric, a: &[f32], b: &[f32]) -> Parts {
    let k = active();
    match metric {
        Metric::Dot => [(k.dot_f32)(a, b) as f64, 0.0, 0.0],
        Metric::L2 => [(k.l2_f32)(a, b) as f64, 0.0, 0.0],
        Metric::Cosine => [(k.dot_f32)(a, b) as f64, (k.dot_f32)(a, a) as f64, (k.dot_f32)(b, b) as f64],
    }
}

/// [`Parts`] of two int8 slices of equal length, at most [`MAX_DIMENSION`] long.
pub fn parts_i8(metric: Metric, a: &[i8], b: &[i8]) -> Parts {
    let k = active();
    match metric {
        Metric::Dot => [(k.dot_i8)(a, b) as f64, 0.0, 0.0],
        Metric::L2 => [(k.l2_i8)(a, b) as f64, 0.0, 0.0],
        Metric::Cosine => [(k.dot_i8)(a, b) as f64, (k.dot_i8)(a, a) as f64, (k.dot_i8)(b, b) as f64],
    }
}

/// The score of a pair from its summed [`Parts`].
pub fn finish(metric: Metric, p: Parts) -> f32 {
    match metric {
        Metric::Dot | Metric::L2 => p[0] as f32,
        Metric::Cosine => cosine_from_parts(p[0], p[1].sqrt(), p[2].sqrt()) as f32,
    }
}

/// Adds the parts of two chunks.
pub fn add_parts(x: Parts, y: Parts) -> Parts {
    [x[0] + y[0], x[1] + y[1], x[2] + y[2]]
}
