//! Reading `java.lang.String` contents for the duration of one call, without pinning anything:
//! the UTF-16 units are copied out in bounded slices with `GetStringRegion`.

use jni::objects::JString;
use jni::sys::jsize;
use jni::Env;

use super::error::{FerricError, FerricResult};

/// UTF-16 units copied per `GetStringRegion` call (32 KiB of stack).
pub const STRING_CHUNK: usize = 16 * 1024;

/// Length of `s` in UTF-16 units.
pub fn string_len(env: &Env<'_>, s: &JString<'_>) -> FerricResult<usize> {
    if s.is_null() {
        return Err(FerricError::NullPointer("input string is null".into()));
    }
    let raw = env.get_raw();
    // SAFETY: `raw` is this thread's valid JNIEnv and `s` a live, non-null string reference.
    let len = unsafe { ((**raw).v1_1.GetStringLength)(raw, s.as_raw()) };
    Ok(len.max(0) as usize)
}

/// Calls `f` on consecutive slices of the UTF-16 units of `s`, in order, and returns its length.
/// A surrogate pair may be split between two slices. `f` must not call back into the JVM.
pub fn read_utf16<F: FnMut(&[u16])>(env: &Env<'_>, s: &JString<'_>, mut f: F) -> FerricResult<usize> {
    let len = string_len(env, s)?;
    let raw = env.get_raw();
    let mut buf = [0u16; STRING_CHUNK];
    let mut pos = 0;
    while pos < len {
        let n = STRING_CHUNK.min(len - pos);
        // SAFETY: [pos, pos + n) lies within the string (its length cannot change), so no exception
        // is raised; `buf` holds n units.
        unsafe { ((**raw).v1_2.GetStringRegion)(raw, s.as_raw(), pos as jsize, n as jsize, buf.as_mut_ptr()) };
        f(&buf[..n]);
        pos += n;
    }
    Ok(len)
}
