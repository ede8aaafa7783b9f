//! The one byte range every kernel takes from Java: `[off, off + len)` of a `byte[]` or of a direct
//! `ByteBuffer`, exactly one of the two non-null (Java's `dev.ferric.internal.ByteRange`). Offsets a
//! kernel reports are relative to the range's first byte. Arrays are accessed inside JNI critical
//! sections, so callers keep each call's work bounded (a few hundred KiB) and make no JNI calls inside.

use jni::objects::{JByteArray, JByteBuffer};
use jni::sys::jint;
use jni::Env;

use super::arrays::{array_len, check_from_index_size, read_chunks, same_object, with_bytes, Critical};
use super::buffers::direct_slice;
use super::error::{FerricError, FerricResult};

/// `[off, off + len)` of `array`, or of the direct `buffer` when `array` is null.
#[derive(Clone, Copy)]
pub struct Region<'a, 'l> {
    pub array: &'a JByteArray<'l>,
    pub buffer: &'a JByteBuffer<'l>,
    pub off: jint,
    pub len: jint,
}

impl<'a, 'l> Region<'a, 'l> {
    /// `[off, off + len)` of `array`, or of `buffer` when `array` is null (checked when accessed).
    pub fn new(array: &'a JByteArray<'l>, buffer: &'a JByteBuffer<'l>, off: jint, len: jint) -> Self {
        Region { array, buffer, off, len }
    }

    /// The sub-range `[off + from, off + from + len)`; `from` and `len` must lie within this region.
    pub fn sub(&self, from: usize, len: usize) -> Region<'a, 'l> {
        debug_assert!(from + len <= self.len as usize);
        Region { off: self.off + from as jint, len: len as jint, ..*self }
    }

    /// Length of the region in bytes.
    pub fn len(&self) -> usize {
        self.len.max(0) as usize
    }

    /// Whether the region is empty.
    pub fn is_empty(&self) -> bool {
        self.len <= 0
    }

    fn check(&self, env: &Env<'_>) -> FerricResult<()> {
        if !self.array.is_null() {
            check_from_index_size(self.off, self.len, array_len(env, self.array)?)?;
            return Ok(());
        }
        if self.buffer.is_null() {
            return Err(FerricError::NullPointer("neither an array nor a buffer was given".into()));
        }
        check_from_index_size(self.off, self.len, env.get_direct_buffer_capacity(self.buffer)?)?;
        Ok(())
    }

    /// Start address of a direct buffer region (null for arrays and empty regions).
    fn direct_ptr(&self, env: &Env<'_>) -> FerricResult<*mut u8> {
        if !self.array.is_null() || self.len == 0 {
            return Ok(std::ptr::null_mut());
        }
        let base = env.get_direct_buffer_address(self.buffer)?;
        if base.is_null() {
            return Err(FerricError::IllegalArgument("buffer is not a direct buffer".into()));
        }
        // SAFETY: `off` was checked against the capacity.
        Ok(unsafe { base.add(self.off as usize) })
    }
}

fn as_u8(s: &[i8]) -> &[u8] {
    // SAFETY: i8 and u8 have the same size, alignment and validity.
    unsafe { std::slice::from_raw_parts(s.as_ptr().cast(), s.len()) }
}

fn as_u8_mut(s: &mut [i8]) -> &mut [u8] {
    // SAFETY: as in `as_u8`.
    unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr().cast(), s.len()) }
}

/// Runs `f` on all the bytes of `input` at once: a small array range copied, a larger one read in
/// place inside one critical section (for the duration of `f`, which must not call the JVM), a
/// direct buffer in place.
pub fn with_input<R>(env: &Env<'_>, input: &Region<'_, '_>, f: impl FnOnce(&[u8]) -> R) -> FerricResult<R> {
    if !input.array.is_null() {
        return with_bytes(env, input.array, input.off, input.len, f);
    }
    if input.buffer.is_null() {
        return Err(FerricError::NullPointer("neither an array nor a buffer was given".into()));
    }
    Ok(f(direct_slice(env, input.buffer, input.off, input.len)?))
}

/// Calls `f` on consecutive pieces of `input`, in order: an array range in bounded critical sections
/// (so the garbage collector never waits long), a direct buffer in one piece.
pub fn for_each_chunk(env: &Env<'_>, input: &Region<'_, '_>, mut f: impl FnMut(&[u8])) -> FerricResult<()> {
    if !input.array.is_null() {
        return read_chunks(env, input.array, input.off, input.len, f);
    }
    with_input(env, input, |b| f(b))
}

/// Runs `f` on `input` (read) and `output` (written) in place. If the two may overlap (the same array,
/// or direct buffers sharing memory) the input is copied first, so `f` never sees aliased memory.
pub fn with_regions<R>(
    env: &Env<'_>,
    input: &Region<'_, '_>,
    output: &Region<'_, '_>,
    f: impl FnOnce(&[u8], &mut [u8]) -> R,
) -> FerricResult<R> {
    input.check(env)?;
    output.check(env)?;
    let mut copied: Option<Vec<u8>> = None;
    let in_ptr = input.direct_ptr(env)?;
    let out_ptr = output.direct_ptr(env)?;
    let overlapping = if !input.array.is_null() && !output.array.is_null() {
        !input.is_empty() && same_object(env, input.array, output.array)
    } else if !in_ptr.is_null() && !out_ptr.is_null() {
        let (a, b) = (in_ptr as usize, out_ptr as usize);
        a < b + output.len() && b < a + input.len()
    } else {
        false
    };
    if overlapping {
        copied = Some(with_input(env, input, |b| b.to_vec())?);
    }
    // Output view first (a critical section if it is an array), then the input inside it.
    let run_with_out = |out: &mut [u8]| -> FerricResult<R> {
        if let Some(c) = &copied {
            return Ok(f(c, out));
        }
        if input.is_empty() {
            return Ok(f(&[], out));
        }
        if !in_ptr.is_null() {
            // SAFETY: checked range of a live direct buffer that does not overlap `out`.
            return Ok(f(unsafe { std::slice::from_raw_parts(in_ptr, input.len()) }, out));
        }
        // SAFETY: a second critical view (JNI allows nesting) of a different array, read-only, of the
        // range `check` accepted.
        let e = unsafe { Critical::open(env, input.array, input.off as usize, input.len(), false)? };
        Ok(f(as_u8(e.slice()), out))
    };
    if output.is_empty() {
        return run_with_out(&mut []);
    }
    if !out_ptr.is_null() {
        // SAFETY: checked range of a live direct buffer; no other view of it exists (overlap handled above).
        return run_with_out(unsafe { std::slice::from_raw_parts_mut(out_ptr, output.len()) });
    }
    // SAFETY: one writable critical view of the range `check` accepted, copied back and released on drop.
    let mut e = unsafe { Critical::open(env, output.array, output.off as usize, output.len(), true)? };
    run_with_out(as_u8_mut(e.slice_mut()))
}
