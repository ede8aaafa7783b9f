//! The JNI glue of each kernel: decode Java arguments with [`crate::boundary`], call the kernel in
//! `ferric_kernels`, encode the result, and map the kernel's errors to [`crate::boundary::FerricError`].
//! Each file ends with its `natives!` table.

pub mod blake3;
pub mod compress;
pub mod regex;
pub mod vectors;

use ferric_boundary::{FerricError, FerricResult};
use ferric_kernels::compress::CodecError;
use ferric_kernels::vectors::{AppendError, VectorError};

/// A kernel's result with its error mapped to the Java exception it becomes:
/// `kernel_call().or_throw()?`. (The kernels' error types and `FerricError` live in two crates that do
/// not know each other, so this mapping is the glue's, and `?` alone cannot do it.)
pub(crate) trait OrThrow<T> {
    /// The result, its error as a [`FerricError`].
    fn or_throw(self) -> FerricResult<T>;
}

impl<T> OrThrow<T> for Result<T, CodecError> {
    fn or_throw(self) -> FerricResult<T> {
        self.map_err(|e| match e {
            CodecError::Corrupt(m) => FerricError::Zip(m),
            CodecError::Truncated(m) => FerricError::Eof(m),
            CodecError::Limit(m) => FerricError::DecompressionLimit(m),
            CodecError::Invalid(m) => FerricError::IllegalArgument(m),
            CodecError::Lz4(m) => FerricError::Lz4(m),
            CodecError::State(m) => FerricError::IllegalState(m),
            CodecError::OutOfMemory(m) => FerricError::OutOfMemory(m),
        })
    }
}

/// The Java exception of a vector kernel's error.
pub(crate) fn vector_error(e: VectorError) -> FerricError {
    match e {
        VectorError::Invalid(m) => FerricError::IllegalArgument(m),
        VectorError::State(m) => FerricError::IllegalState(m),
        VectorError::OutOfMemory(m) => FerricError::OutOfMemory(m),
    }
}

impl<T> OrThrow<T> for Result<T, VectorError> {
    fn or_throw(self) -> FerricResult<T> {
        self.map_err(vector_error)
    }
}

impl<T> OrThrow<T> for Result<T, AppendError<FerricError>> {
    fn or_throw(self) -> FerricResult<T> {
        self.map_err(|e| match e {
            AppendError::Index(e) => vector_error(e),
            AppendError::Fill(e) => e,
        })
    }
}
