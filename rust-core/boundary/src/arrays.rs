//! Access to Java arrays for the duration of one call, following ferric's memory contract:
//! small inputs are copied onto the stack, large ones are read in place through bounded critical
//! sections, so a huge array never holds off the garbage collector for long.

use jni::objects::{JByteArray, JObject, JPrimitiveArray, TypeArray};
use jni::sys::{jarray, jbyte, jint, jsize, JNIEnv, JNINativeInterface_, JNI_ABORT};
use jni::Env;
use std::mem::MaybeUninit;

use super::error::{FerricError, FerricResult};

/// Inputs up to this size are copied with `GetByteArrayRegion` into a stack buffer.
pub const COPY_THRESHOLD: usize = 1024;

/// Largest slice read in one critical section (GC may be held off while it is held): at BLAKE3's
/// ~5 GB/s on one core that is ~50 µs.
pub const CRITICAL_CHUNK: usize = 256 * 1024;

/// Checks `off`/`len` against `array_len` the way `Objects.checkFromIndexSize` does.
pub fn check_from_index_size(off: jint, len: jint, array_len: usize) -> FerricResult<(usize, usize)> {
    if off < 0 || len < 0 || (off as usize).checked_add(len as usize).is_none_or(|end| end > array_len) {
        return Err(FerricError::IndexOutOfBounds(format!(
            "Range [{off}, {off} + {len}) out of bounds for length {array_len}"
        )));
    }
    Ok((off as usize, len as usize))
}

fn non_null(array: &JByteArray<'_>, what: &str) -> FerricResult<()> {
    if array.is_null() {
        return Err(FerricError::NullPointer(format!("{what} is null")));
    }
    Ok(())
}

fn as_bytes(s: &[i8]) -> &[u8] {
    // SAFETY: i8 and u8 have the same size, alignment and validity.
    unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<u8>(), s.len()) }
}

/// The raw JNI function table. The small-array paths below call it directly: the `jni` crate checks
/// for a pending exception before and after every call, and for a 64-byte input those checks cost
/// more than hashing it (measured: `ExceptionCheck` was 26% of a 64-byte `Blake3.hash`).
fn raw(env: &Env<'_>) -> (*mut JNIEnv, *const JNINativeInterface_) {
    let e = env.get_raw();
    // SAFETY: `Env` holds a valid, non-null JNIEnv pointer for the current thread.
    (e, unsafe { *e })
}

/// Copies `array[off..off + len]` into `buf` (`len <= COPY_THRESHOLD`) with one `GetByteArrayRegion`;
/// the JVM bounds-checks the region itself and throws `ArrayIndexOutOfBoundsException`, which we detect
/// with a single `ExceptionCheck` and leave pending. The buffer is not zeroed first (1 KiB per call):
/// only the `len` bytes the JVM wrote are ever read.
fn copy_small<'b>(
    env: &Env<'_>,
    array: &JByteArray<'_>,
    off: jint,
    len: jint,
    buf: &'b mut MaybeUninit<[u8; COPY_THRESHOLD]>,
) -> FerricResult<&'b [u8]> {
    non_null(array, "input array")?;
    if !(0..=COPY_THRESHOLD as jint).contains(&len) {
        return Err(FerricError::IndexOutOfBounds(format!("length {len} out of range")));
    }
    let (e, f) = raw(env);
    let dst = buf.as_mut_ptr().cast::<u8>();
    // SAFETY: non-null array reference of this frame; `buf` has room for `len` bytes.
    unsafe {
        ((*f).v1_1.GetByteArrayRegion)(e, array.as_raw(), off, len, dst.cast::<jbyte>());
        if ((*f).v1_2.ExceptionCheck)(e) {
            return Err(FerricError::Jni(jni::errors::Error::JavaException));
        }
        // SAFETY: without a pending exception the JVM wrote all `len` bytes.
        Ok(std::slice::from_raw_parts(dst, len as usize))
    }
}

/// Copies `data` into `array[off..]` with one `SetByteArrayRegion`. The JVM bounds-checks it; an
/// exception it throws stays pending and is raised when the native method returns, so this must be
/// the last JNI call of the method.
pub fn write_small_last(env: &Env<'_>, array: &JByteArray<'_>, off: jint, data: &[u8]) -> FerricResult<()> {
    non_null(array, "output array")?;
    let len = jsize::try_from(data.len()).map_err(|_| FerricError::IllegalArgument("output too large".into()))?;
    let (e, f) = raw(env);
    // SAFETY: non-null array reference of this frame; `data` holds `len` bytes.
    unsafe { ((*f).v1_1.SetByteArrayRegion)(e, array.as_raw(), off, len, data.as_ptr().cast::<jbyte>()) };
    Ok(())
}

