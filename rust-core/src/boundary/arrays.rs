//! Access to Java arrays for the duration of one call, following ferric's memory contract:
//! small inputs are copied onto the stack, large ones are read in place through bounded critical
//! sections, so a huge array never holds off the garbage collector for long.

use jni::objects::{JByteArray, ReleaseMode};
use jni::sys::{jint, jsize};
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

/// Calls `f` on consecutive pieces of `array[off..off + len]`, in order. `f` must not call back
/// into the JVM: for large arrays it runs inside a JNI critical section.
pub fn read_chunks<F>(env: &Env<'_>, array: &JByteArray<'_>, off: jint, len: jint, mut f: F) -> FerricResult<()>
where
    F: FnMut(&[u8]),
{
    non_null(array, "input array")?;
    let (off, len) = check_from_index_size(off, len, array.len(env)?)?;
    if len <= COPY_THRESHOLD {
        let mut buf = [0i8; COPY_THRESHOLD];
        array.get_region(env, off as jsize, &mut buf[..len])?;
        f(as_bytes(&buf[..len]));
        return Ok(());
    }
    let end = off + len;
    let mut pos = off;
    while pos < end {
        let n = CRITICAL_CHUNK.min(end - pos);
        // SAFETY: one critical view at a time, read-only, released before the next JNI call.
        let elements = unsafe { array.get_elements_critical(env, ReleaseMode::NoCopyBack)? };
        f(as_bytes(&elements[pos..pos + n]));
        drop(elements);
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
    non_null(array, "input array")?;
    let (off, len) = check_from_index_size(off, len, array.len(env)?)?;
    if len <= COPY_THRESHOLD {
        let mut buf = [0i8; COPY_THRESHOLD];
        array.get_region(env, off as jsize, &mut buf[..len])?;
        return Ok(f(as_bytes(&buf[..len])));
    }
    // SAFETY: one read-only critical view, released before any other JNI call.
    let elements = unsafe { array.get_elements_critical(env, ReleaseMode::NoCopyBack)? };
    let r = f(as_bytes(&elements[off..off + len]));
    drop(elements);
    Ok(r)
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
