//! The one table that turns a Rust failure into a Java exception.

use std::borrow::Cow;
use std::fmt;

use super::natives::package_root;

/// Every way a native call can fail. Each variant maps to exactly one Java exception class
/// (see [`FerricError::java_class`]); kernels return these as values and never throw themselves.
#[derive(Debug)]
pub enum FerricError {
    /// A caller-supplied value is invalid: `java.lang.IllegalArgumentException`.
    IllegalArgument(String),
    /// An offset or length lies outside an array or buffer: `java.lang.IndexOutOfBoundsException`.
    IndexOutOfBounds(String),
    /// The object is in the wrong state (closed, already finished): `java.lang.IllegalStateException`.
    IllegalState(String),
    /// A required reference was null: `java.lang.NullPointerException`.
    NullPointer(String),
    /// Reading or writing a file failed: `java.io.IOException`.
    Io(String),
    /// A native allocation limit was hit: `java.lang.OutOfMemoryError`.
    OutOfMemory(String),
    /// Compressed data is corrupt: `java.util.zip.ZipException`.
    Zip(String),
    /// Compressed data ends before its end marker: `java.io.EOFException`.
    Eof(String),
    /// Decompressed output would exceed a configured limit:
    /// `dev.ferric.compress.DecompressionLimitException` (a `ZipException`).
    DecompressionLimit(String),
    /// An LZ4 block could not be compressed or decompressed: `dev.ferric.compress.Lz4Exception`.
    Lz4(String),
    /// A regular expression is invalid or unsupported at `index` (UTF-16 units into the pattern):
    /// `dev.ferric.regex.RegexSyntaxException`, built from these fields.
    RegexSyntax { index: usize, message: String },
    /// A JNI call itself failed. If it left a Java exception pending, that exception is kept.
    Jni(jni::errors::Error),
}

impl FerricError {
    /// JNI name of the exception class thrown for this error; ferric's own classes are named under
    /// the package ferric was loaded from, which a relocated copy changes.
    pub fn java_class(&self) -> Cow<'static, str> {
        let own = |name: &str| Cow::Owned(format!("{}{name}", package_root()));
        Cow::Borrowed(match self {
            FerricError::IllegalArgument(_) => "java/lang/IllegalArgumentException",
            FerricError::IndexOutOfBounds(_) => "java/lang/IndexOutOfBoundsException",
            FerricError::IllegalState(_) => "java/lang/IllegalStateException",
            FerricError::NullPointer(_) => "java/lang/NullPointerException",
            FerricError::Io(_) => "java/io/IOException",
            FerricError::OutOfMemory(_) => "java/lang/OutOfMemoryError",
            FerricError::Zip(_) => "java/util/zip/ZipException",
            FerricError::Eof(_) => "java/io/EOFException",
            FerricError::DecompressionLimit(_) => {
                return own("compress/DecompressionLimitException")
            }
            FerricError::Lz4(_) => return own("compress/Lz4Exception"),
            FerricError::RegexSyntax { .. } => return own("regex/RegexSyntaxException"),
            FerricError::Jni(_) => "java/lang/IllegalStateException",
        })
    }
}

impl fmt::Display for FerricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FerricError::IllegalArgument(m)
            | FerricError::IndexOutOfBounds(m)
            | FerricError::IllegalState(m)
            | FerricError::NullPointer(m)
            | FerricError::Io(m)
            | FerricError::OutOfMemory(m)
            | FerricError::Zip(m)
            | FerricError::Eof(m)
            | FerricError::DecompressionLimit(m)
            | FerricError::Lz4(m) => f.write_str(m),
            FerricError::RegexSyntax { index, message } => write!(f, "{index}:{message}"),
            FerricError::Jni(e) => write!(f, "JNI call failed: {e}"),
        }
    }
}

impl std::error::Error for FerricError {}

impl From<jni::errors::Error> for FerricError {
    fn from(e: jni::errors::Error) -> Self {
        FerricError::Jni(e)
    }
}

impl From<std::io::Error> for FerricError {
    fn from(e: std::io::Error) -> Self {
        FerricError::Io(e.to_string())
    }
}

/// Result type of every kernel's JNI glue.
pub type FerricResult<T> = Result<T, FerricError>;
