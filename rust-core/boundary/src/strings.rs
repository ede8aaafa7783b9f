//! Reading `java.lang.String` contents for the duration of one call, without pinning anything:
//! the UTF-16 units are copied out in bounded slices with `GetStringRegion`.

use jni::objects::{JObjectArray, JString};
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

/// Calls `f` once on all UTF-16 units of `s`, read in place inside one JNI critical section
/// (`GetStringCritical`; a JVM that stores the string compactly hands out an inflated copy instead).
/// The garbage collector may wait for `f`, so `f` must be short and bounded (a linear pass) and must
/// not call into the JVM.
pub fn with_utf16_critical<R, F: FnOnce(&[u16]) -> R>(env: &Env<'_>, s: &JString<'_>, f: F) -> FerricResult<R> {
    let len = string_len(env, s)?;
    if len == 0 {
        return Ok(f(&[]));
    }
    let raw = env.get_raw();
    // SAFETY: `raw` is this thread's JNIEnv, `s` a live non-null string; the pointer stays valid until
    // the matching release below, and no JNI call happens in between.
    unsafe {
        let p = ((**raw).v1_2.GetStringCritical)(raw, s.as_raw(), std::ptr::null_mut());
        if p.is_null() {
            return Err(FerricError::OutOfMemory("GetStringCritical failed".into()));
        }
        let r = f(std::slice::from_raw_parts(p, len));
        ((**raw).v1_2.ReleaseStringCritical)(raw, s.as_raw(), p);
        Ok(r)
    }
}

/// A new `String[]` holding `items` in order, null where an item is `None`.
pub fn string_array<'l, 'a>(
    env: &mut Env<'l>,
    items: impl ExactSizeIterator<Item = Option<&'a str>>,
) -> FerricResult<JObjectArray<'l, JString<'l>>> {
    let out = env.new_object_array(items.len() as jsize, jni::jni_str!("java/lang/String"), JString::null())?;
    for (i, item) in items.enumerate() {
        if let Some(item) = item {
            let item = env.new_string(item)?;
            out.set_element(env, i, &item)?;
        }
    }
    Ok(JObjectArray::<JString>::cast_local(env, out)?)
}
