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

use core::ffi::{c_char, c_void, CStr};
use core::ptr::null_mut;

use jni_sys::{
    jboolean, jbyteArray, jclass, jint, jintArray, jobject, JNIEnv, JNINativeMethod, JavaVM, JNI_ABORT, JNI_ERR, JNI_FALSE, JNI_OK,
    JNI_TRUE, JNI_VERSION_1_8,
};
use sha2::digest::{consts::U64, generic_array::GenericArray};

extern "C" {
    fn abort() -> !;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // Unreachable by construction (see the crate docs); if it ever happens, stop rather than unwind into the JVM.
    unsafe { abort() }
}

/// `VerifierNative.compress`: runs SHA-256's compression function over the `blocks`
/// 64-byte blocks of `data` that start at `offset`, updating the eight words of `state` in place.
/// Returns false, touching nothing, when `state` has fewer than 8 words or the blocks are not
/// within `data`.
///
/// # Safety
/// Called by the JVM only, with a valid `env`.
unsafe extern "system" fn compress(
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

/// The class `compress` belongs to, relative to ferric's root package.
const CLASS: &[u8] = b"internal/VerifierNative";
/// The loader class whose frame on the loading thread's stack names ferric's root package.
const LOADER: &[u8] = b".internal.NativeLoader";

/// Called by the JVM when the verifier is loaded: registers `compress` with `VerifierNative` in the
/// package ferric's loader lives in (`dev.ferric`, or where a shading plugin relocated it), found
/// from the loading thread's stack as in ferric's own library. Fails the load (the loader then
/// hashes in Java) when that cannot be done.
///
/// # Safety
/// Called by the JVM only, with its own `vm`.
#[no_mangle]
pub unsafe extern "system" fn JNI_OnLoad(vm: *mut JavaVM, _reserved: *mut c_void) -> jint {
    let mut env: *mut JNIEnv = null_mut();
    if ((**vm).v1_2.GetEnv)(vm, (&mut env as *mut *mut JNIEnv).cast(), JNI_VERSION_1_8) != JNI_OK {
        return JNI_ERR;
    }
    let mut class = [0u8; 512];
    let registered = match root_package(env, &mut class) {
        Some(len) if len + CLASS.len() < class.len() => {
            class[len..len + CLASS.len()].copy_from_slice(CLASS);
            class[len + CLASS.len()] = 0;
            register(env, class.as_ptr().cast())
        }
        _ => false,
    };
    let f = &**env;
    if (f.v1_2.ExceptionCheck)(env) {
        (f.v1_1.ExceptionClear)(env);
    }
    if registered {
        JNI_VERSION_1_8
    } else {
        JNI_ERR
    }
}

/// Binds `compress` to the class named by the NUL-terminated `class`.
unsafe fn register(env: *mut JNIEnv, class: *const c_char) -> bool {
    let f = &**env;
    let cls = (f.v1_1.FindClass)(env, class);
    if cls.is_null() {
        return false;
    }
    let method = JNINativeMethod {
        name: c"compress".as_ptr() as *mut c_char,
        signature: c"([I[BII)Z".as_ptr() as *mut c_char,
        fnPtr: compress as *mut c_void,
    };
    (f.v1_1.RegisterNatives)(env, cls, &method, 1) == JNI_OK
}

/// Writes ferric's root package in JNI form (`dev/ferric/`) into `out` and returns its length, from
/// the first frame of `<root>.internal.NativeLoader` on this thread's stack; None if there is none.
unsafe fn root_package(env: *mut JNIEnv, out: &mut [u8]) -> Option<usize> {
    let f = &**env;
    let throwable = (f.v1_1.FindClass)(env, c"java/lang/Throwable".as_ptr());
    let frame_class = (f.v1_1.FindClass)(env, c"java/lang/StackTraceElement".as_ptr());
    if throwable.is_null() || frame_class.is_null() {
        return None;
    }
    let init = (f.v1_1.GetMethodID)(env, throwable, c"<init>".as_ptr(), c"()V".as_ptr());
    let trace = (f.v1_1.GetMethodID)(env, throwable, c"getStackTrace".as_ptr(), c"()[Ljava/lang/StackTraceElement;".as_ptr());
    let class_name = (f.v1_1.GetMethodID)(env, frame_class, c"getClassName".as_ptr(), c"()Ljava/lang/String;".as_ptr());
    if init.is_null() || trace.is_null() || class_name.is_null() {
        return None;
    }
    let here = (f.v1_1.NewObjectA)(env, throwable, init, core::ptr::null());
    if here.is_null() {
        return None;
    }
    let frames = (f.v1_1.CallObjectMethodA)(env, here, trace, core::ptr::null());
    if frames.is_null() {
        return None;
    }
    for i in 0..(f.v1_1.GetArrayLength)(env, frames) {
        let frame: jobject = (f.v1_1.GetObjectArrayElement)(env, frames, i);
        let name = if frame.is_null() { null_mut() } else { (f.v1_1.CallObjectMethodA)(env, frame, class_name, core::ptr::null()) };
        let mut found = None;
        if !name.is_null() {
            let chars = (f.v1_1.GetStringUTFChars)(env, name, null_mut());
            if !chars.is_null() {
                let bytes = CStr::from_ptr(chars).to_bytes();
                if bytes.ends_with(LOADER) && bytes.len() - LOADER.len() < out.len() {
                    let root = &bytes[..bytes.len() - LOADER.len()];
                    for (o, &b) in out.iter_mut().zip(root) {
                        *o = if b == b'.' { b'/' } else { b };
                    }
                    out[root.len()] = b'/';
                    found = Some(root.len() + 1);
                }
                (f.v1_1.ReleaseStringUTFChars)(env, name, chars);
            }
            (f.v1_1.DeleteLocalRef)(env, name);
        }
        if !frame.is_null() {
            (f.v1_1.DeleteLocalRef)(env, frame);
        }
        if found.is_some() {
            return found;
        }
    }
    None
}
