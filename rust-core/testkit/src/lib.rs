//! Test-only JNI entry points for `dev.ferric.testkit.TestKitNative` (in the Java test sources).
//! They run ferric's real boundary guard and make it handle panics and every error kind. This
//! library is built for the test suite only and never packaged.
//!
//! It compiles the boundary module's source rather than linking the `ferric` crate: linking it would
//! also export ferric's own JNI functions from this library, and the JVM may then bind ferric's
//! native methods to these unverified copies.

#[path = "../../src/boundary/mod.rs"]
#[allow(dead_code, unused_imports)]
mod boundary;

use boundary::{guard, FerricError};
use jni::objects::{JByteArray, JClass, JString};
use jni::sys::{jint, jlong};
use jni::EnvUnowned;

/// `static native int panicWith(String message)`: panics inside the guard.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_testkit_TestKitNative_panicWith<'l>(
    mut env: EnvUnowned<'l>,
    _c: JClass<'l>,
    message: JString<'l>,
) -> jint {
    guard(&mut env, |env| {
        let msg = message.mutf8_chars(env)?.to_string();
        panic!("{msg}");
    })
}

/// `static native long failWith(int kind, String message)`: returns each `FerricError` kind.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_testkit_TestKitNative_failWith<'l>(
    mut env: EnvUnowned<'l>,
    _c: JClass<'l>,
    kind: jint,
    message: JString<'l>,
) -> jlong {
    guard(&mut env, |env| {
        let m = message.mutf8_chars(env)?.to_string();
        Err(match kind {
            0 => FerricError::IllegalArgument(m),
            1 => FerricError::IndexOutOfBounds(m),
            2 => FerricError::IllegalState(m),
            3 => FerricError::NullPointer(m),
            4 => FerricError::Io(m),
            5 => FerricError::OutOfMemory(m),
            _ => return Ok(42),
        })
    })
}

/// `static native int sumChunks(byte[] in, int off, int len)`: sums bytes through the chunked reader,
/// then panics if asked to, proving a panic after a critical section leaves the JVM usable.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_testkit_TestKitNative_sumBytes<'l>(
    mut env: EnvUnowned<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
    off: jint,
    len: jint,
) -> jlong {
    guard(&mut env, |env| {
        let mut sum: jlong = 0;
        boundary::read_chunks(env, &input, off, len, |c| sum += c.iter().map(|&b| b as jlong).sum::<jlong>())?;
        Ok(sum)
    })
}

/// Called by the JVM when the test kit is loaded: the same panic hook as ferric's.
#[no_mangle]
pub extern "system" fn JNI_OnLoad(_vm: *mut jni::sys::JavaVM, _reserved: *mut std::ffi::c_void) -> jint {
    boundary::install_panic_hook();
    jni::sys::JNI_VERSION_1_8
}
