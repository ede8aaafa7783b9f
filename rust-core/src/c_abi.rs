//! C-ABI entry points for the Java 22+ fast path: the API jar's `META-INF/versions/22` classes call
//! these through FFM downcalls (`Linker.Option.critical(true)`, so heap arrays are passed in place)
//! instead of the JNI methods, for the small calls where JNI's fixed cost dominates. Each runs the
//! same Rust code as its JNI twin and keeps the boundary's promises:
//!
//! - Java checks every argument (null, offsets, lengths, open handle under its call guard) before it
//!   calls; pointers arrive at element 0 of the array, with the checked offset beside it.
//! - No panic crosses: each body runs under `catch_unwind`.
//! - Errors return a negative [`kind`] (or NaN where the result is a float) and leave the error on
//!   this thread for [`ferric_error_message`]; Java throws the exception the JNI path would throw.
//!
//! These symbols are looked up in the library the loader verified and loaded, never loaded again.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

use ferric_kernels::blake3::Hasher;
use crate::boundary::FerricError;
use crate::glue::OrThrow;
use ferric_kernels::compress::lz4;
use ferric_kernels::regex::Mode;
use ferric_kernels::vectors::{check_combination, finish, parts_f32, parts_i8, ElementType, Metric, Parts};

thread_local! {
    /// The last failure on this thread: its kind and message, until read.
    static LAST_ERROR: RefCell<Option<(i32, String)>> = const { RefCell::new(None) };
}

/// Kinds of failure, shared with `dev.ferric.internal.FastPath` (checked by `SharedConstantsTest`).
pub(crate) mod kind {
    pub const ILLEGAL_ARGUMENT: i32 = 1;
    pub const INDEX_OUT_OF_BOUNDS: i32 = 2;
    pub const ILLEGAL_STATE: i32 = 3;
    pub const NULL_POINTER: i32 = 4;
    pub const IO: i32 = 5;
    pub const OUT_OF_MEMORY: i32 = 6;
    pub const ZIP: i32 = 7;
    pub const EOF: i32 = 8;
    pub const DECOMPRESSION_LIMIT: i32 = 9;
    pub const LZ4: i32 = 10;
    pub const REGEX_SYNTAX: i32 = 11;
    pub const PANIC: i32 = 12;
}

fn kind_of(e: &FerricError) -> i32 {
    match e {
        FerricError::IllegalArgument(_) => kind::ILLEGAL_ARGUMENT,
        FerricError::IndexOutOfBounds(_) => kind::INDEX_OUT_OF_BOUNDS,
        FerricError::IllegalState(_) | FerricError::Jni(_) => kind::ILLEGAL_STATE,
        FerricError::NullPointer(_) => kind::NULL_POINTER,
        FerricError::Io(_) => kind::IO,
        FerricError::OutOfMemory(_) => kind::OUT_OF_MEMORY,
        FerricError::Zip(_) => kind::ZIP,
        FerricError::Eof(_) => kind::EOF,
        FerricError::DecompressionLimit(_) => kind::DECOMPRESSION_LIMIT,
        FerricError::Lz4(_) => kind::LZ4,
        FerricError::RegexSyntax { .. } => kind::REGEX_SYNTAX,
    }
}

/// Runs `body`; a failure is recorded for this thread and returned as its negative kind.
fn run(body: impl FnOnce() -> Result<i32, FerricError>) -> i32 {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => fail(kind_of(&e), e.to_string()),
        Err(payload) => fail(kind::PANIC, crate::boundary::panic_message(payload.as_ref())),
    }
}

fn fail(kind: i32, message: String) -> i32 {
    LAST_ERROR.with(|l| *l.borrow_mut() = Some((kind, message)));
    -kind
}

/// As [`run`] for a float result: a failure returns NaN (Java then asks [`ferric_error_kind`]).
fn run_f32(body: impl FnOnce() -> Result<f32, FerricError>) -> f32 {
    let mut out = f32::NAN;
    run(|| {
        out = body()?;
        Ok(0)
    });
    out
}

/// The kind of this thread's unread failure, 0 if none (a NaN result was a real NaN).
#[no_mangle]
pub extern "C" fn ferric_error_kind() -> i32 {
    LAST_ERROR.with(|l| l.borrow().as_ref().map_or(0, |e| e.0))
}

