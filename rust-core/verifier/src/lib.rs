//! The verifier: SHA-256 of a direct `ByteBuffer`, for ferric's loader and nothing else.
//!
//! The loader hashes ferric's library (about 3 MB) on every start before it loads it. In a fresh
//! JVM that hash runs in the bytecode interpreter, and the JDK's `MessageDigest` first starts its
//! provider framework: 50-100 ms, far more than everything else the loader does. This library is
//! small enough (about 20 KB) for the loader to hash in Java in a millisecond or two; once it has
//! passed that check against its own pin and is loaded, it hashes the big library with the CPU's
//! SHA instructions in about 2 ms. When it cannot be loaded, the loader hashes in Java: slower,
//! never less checked.
//!
//! No std and no allocation; built with `panic = "abort"`, and no code path here can panic.
#![no_std]

use jni_sys::{jboolean, jbyteArray, jclass, jlong, jobject, JNIEnv, JNI_FALSE, JNI_TRUE};
use sha2::{Digest, Sha256};

extern "C" {
    fn abort() -> !;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // Unreachable by construction (see the crate docs); if it ever happens, stop rather than unwind into the JVM.
    unsafe { abort() }
}

/// `static native boolean sha256(ByteBuffer data, long length, byte[] out)` of
/// `dev.ferric.internal.VerifierNative`: writes the SHA-256 of the first `length` bytes of the direct
/// buffer `data` into `out[0..32]`. Returns false, touching nothing, when `data` is not a direct
/// buffer, `length` is negative or beyond its capacity, or `out` is shorter than 32 bytes.
///
/// # Safety
/// Called by the JVM only, with a valid `env`.
#[no_mangle]
pub unsafe extern "system" fn Java_dev_ferric_internal_VerifierNative_sha256(
    env: *mut JNIEnv,
    _class: jclass,
    data: jobject,
    length: jlong,
    out: jbyteArray,
) -> jboolean {
    let f = &**env;
    if data.is_null() || out.is_null() || length < 0 {
        return JNI_FALSE;
    }
    let address = (f.v1_4.GetDirectBufferAddress)(env, data) as *const u8;
    let capacity = (f.v1_4.GetDirectBufferCapacity)(env, data);
    if address.is_null() || capacity < length || (f.v1_1.GetArrayLength)(env, out) < 32 {
        return JNI_FALSE;
    }
    // SAFETY: the JVM keeps a direct buffer's memory alive while it is referenced (it is, by the
    // caller's frame), and `length` is within its capacity.
    let bytes = core::slice::from_raw_parts(address, length as usize);
    let digest = Sha256::digest(bytes);
    (f.v1_1.SetByteArrayRegion)(env, out, 0, 32, digest.as_ptr().cast());
    JNI_TRUE
}
