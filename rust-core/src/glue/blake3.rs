//! JNI glue for `dev.ferric.blake3.Blake3Native`: decode arguments, call `ferric_kernels::blake3`, encode results.

// Each function takes its Java method's parameters, one by one.
#![allow(clippy::too_many_arguments)]

use std::path::Path;

use jni::objects::{JByteArray, JByteBuffer, JObject, JString};
use jni::sys::{jboolean, jint, jlong};
use jni::Env;

use ferric_kernels::blake3::{Hasher, KEY_LEN};
use crate::boundary::{self, for_each_chunk, read_chunks, FerricError, FerricResult, Region};

/// Largest output produced in one call; longer outputs are read at increasing offsets.
const MAX_OUT_CHUNK: usize = 64 * 1024;

/// Writes output bytes `seek..seek + len` (`seek >= 0`, checked by the caller before it changed the
/// hasher) into `out[off..]`; must be the last JNI use of the call.
fn write_output(
    env: &jni::Env<'_>,
    h: &Hasher,
    seek: jlong,
    out: &JByteArray<'_>,
    off: jint,
    len: jint,
) -> FerricResult<()> {
    debug_assert!(seek >= 0, "callers check the output offset before the hasher is touched");
    if (0..=64).contains(&len) {
        // the common 32-byte digest: one JNI call, bounds-checked by the JVM
        let mut buf = [0u8; 64];
        let buf = &mut buf[..len as usize];
        h.finalize_xof_into(seek as u64, buf);
        return boundary::write_small_last(env, out, off, buf);
    }
    let mut done: usize = 0;
    let len_usize =
        boundary::check_from_index_size(off, len, if out.is_null() { 0 } else { out.len(env)? })?.1;
    let mut buf = vec![0u8; MAX_OUT_CHUNK.min(len_usize)];
    while done < len_usize {
        let n = buf.len().min(len_usize - done);
        h.finalize_xof_into(seek as u64 + done as u64, &mut buf[..n]);
        boundary::write_region(env, out, off + done as jint, n as jint, &buf[..n])?;
        done += n;
    }
    Ok(())
}

/// The digest of one byte range (an array or a direct buffer) into `out[out_off, +out_len)`.
fn hash<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    out: JByteArray<'l>,
    out_off: jint,
    out_len: jint,
) -> FerricResult<()> {
    crate::memory::Kernel::Blake3.enter();
    let mut h = Hasher::new();
    for_each_chunk(env, &Region::new(&in_arr, &in_buf, off, len), |chunk| h.update(chunk))?;
    write_output(env, &h, 0, &out, out_off, out_len)
}

fn new_hasher<'l>(_env: &mut Env<'l>, _this: JObject<'l>) -> FerricResult<jlong> {
    crate::memory::Kernel::Blake3.enter();
    Ok(boundary::into_handle(Hasher::new()))
}

/// `key` holds exactly 32 bytes.
fn new_keyed_hasher<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    key: JByteArray<'l>,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Blake3.enter();
    if key.is_null() {
        return Err(FerricError::NullPointer("key is null".into()));
    }
    if key.len(env)? != KEY_LEN {
        return Err(FerricError::IllegalArgument(format!(
            "key must be {KEY_LEN} bytes"
        )));
    }
    let mut k = [0u8; KEY_LEN];
    read_chunks(env, &key, 0, KEY_LEN as jint, |c| k.copy_from_slice(c))?;
    Ok(boundary::into_handle(Hasher::new_keyed(&k)))
}

fn new_derive_key_hasher<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    context: JString<'l>,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Blake3.enter();
    if context.is_null() {
        return Err(FerricError::NullPointer("context is null".into()));
    }
    let context = context.mutf8_chars(env)?.to_string();
    Ok(boundary::into_handle(Hasher::new_derive_key(&context)))
}

/// A new, independent hasher with the same state.
fn copy<'l>(_env: &mut Env<'l>, _this: JObject<'l>, handle: jlong) -> FerricResult<jlong> {
    crate::memory::Kernel::Blake3.enter();
    // SAFETY: as in `update`.
    let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
    Ok(boundary::into_handle(h.clone()))
}

/// Memory-mapped and
/// multi-threaded for large files (0 threads = all cores).
fn update_file<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    path: JString<'l>,
    threads: jint,
) -> FerricResult<()> {
    crate::memory::Kernel::Blake3.enter();
    if path.is_null() {
        return Err(FerricError::NullPointer("path is null".into()));
    }
    if threads < 0 {
        return Err(FerricError::IllegalArgument(format!(
            "threads must be >= 0, was {threads}"
        )));
    }
    let path = path.mutf8_chars(env)?.to_string();
    // SAFETY: as in `update`.
    let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
    h.update_file(Path::new(&path), threads as usize)
        .map_err(|e| FerricError::Io(format!("{path}: {e}")))
}

/// Absorbs one byte range: an array in bounded pieces, a direct buffer in place, on up to `threads`
/// threads when large (1 = this thread only, 0 = all cores).
fn update<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    threads: jint,
) -> FerricResult<()> {
    crate::memory::Kernel::Blake3.enter();
    if threads < 0 {
        return Err(FerricError::IllegalArgument(format!(
            "threads must be >= 0, was {threads}"
        )));
    }
    // SAFETY: NativeResource passes a live Hasher handle and excludes concurrent use.
    let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
    let mut result = Ok(());
    for_each_chunk(env, &Region::new(&in_arr, &in_buf, off, len), |chunk| {
        if result.is_ok() {
            result = h.update_parallel(chunk, threads as usize);
        }
    })?;
    Ok(result?)
}

/// One call for what a reused hasher does per record: forgets all input first when `reset_first` (a
/// `reset()` the Java side deferred), absorbs `pending[0, pending_len)` (the small updates it gathered),
/// then, unless `out` is null, writes output bytes `seek..seek + len` into `out[off..]`. So an update,
/// a digest and a reset cross once. The Java side has checked every range.
fn absorb<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    reset_first: jboolean,
    pending: JByteArray<'l>,
    pending_len: jint,
    seek: jlong,
    out: JByteArray<'l>,
    off: jint,
    len: jint,
) -> FerricResult<()> {
    crate::memory::Kernel::Blake3.enter();
    if !out.is_null() && seek < 0 {
        return Err(FerricError::IllegalArgument(format!("output offset must be >= 0, was {seek}")));
    }
    // SAFETY: as in `update`.
    let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
    if reset_first {
        h.reset();
    }
    if pending_len != 0 {
        read_chunks(env, &pending, 0, pending_len, |c| h.update(c))?;
    }
    if out.is_null() {
        return Ok(());
    }
    write_output(env, h, seek, &out, off, len)
}

/// The native methods of `dev.ferric.blake3.Blake3Native`.
pub const NATIVES: boundary::NativeClass = crate::natives!("blake3/Blake3Native",
    { fn hash(in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, out: jbyte[], out_off: jint, out_len: jint) }
    { fn new_hasher() -> jlong }
    { fn new_keyed_hasher(key: jbyte[]) -> jlong }
    { fn new_derive_key_hasher(context: JString) -> jlong }
    { fn copy(handle: jlong) -> jlong }
    { fn update(handle: jlong, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, threads: jint) }
    { fn update_file(handle: jlong, path: JString, threads: jint) }
    { fn absorb(handle: jlong, reset_first: jboolean, pending: jbyte[], pending_len: jint, seek: jlong, out: jbyte[], off: jint, len: jint) }
    { fn free(handle: jlong), fn = boundary::free_handle::<Hasher> }
);