/// Copies this thread's failure message (UTF-8, truncated to `cap`) into `buf`, clears the failure,
/// and returns the message's full length in bytes (-1 if there is none).
///
/// # Safety
/// `buf` points to `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn ferric_error_message(buf: *mut u8, cap: usize) -> i64 {
    match LAST_ERROR.with(|l| l.borrow_mut().take()) {
        None => -1,
        Some((_, message)) => {
            let n = message.len().min(cap);
            std::ptr::copy_nonoverlapping(message.as_ptr(), buf, n);
            message.len() as i64
        }
    }
}

/// `Blake3Native.hash`: writes the first `out_len` bytes of the BLAKE3 output of
/// `input[off, off + len)` to `out[out_off..]`. Returns 0.
///
/// # Safety
/// Java checked both ranges against their arrays.
#[no_mangle]
pub unsafe extern "C" fn ferric_blake3_hash(input: *const u8, off: i64, len: i64, out: *mut u8, out_off: i64, out_len: i64) -> i32 {
    crate::memory::Kernel::Blake3.enter();
    run(|| {
        let mut h = Hasher::new();
        h.update(slice(input, off, len));
        if out_len > 0 {
            h.finalize_xof_into(0, std::slice::from_raw_parts_mut(out.add(out_off as usize), out_len as usize));
        }
        Ok(0)
    })
}

/// `Blake3Native.absorb` on heap arrays: resets the hasher behind `handle` first if `reset_first` is
/// not 0, absorbs `pending[0, pending_len)`, then writes output bytes `seek..seek + out_len` to
/// `out[out_off..]` (nothing when `out_len` is 0; `out` may then be null). Returns 0.
///
/// # Safety
/// Java checked both ranges and holds an exclusive call guard on the live handle.
#[no_mangle]
pub unsafe extern "C" fn ferric_blake3_absorb(handle: i64, reset_first: i32, pending: *const u8, pending_len: i64,
                                              seek: i64, out: *mut u8, out_off: i64, out_len: i64) -> i32 {
    crate::memory::Kernel::Blake3.enter();
    run(|| {
        if seek < 0 {
            return Err(FerricError::IllegalArgument(format!("output offset must be >= 0, was {seek}")));
        }
        let h = crate::boundary::borrow_mut::<Hasher>(handle)?;
        if reset_first != 0 {
            h.reset();
        }
        h.update(slice(pending, 0, pending_len));
        if out_len > 0 {
            h.finalize_xof_into(seek as u64, std::slice::from_raw_parts_mut(out.add(out_off as usize), out_len as usize));
        }
        Ok(0)
    })
}

/// `CompressNative.lz4Compress` between two heap arrays (not the same one): compresses
/// `input[off, off + len)` into `out[out_off, out_off + out_len)`; returns the compressed length.
///
/// # Safety
/// Java checked both ranges against their arrays, which are distinct.
#[no_mangle]
pub unsafe extern "C" fn ferric_lz4_compress(input: *const u8, off: i32, len: i32, out: *mut u8, out_off: i32, out_len: i32) -> i32 {
    run(|| Ok(lz4::compress_into(slice(input, off as i64, len as i64), slice_mut(out, out_off, out_len)).or_throw()? as i32))
}

/// `CompressNative.lz4DecompressSafe` between two distinct heap arrays; returns the decompressed length.
///
/// # Safety
/// As [`ferric_lz4_compress`].
#[no_mangle]
pub unsafe extern "C" fn ferric_lz4_decompress_safe(input: *const u8, off: i32, len: i32, out: *mut u8, out_off: i32, out_len: i32) -> i32 {
    run(|| Ok(lz4::decompress_safe(slice(input, off as i64, len as i64), slice_mut(out, out_off, out_len)).or_throw()? as i32))
}

/// `CompressNative.lz4DecompressFast` between two distinct heap arrays: decompresses exactly `out_len`
/// bytes from the block at `input[off..]`; returns the compressed bytes read.
///
/// # Safety
/// As [`ferric_lz4_compress`].
#[no_mangle]
pub unsafe extern "C" fn ferric_lz4_decompress_fast(input: *const u8, off: i32, len: i32, out: *mut u8, out_off: i32, out_len: i32) -> i32 {
    run(|| Ok(lz4::decompress_fast(slice(input, off as i64, len as i64), slice_mut(out, out_off, out_len)).or_throw()? as i32))
}

