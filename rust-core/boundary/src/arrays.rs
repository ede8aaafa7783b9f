//! Access to Java arrays for the duration of one call, following ferric's memory contract:
//! small inputs are copied onto the stack, large ones are read in place through bounded critical
//! sections, so a huge array never holds off the garbage collector for long.

use jni::objects::{JByteArray, JPrimitiveArray, TypeArray};
use jni::sys::{jarray, jbyte, jint, jsize, JNIEnv, JNINativeInterface_, JNI_ABORT};
use jni::Env;

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

/// Copies `array[off..off + len]` into `buf` (`len <= buf.len()`) with one `GetByteArrayRegion`; the
/// JVM bounds-checks the region itself and throws `ArrayIndexOutOfBoundsException`, which we detect
/// with a single `ExceptionCheck` and leave pending.
fn copy_small<'b>(env: &Env<'_>, array: &JByteArray<'_>, off: jint, len: jint, buf: &'b mut [u8]) -> FerricResult<&'b [u8]> {
    non_null(array, "input array")?;
    if len < 0 || len as usize > buf.len() {
        return Err(FerricError::IndexOutOfBounds(format!("length {len} out of range")));
    }
    let (e, f) = raw(env);
    // SAFETY: non-null array reference of this frame; `buf` has room for `len` bytes.
    unsafe {
        ((*f).v1_1.GetByteArrayRegion)(e, array.as_raw(), off, len, buf.as_mut_ptr().cast::<jbyte>());
        if ((*f).v1_2.ExceptionCheck)(e) {
            return Err(FerricError::Jni(jni::errors::Error::JavaException));
        }
    }
    Ok(&buf[..len as usize])
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
        return Err(FerricError::NullPointer("output array is null".into()));
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

/// Calls `f` on consecutive pieces of `array[off..off + len]`, in order. `f` must not call back
/// into the JVM: for large arrays it runs inside a JNI critical section.
pub fn read_chunks<F>(env: &Env<'_>, array: &JByteArray<'_>, off: jint, len: jint, mut f: F) -> FerricResult<()>
where
    F: FnMut(&[u8]),
{
    if (0..=COPY_THRESHOLD as jint).contains(&len) {
        let mut buf = [0u8; COPY_THRESHOLD];
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
        let mut buf = [0u8; COPY_THRESHOLD];
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
    if a.is_null() || b.is_some_and(|b| b.is_null()) {
        return Err(FerricError::NullPointer("array is null".into()));
    }
    let raw = env.get_raw();
    let (ja, jb) = (a.as_raw() as jarray, b.map(|b| b.as_raw() as jarray));
    // SAFETY: `raw` is this thread's valid JNIEnv; `ja`/`jb` are live, non-null primitive arrays of
    // element type T (their Rust types say so). No JNI call is made between Get and Release except
    // the second Get, which the JNI specification allows (critical sections may nest).
    unsafe {
        let jni = &**raw;
        let len_a = (jni.v1_1.GetArrayLength)(raw, ja) as usize;
        let len_b = jb.map(|jb| (jni.v1_1.GetArrayLength)(raw, jb) as usize);
        let pa = (jni.v1_2.GetPrimitiveArrayCritical)(raw, ja, std::ptr::null_mut());
        if pa.is_null() {
            return Err(FerricError::OutOfMemory("GetPrimitiveArrayCritical failed".into()));
        }
        let sa = std::slice::from_raw_parts(pa as *const T, len_a);
        let result = match (jb, len_b) {
            (Some(jb), Some(len_b)) => {
                let pb = (jni.v1_2.GetPrimitiveArrayCritical)(raw, jb, std::ptr::null_mut());
                if pb.is_null() {
                    (jni.v1_2.ReleasePrimitiveArrayCritical)(raw, ja, pa, JNI_ABORT);
                    return Err(FerricError::OutOfMemory("GetPrimitiveArrayCritical failed".into()));
                }
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(sa, std::slice::from_raw_parts(pb as *const T, len_b))));
                (jni.v1_2.ReleasePrimitiveArrayCritical)(raw, jb, pb, JNI_ABORT);
                r
            }
            _ => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(sa, sa))),
        };
        (jni.v1_2.ReleasePrimitiveArrayCritical)(raw, ja, pa, JNI_ABORT);
        // a panic inside `f` is re-raised only after both sections are closed
        result.map_err(|p| std::panic::resume_unwind(p))
    }
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
