//! The verifier: SHA-256 block compression for ferric's loader, and nothing else.
//!
//! The loader hashes ferric's library (about 3 MB) on every start before it loads it. In a fresh
//! JVM that hash runs in the bytecode interpreter, and the JDK's `MessageDigest` first starts its
//! provider framework: 50-100 ms, far more than everything else the loader does. This library is
//! small enough (about 17 KB) for the loader to hash in Java in a few milliseconds; once it has
//! passed that check against its own pin and is loaded, it compresses the big library's blocks with
//! RustCrypto's `sha2`: SHA-NI on x86_64 (chosen at run time, about 2 ms), portable code elsewhere
//! (the ARMv8 instructions need `sha2`'s `asm` feature and its C toolchain; still far faster than
//! interpreted Java). The loader keeps the state and does the padding (`dev.ferric.internal.Sha256`),
//! reading the file in small chunks: in a fresh JVM every newly touched page costs more than hashing
//! it. When the verifier cannot be loaded, the loader compresses in Java: slower, never less checked.
//!
//! No std and no allocation; built with `panic = "abort"`, and no code path here can panic.
#![no_std]

use jni_sys::{jboolean, jbyteArray, jclass, jint, jintArray, JNIEnv, JNI_ABORT, JNI_FALSE, JNI_TRUE};
use sha2::digest::{consts::U64, generic_array::GenericArray};

extern "C" {
    fn abort() -> !;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // Unreachable by construction (see the crate docs); if it ever happens, stop rather than unwind into the JVM.
    unsafe { abort() }
}

/// `static native boolean compress(int[] state, byte[] data, int offset, int blocks)` of
/// `dev.ferric.internal.VerifierNative`: runs SHA-256's compression function over the `blocks`
/// 64-byte blocks of `data` that start at `offset`, updating the eight words of `state` in place.
/// Returns false, touching nothing, when `state` has fewer than 8 words or the blocks are not
/// within `data`.
///
/// # Safety
/// Called by the JVM only, with a valid `env`.
#[no_mangle]
pub unsafe extern "system" fn Java_dev_ferric_internal_VerifierNative_compress(
    env: *mut JNIEnv,
    _class: jclass,
    state: jintArray,
    data: jbyteArray,
    offset: jint,
    blocks: jint,
) -> jboolean {
    let f = &**env;
    if state.is_null() || data.is_null() || offset < 0 || blocks < 0 {
        return JNI_FALSE;
    }
    let end = offset as i64 + 64 * blocks as i64;
    if (f.v1_1.GetArrayLength)(env, state) < 8 || end > (f.v1_1.GetArrayLength)(env, data) as i64 {
        return JNI_FALSE;
    }
    let mut words = [0i32; 8];
    (f.v1_1.GetIntArrayRegion)(env, state, 0, 8, words.as_mut_ptr());
    let mut h = words.map(|w| w as u32);
    let bytes = (f.v1_2.GetPrimitiveArrayCritical)(env, data, core::ptr::null_mut()) as *const u8;
    if bytes.is_null() {
        return JNI_FALSE; // out of memory: the JVM has an exception pending
    }
    // SAFETY: the array holds [offset, end) (checked above) and stays put until released;
    // GenericArray<u8, U64> is a [u8; 64] (alignment 1).
    let input = core::slice::from_raw_parts(bytes.add(offset as usize).cast::<GenericArray<u8, U64>>(), blocks as usize);
    sha2::compress256(&mut h, input);
    (f.v1_2.ReleasePrimitiveArrayCritical)(env, data, bytes as *mut _, JNI_ABORT);
    words = h.map(|w| w as i32);
    (f.v1_1.SetIntArrayRegion)(env, state, 0, 8, words.as_ptr());
    JNI_TRUE
}