/// `RegexNative.op` on an array: the `op` of the regex behind `handle` on `input[off, off + len)`,
/// searching from `from` (relative to `off`).
///
/// # Safety
/// Java checked the range and holds a shared call guard on the live handle.
#[no_mangle]
pub unsafe extern "C" fn ferric_regex_bytes_op(handle: i64, op: i32, input: *const u8, off: i32, len: i32, from: i32) -> i32 {
    crate::memory::Kernel::Regex.enter();
    run(|| {
        let re = crate::glue::regex::regex(handle)?;
        let from = crate::glue::regex::check_from(from, len)?;
        crate::glue::regex::run_op(re, op, Mode::Bytes, slice(input, off as i64, len as i64), from)
    })
}

/// `RegexNative.find` on an array: up to `out_len` slots of the matches in `input[off, off + len)`
/// from `from`, written to `out[0..]`; every offset relative to `off` (see the JNI twin). Returns the
/// slots written.
///
/// # Safety
/// Java checked the range and `out`'s length, and holds a shared call guard on the live handle.
#[no_mangle]
pub unsafe extern "C" fn ferric_regex_find(handle: i64, input: *const u8, off: i32, len: i32, from: i32, prev_end: i32,
                                           flags: i32, out: *mut i32, out_len: i32) -> i32 {
    crate::memory::Kernel::Regex.enter();
    run(|| {
        let re = crate::glue::regex::regex(handle)?;
        let from = crate::glue::regex::check_from(from, len)?;
        let out = slice_mut(out, 0, out_len);
        Ok(crate::glue::regex::find_batch(re, slice(input, off as i64, len as i64), from, prev_end, flags, out)? as i32)
    })
}

/// `VectorsNative.pairFloats`: `metric` of `a[a_off, +len)` and `b[b_off, +len)`.
///
/// # Safety
/// Java checked both ranges.
#[no_mangle]
pub unsafe extern "C" fn ferric_vectors_pair_f32(metric: i32, a: *const f32, a_off: i32, b: *const f32, b_off: i32, len: i32) -> f32 {
    pair(metric, ElementType::F32, slice(a, a_off as i64, len as i64), slice(b, b_off as i64, len as i64), parts_f32)
}

/// `VectorsNative.pairBytes`: `metric` of the int8 vectors `a[a_off, +len)` and `b[b_off, +len)`.
///
/// # Safety
/// Java checked both ranges.
#[no_mangle]
pub unsafe extern "C" fn ferric_vectors_pair_i8(metric: i32, a: *const i8, a_off: i32, b: *const i8, b_off: i32, len: i32) -> f32 {
    pair(metric, ElementType::I8, slice(a, a_off as i64, len as i64), slice(b, b_off as i64, len as i64), parts_i8)
}

fn pair<T>(metric: i32, element: ElementType, a: &[T], b: &[T], parts: fn(Metric, &[T], &[T]) -> Parts) -> f32 {
    crate::memory::Kernel::Vectors.enter();
    run_f32(|| {
        let m = Metric::from_code(metric).or_throw()?;
        check_combination(m, element).or_throw()?;
        Ok(finish(m, parts(m, a, b)))
    })
}

/// [`slice`], writable.
///
/// # Safety
/// As [`slice`], and nothing else reads or writes the range during the call.
unsafe fn slice_mut<'a, T>(base: *mut T, off: i32, len: i32) -> &'a mut [T] {
    if len <= 0 {
        return &mut [];
    }
    std::slice::from_raw_parts_mut(base.add(off as usize), len as usize)
}

/// `base[off, off + len)`; an empty slice for `len == 0` (the pointer of an empty array may dangle).
///
/// # Safety
/// The range lies within one live array, as Java checked.
unsafe fn slice<'a, T>(base: *const T, off: i64, len: i64) -> &'a [T] {
    if len <= 0 {
        return &[];
    }
    std::slice::from_raw_parts(base.add(off as usize), len as usize)
}
