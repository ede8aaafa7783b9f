//! Compression, pure Rust: deflate/zlib/gzip on `zlib-rs` (inflate through `flate2`, deflate through
//! [`engine`], which tunes level 6) and LZ4 on `lz4_flex`, in the shapes the JNI glue needs
//! (resumable encoders and decoders that work through caller buffers, one-shot helpers with
//! decompression limits). No JNI here, so it is unit-tested and fuzzable.

pub mod deflate;
pub mod engine;
pub mod gzip;
pub mod lz4;
pub mod lz4frame;
pub mod parallel;
pub mod pool;

use std::fmt;

/// Why a compression call failed; the glue maps each kind to one Java exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// The input is not valid compressed data (`ZipException`).
    Corrupt(String),
    /// The input ends before the end of the compressed stream (`EOFException`).
    Truncated(String),
    /// The output would exceed a limit; the message names the limit.
    Limit(String),
    /// A caller-supplied parameter is invalid (`IllegalArgumentException`).
    Invalid(String),
    /// An LZ4 block is malformed or its destination too small (`Lz4Exception`).
    Lz4(String),
    /// The codec state cannot take this call (`IllegalStateException`).
    State(String),
    /// The codec could not allocate its state (`OutOfMemoryError`).
    OutOfMemory(String),
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::Corrupt(m)
            | CodecError::Truncated(m)
            | CodecError::Limit(m)
            | CodecError::Invalid(m)
            | CodecError::Lz4(m)
            | CodecError::State(m)
            | CodecError::OutOfMemory(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for CodecError {}

/// Result of the pure compression functions.
pub type CodecResult<T> = Result<T, CodecError>;

/// Decompression-bomb limits for one-shot calls that allocate their output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest output in bytes.
    pub max_output: u64,
    /// Largest output/input ratio; 0 disables it. Only enforced once the output exceeds
    /// [`RATIO_FLOOR`], so small, highly compressible inputs are never refused.
    pub max_ratio: u64,
}

/// Output size below which the ratio limit is not enforced.
pub const RATIO_FLOOR: u64 = 16 << 20;

impl Limits {
    /// No limit beyond what a Java array can hold.
    pub const NONE: Limits = Limits { max_output: u64::MAX, max_ratio: 0 };

    /// Checks that `output` bytes produced from `input` bytes are within the limits.
    pub fn check(&self, input: u64, output: u64) -> CodecResult<()> {
        if output > self.max_output {
            return Err(CodecError::Limit(format!(
                "decompressed size exceeds the maximum output limit of {} bytes",
                self.max_output
            )));
        }
        if self.max_ratio != 0 && output > RATIO_FLOOR && output > input.max(1).saturating_mul(self.max_ratio) {
            return Err(CodecError::Limit(format!(
                "decompressed/compressed ratio exceeds the maximum ratio limit of {} (output {} bytes from {} input bytes)",
                self.max_ratio, output, input
            )));
        }
        Ok(())
    }
}

/// Largest array the JVM can allocate (`Integer.MAX_VALUE - 8` on HotSpot).
pub const MAX_ARRAY: u64 = i32::MAX as u64 - 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_name_the_limit_hit() {
        let l = Limits { max_output: 100 << 20, max_ratio: 10 };
        assert!(l.check(1, RATIO_FLOOR).is_ok());
        assert!(l.check(2 << 20, 20 << 20).is_ok());
        let e = l.check(1 << 20, 20 << 20).unwrap_err().to_string();
        assert!(e.contains("ratio"), "{e}");
        let e = l.check(100 << 20, (100 << 20) + 1).unwrap_err().to_string();
        assert!(e.contains("maximum output"), "{e}");
        assert!(Limits::NONE.check(1, u64::MAX).is_ok());
    }
}
