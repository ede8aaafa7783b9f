//! JNI glue for `dev.ferric.blake3.Blake3Native`: decode arguments, call `super`, encode results.

use std::path::Path;

use jni::objects::{JByteArray, JByteBuffer, JClass, JString};
use jni::sys::{jint, jlong};
use jni::EnvUnowned;

use super::{Hasher, KEY_LEN};
use crate::boundary::{self, direct_slice, guard, read_chunks, FerricError, FerricResult};

/// Largest output produced in one call; longer outputs are read at increasing offsets.
const MAX_OUT_CHUNK: usize = 64 * 1024;

/// Writes output bytes `seek..seek + len` into `out[off..]`; must be the last JNI use of the call.
fn write_output(env: &jni::Env<'_>, h: &Hasher, seek: jlong, out: &JByteArray<'_>, off: jint, len: jint) -> FerricResult<()> {
    if seek < 0 {
        return Err(FerricError::IllegalArgument(format!("output offset must be >= 0, was {seek}")));
    }
    if (0..=64).contains(&len) {
        // the common 32-byte digest: one JNI call, bounds-checked by the JVM
        let mut buf = [0u8; 64];
        let buf = &mut buf[..len as usize];
        h.finalize_xof_into(seek as u64, buf);
        return boundary::write_small_last(env, out, off, buf);
    }
    let mut done: usize = 0;
    let len_usize = boundary::check_from_index_size(off, len, if out.is_null() { 0 } else { out.len(env)? })?.1;
    let mut buf = vec![0u8; MAX_OUT_CHUNK.min(len_usize)];
    while done < len_usize {
        let n = buf.len().min(len_usize - done);
        h.finalize_xof_into(seek as u64 + done as u64, &mut buf[..n]);
        boundary::write_region(env, out, off + done as jint, n as jint, &buf[..n])?;
        done += n;
    }
    Ok(())
}

/// `static native void hash(byte[] in, int off, int len, byte[] out, int outOff, int outLen)`
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_hash<'l>(
    mut env: EnvUnowned<'l>,
    _class: JClass<'l>,
    input: JByteArray<'l>,
    off: jint,
    len: jint,
    out: JByteArray<'l>,
    out_off: jint,
    out_len: jint,
) {
    guard(&mut env, |env| {
        let mut h = Hasher::new();
        read_chunks(env, &input, off, len, |chunk| h.update(chunk))?;
        write_output(env, &h, 0, &out, out_off, out_len)
    })
}

/// `static native long newHasher()`
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_newHasher<'l>(mut env: EnvUnowned<'l>, _class: JClass<'l>) -> jlong {
    guard(&mut env, |_| Ok(boundary::into_handle(Hasher::new())))
}

/// `static native long newKeyedHasher(byte[] key)`: `key` holds exactly 32 bytes.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_newKeyedHasher<'l>(
    mut env: EnvUnowned<'l>,
    _class: JClass<'l>,
    key: JByteArray<'l>,
) -> jlong {
    guard(&mut env, |env| {
        if key.is_null() {
            return Err(FerricError::NullPointer("key is null".into()));
        }
        if key.len(env)? != KEY_LEN {
            return Err(FerricError::IllegalArgument(format!("key must be {KEY_LEN} bytes")));
        }
        let mut k = [0u8; KEY_LEN];
        read_chunks(env, &key, 0, KEY_LEN as jint, |c| k.copy_from_slice(c))?;
        Ok(boundary::into_handle(Hasher::new_keyed(&k)))
    })
}

/// `static native long newDeriveKeyHasher(String context)`
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_newDeriveKeyHasher<'l>(
    mut env: EnvUnowned<'l>,
    _class: JClass<'l>,
    context: JString<'l>,
) -> jlong {
    guard(&mut env, |env| {
        if context.is_null() {
            return Err(FerricError::NullPointer("context is null".into()));
        }
        let context = context.mutf8_chars(env)?.to_string();
        Ok(boundary::into_handle(Hasher::new_derive_key(&context)))
    })
}