/// The length of a non-null array: one `GetArrayLength`, which cannot throw for a valid reference
/// (so no `ExceptionCheck` after it, which the per-record calls would pay for).
pub fn array_len<T: TypeArray>(env: &Env<'_>, array: &JPrimitiveArray<'_, T>) -> FerricResult<usize> {
    if array.is_null() {
        return Err(FerricError::NullPointer("array is null".into()));
    }
    let (e, f) = raw(env);
    // SAFETY: non-null array reference of this frame.
    let len = unsafe { ((*f).v1_1.GetArrayLength)(e, array.as_raw() as jarray) };
    Ok(len as usize)
}

/// Copies `data` into `array[0..]` with one `SetIntArrayRegion`, like [`write_small_last`]: a bounds
/// exception stays pending and is raised when the native method returns, so this must be its last JNI call.
pub fn write_ints_last(env: &Env<'_>, array: &JPrimitiveArray<'_, jint>, data: &[jint]) -> FerricResult<()> {
    if array.is_null() {
        return Err(FerricError::NullPointer("output array is null".into()));
    }
    let len = jsize::try_from(data.len()).map_err(|_| FerricError::IllegalArgument("output too large".into()))?;
    let (e, f) = raw(env);
    // SAFETY: non-null int array reference of this frame; `data` holds `len` ints.
    unsafe { ((*f).v1_1.SetIntArrayRegion)(e, array.as_raw(), 0, len, data.as_ptr()) };
    Ok(())
}

/// Whether two non-null references denote the same object: one `IsSameObject`, which cannot throw.
pub fn same_object(env: &Env<'_>, a: &JObject<'_>, b: &JObject<'_>) -> bool {
    let (e, f) = raw(env);
    // SAFETY: valid references of this frame (IsSameObject accepts null ones too).
    unsafe { ((*f).v1_1.IsSameObject)(e, a.as_raw(), b.as_raw()) }
}

/// `[off, off + len)` of a primitive array held in a JNI critical section, released on drop (also
/// while unwinding from a panic of the code reading it). Opened and released with raw JNI calls: the
/// `jni` crate's wrappers make exception checks around each, which cost more than a small kernel and
/// which the specification forbids inside a critical section anyway.
pub(crate) struct Critical<T> {
    env: *mut JNIEnv,
    array: jarray,
    base: *mut T,
    off: usize,
    len: usize,
    mode: jint,
}

impl<T: TypeArray> Critical<T> {
    /// Opens the section; `copy_back` writes changes back on release (else they are discarded).
    /// Failure is the null the JVM returns, with its `OutOfMemoryError` pending.
    ///
    /// # Safety
    /// `array` is a live, non-null array of this frame whose length holds `[off, off + len)` (checked
    /// by the caller); no JNI call other than opening or releasing another critical section may
    /// happen until this is dropped.
    pub(crate) unsafe fn open(env: &Env<'_>, array: &JPrimitiveArray<'_, T>, off: usize, len: usize, copy_back: bool) -> FerricResult<Self> {
        let (e, f) = raw(env);
        let array = array.as_raw() as jarray;
        let base = unsafe { ((*f).v1_2.GetPrimitiveArrayCritical)(e, array, std::ptr::null_mut()) }.cast::<T>();
        if base.is_null() {
            return Err(FerricError::OutOfMemory("GetPrimitiveArrayCritical failed".into()));
        }
        Ok(Critical { env: e, array, base, off, len, mode: if copy_back { 0 } else { JNI_ABORT } })
    }

    pub(crate) fn slice(&self) -> &[T] {
        // SAFETY: the range lies within the array (`open`'s contract), which the JVM keeps in place
        // until release.
        unsafe { std::slice::from_raw_parts(self.base.add(self.off), self.len) }
    }

    pub(crate) fn slice_mut(&mut self) -> &mut [T] {
        // SAFETY: as in `slice`; `&mut self` makes this the only view through this section.
        unsafe { std::slice::from_raw_parts_mut(self.base.add(self.off), self.len) }
    }
}

impl<T> Drop for Critical<T> {
    fn drop(&mut self) {
        // SAFETY: releases the section `open` made, with the pointer it returned, on the same thread.
        unsafe { ((**self.env).v1_2.ReleasePrimitiveArrayCritical)(self.env, self.array, self.base.cast(), self.mode) };
    }
}

