//! Opaque `long` handles for Rust objects owned by one Java object.
//!
//! A handle is `Box::into_raw` as a `jlong`. The Java side (`NativeResource`) guarantees it passes
//! a handle only while it is live, never concurrently to a mutating call, and frees it exactly once;
//! these helpers still refuse 0 so a Java-side bug becomes an exception, not a crash.

use jni::sys::jlong;

use super::error::{FerricError, FerricResult};

/// Moves `value` to the heap and returns its handle.
pub fn into_handle<T>(value: T) -> jlong {
    Box::into_raw(Box::new(value)) as jlong
}

/// Borrows the object behind `handle` for the duration of one call.
///
/// # Safety
/// `handle` must be 0 or a live handle of type `T` made by [`into_handle`], not used by another
/// thread for the duration of the borrow.
pub unsafe fn borrow_mut<'a, T>(handle: jlong) -> FerricResult<&'a mut T> {
    match (handle as *mut T).as_mut() {
        Some(v) => Ok(v),
        None => Err(FerricError::IllegalState(
            "native handle is 0 (object closed)".into(),
        )),
    }
}

/// Borrows the object behind `handle` read-only, for a call that may run on many threads at once.
///
/// # Safety
/// `handle` must be 0 or a live handle of type `T` made by [`into_handle`], and `T` must be `Sync`
/// (no thread mutates it during the borrow).
pub unsafe fn borrow<'a, T: Sync>(handle: jlong) -> FerricResult<&'a T> {
    match (handle as *const T).as_ref() {
        Some(v) => Ok(v),
        None => Err(FerricError::IllegalState(
            "native handle is 0 (object closed)".into(),
        )),
    }
}

/// Drops the object behind `handle`; 0 is ignored.
///
/// # Safety
/// `handle` must be 0 or a live handle of type `T`, and must not be used again.
pub unsafe fn free<T>(handle: jlong) {
    if handle != 0 {
        drop(Box::from_raw(handle as *mut T));
    }
}

/// The body of every handle class's `static native void free(long handle)`, declared in its
/// kernel's table as `{ fn free(handle: jlong), fn = boundary::free_handle::<T> }`.
pub fn free_handle<T: crate::memory::Owned>(
    _env: &mut jni::Env<'_>,
    _this: jni::objects::JObject<'_>,
    handle: jlong,
) -> FerricResult<()> {
    T::KERNEL.enter();
    // SAFETY: NativeResource frees each handle exactly once, after its last use.
    unsafe { free::<T>(handle) };
    Ok(())
}