/// `static native long copy(long handle)`: a new, independent hasher with the same state.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_copy<'l>(mut env: EnvUnowned<'l>, _class: JClass<'l>, handle: jlong) -> jlong {
    guard(&mut env, |_| {
        // SAFETY: as in `update`.
        let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
        Ok(boundary::into_handle(h.clone()))
    })
}

/// `static native void updateDirect(long handle, ByteBuffer buffer, int pos, int len, int threads)`:
/// reads the direct buffer in place, on `threads` threads when large (1 = this thread only).
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_updateDirect<'l>(
    mut env: EnvUnowned<'l>,
    _class: JClass<'l>,
    handle: jlong,
    buffer: JByteBuffer<'l>,
    pos: jint,
    len: jint,
    threads: jint,
) {
    guard(&mut env, |env| {
        if threads < 0 {
            return Err(FerricError::IllegalArgument(format!("threads must be >= 0, was {threads}")));
        }
        // SAFETY: as in `update`.
        let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
        Ok(h.update_parallel(direct_slice(env, &buffer, pos, len)?, threads as usize)?)
    })
}

/// `static native void hashDirect(ByteBuffer buffer, int pos, int len, byte[] out, int outOff, int outLen)`
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_hashDirect<'l>(
    mut env: EnvUnowned<'l>,
    _class: JClass<'l>,
    buffer: JByteBuffer<'l>,
    pos: jint,
    len: jint,
    out: JByteArray<'l>,
    out_off: jint,
    out_len: jint,
) {
    guard(&mut env, |env| {
        let mut h = Hasher::new();
        h.update(direct_slice(env, &buffer, pos, len)?);
        write_output(env, &h, 0, &out, out_off, out_len)
    })
}

/// `static native void updateFile(long handle, String path, int threads)`: memory-mapped and
/// multi-threaded for large files (0 threads = all cores).
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_updateFile<'l>(
    mut env: EnvUnowned<'l>,
    _class: JClass<'l>,
    handle: jlong,
    path: JString<'l>,
    threads: jint,
) {
    guard(&mut env, |env| {
        if path.is_null() {
            return Err(FerricError::NullPointer("path is null".into()));
        }
        if threads < 0 {
            return Err(FerricError::IllegalArgument(format!("threads must be >= 0, was {threads}")));
        }
        let path = path.mutf8_chars(env)?.to_string();
        // SAFETY: as in `update`.
        let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
        h.update_file(Path::new(&path), threads as usize)
            .map_err(|e| FerricError::Io(format!("{path}: {e}")))
    })
}

/// `static native void update(long handle, byte[] in, int off, int len)`
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_update<'l>(
    mut env: EnvUnowned<'l>,
    _class: JClass<'l>,
    handle: jlong,
    input: JByteArray<'l>,
    off: jint,
    len: jint,
) {
    guard(&mut env, |env| {
        // SAFETY: NativeResource passes a live Hasher handle and excludes concurrent use.
        let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
        read_chunks(env, &input, off, len, |chunk| h.update(chunk))
    })
}

/// `static native void finalizeXof(long handle, long seek, byte[] out, int off, int len)`
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_finalizeXof<'l>(
    mut env: EnvUnowned<'l>,
    _class: JClass<'l>,
    handle: jlong,
    seek: jlong,
    out: JByteArray<'l>,
    off: jint,
    len: jint,
) {
    guard(&mut env, |env| {
        // SAFETY: as in `update`.
        let h = unsafe { boundary::borrow_mut::<Hasher>(handle)? };
        write_output(env, h, seek, &out, off, len)
    })
}

/// `static native void reset(long handle)`
#[no_mangle]
pub extern "system" fn Java_dev_ferric_blake3_Blake3Native_reset<'l>(mut env: EnvUnowned<'l>, _class: JClass<'l>, handle: jlong) {
    guard(&mut env, |_| {
        // SAFETY: as in `update`.
        unsafe { boundary::borrow_mut::<Hasher>(handle)? }.reset();
        Ok(())
    })
}

boundary::free_export!(
    /// `static native void free(long handle)`: called exactly once per handle by `NativeResource`.
    Java_dev_ferric_blake3_Blake3Native_free => Hasher
);