/// Calls `f` on consecutive pieces of `array[off..off + len]`, in order. `f` must not call back
/// into the JVM: for large arrays it runs inside a JNI critical section.
pub fn read_chunks<F>(env: &Env<'_>, array: &JByteArray<'_>, off: jint, len: jint, mut f: F) -> FerricResult<()>
where
    F: FnMut(&[u8]),
{
    if (0..=COPY_THRESHOLD as jint).contains(&len) {
        let mut buf = MaybeUninit::uninit();
        f(copy_small(env, array, off, len, &mut buf)?);
        return Ok(());
    }
    non_null(array, "input array")?;
    let (off, len) = check_from_index_size(off, len, array.len(env)?)?;
    let end = off + len;
    let mut pos = off;
    while pos < end {
        let n = CRITICAL_CHUNK.min(end - pos);
        // One bounded critical section per slice, with no other JNI call inside it (the jni crate's
        // wrapper would make exception checks there, which the JNI specification forbids).
        with_critical_pair(env, array, None, |a, _| f(as_bytes(&a[pos..pos + n])))?;
        pos += n;
    }
    Ok(())
}

/// Calls `f` once on all of `array[off..off + len]`: copied when small, otherwise read in place
/// inside one JNI critical section for the duration of `f` (the garbage collector may wait for it;
/// use a direct buffer for inputs too large to hold up the collector). `f` must not call into the JVM.
pub fn with_bytes<R, F>(env: &Env<'_>, array: &JByteArray<'_>, off: jint, len: jint, f: F) -> FerricResult<R>
where
    F: FnOnce(&[u8]) -> R,
{
    if (0..=COPY_THRESHOLD as jint).contains(&len) {
        let mut buf = MaybeUninit::uninit();
        return Ok(f(copy_small(env, array, off, len, &mut buf)?));
    }
    non_null(array, "input array")?;
    let (off, len) = check_from_index_size(off, len, array.len(env)?)?;
    // one read-only critical section, with no other JNI call inside it
    with_critical_pair(env, array, None, |a, _| f(as_bytes(&a[off..off + len])))
}

/// Copies `data` into `array[off..off + data.len()]`, checking that it fits in `len` bytes.
pub fn write_region(env: &Env<'_>, array: &JByteArray<'_>, off: jint, len: jint, data: &[u8]) -> FerricResult<()> {
    non_null(array, "output array")?;
    let (off, len) = check_from_index_size(off, len, array.len(env)?)?;
    let data = &data[..len.min(data.len())];
    // SAFETY: as in `as_bytes`, the other direction.
    let signed = unsafe { std::slice::from_raw_parts(data.as_ptr().cast::<i8>(), data.len()) };
    array.set_region(env, off as jsize, signed)?;
    Ok(())
}

/// Calls `f` on read-only views of two primitive arrays (`b == None`: `a` twice), both held in JNI
/// critical sections for the duration of `f`, which must be short and must not call the JVM.
///
/// This is the lean path for hot, small calls: jni-rs brackets each JNI call with exception checks
/// (each a JVM state transition), which cost more than a 768-element kernel. Here both lengths are
/// read first, so no JNI call happens while a critical section is open, and failure is the null
/// pointer the JVM returns (with its `OutOfMemoryError` already pending).
pub fn with_critical_pair<T: TypeArray, R>(
    env: &Env<'_>,
    a: &JPrimitiveArray<'_, T>,
    b: Option<&JPrimitiveArray<'_, T>>,
    f: impl FnOnce(&[T], &[T]) -> R,
) -> FerricResult<R> {
    // (array_len refuses a null array)
    let len_a = array_len(env, a)?;
    let b = match b {
        Some(b) => Some((b, array_len(env, b)?)),
        None => None,
    };
    // SAFETY: live, non-null arrays of this frame, whole ranges; between the two opens and the drops
    // no other JNI call happens (critical sections may nest).
    let sa = unsafe { Critical::open(env, a, 0, len_a, false)? };
    Ok(match b {
        Some((b, len_b)) => {
            let sb = unsafe { Critical::open(env, b, 0, len_b, false)? };
            f(sa.slice(), sb.slice())
        }
        None => f(sa.slice(), sa.slice()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_checks_match_the_jdk() {
        assert_eq!(check_from_index_size(0, 0, 0).unwrap(), (0, 0));
        assert_eq!(check_from_index_size(2, 3, 5).unwrap(), (2, 3));
        assert!(check_from_index_size(-1, 1, 5).is_err());
        assert!(check_from_index_size(1, -1, 5).is_err());
        assert!(check_from_index_size(3, 3, 5).is_err());
        assert!(check_from_index_size(i32::MAX, i32::MAX, usize::MAX >> 1).is_ok());
        assert!(check_from_index_size(i32::MAX, 1, i32::MAX as usize).is_err());
    }
}
