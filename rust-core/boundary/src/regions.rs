//! In-place access to a range of a `byte[]` or of a direct `ByteBuffer`, for kernels that read one
//! region and write another in the same call (codecs). Arrays are accessed inside JNI critical
//! sections, so callers keep each call's work bounded (a few hundred KiB) and make no JNI calls inside.

use jni::objects::{JByteArray, JByteBuffer, ReleaseMode};
use jni::sys::jint;
use jni::Env;

use super::arrays::check_from_index_size;
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
            check_from_index_size(self.off, self.len, self.array.len(env)?)?;
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

/// Runs `f` on the bytes of `input`, read in place.
pub fn with_input<R>(env: &Env<'_>, input: &Region<'_, '_>, f: impl FnOnce(&[u8]) -> R) -> FerricResult<R> {
    input.check(env)?;
    if input.is_empty() {
        return Ok(f(&[]));
    }
    if input.array.is_null() {
        let p = input.direct_ptr(env)?;
        // SAFETY: checked range of a live direct buffer (a call argument, so reachable during the call).
        return Ok(f(unsafe { std::slice::from_raw_parts(p, input.len()) }));
    }
    // SAFETY: one read-only critical view, released before any other JNI call.
    let e = unsafe { input.array.get_elements_critical(env, ReleaseMode::NoCopyBack)? };
    let (o, n) = (input.off as usize, input.len());
    Ok(f(as_u8(&e[o..o + n])))
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
        !input.is_empty() && env.is_same_object(input.array, output.array)?
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
        // SAFETY: a second critical view (JNI allows nesting) of a different array, read-only.
        let e = unsafe { input.array.get_elements_critical(env, ReleaseMode::NoCopyBack)? };
        let (o, n) = (input.off as usize, input.len());
        Ok(f(as_u8(&e[o..o + n]), out))
    };
    if output.is_empty() {
        return run_with_out(&mut []);
    }
    if !out_ptr.is_null() {
        // SAFETY: checked range of a live direct buffer; no other view of it exists (overlap handled above).
        return run_with_out(unsafe { std::slice::from_raw_parts_mut(out_ptr, output.len()) });
    }
    // SAFETY: one writable critical view of the output array, copied back and released on drop.
    let mut e = unsafe { output.array.get_elements_critical(env, ReleaseMode::CopyBack)? };
    let (o, n) = (output.off as usize, output.len());
    run_with_out(as_u8_mut(&mut e[o..o + n]))
}
