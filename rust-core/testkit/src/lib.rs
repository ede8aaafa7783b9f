//! Test-only JNI entry points for `dev.ferric.testkit.TestKitNative` (in the Java test sources).
//! They run ferric's real boundary guard and make it handle panics and every error kind. This
//! library is built for the test suite only and never packaged.
//!
//! It compiles the boundary module's source rather than linking the `ferric` crate, whose
//! `JNI_OnLoad` would clash with this one's.

#[path = "../../src/boundary/mod.rs"]
#[allow(dead_code, unused_imports)]
mod boundary;

// the boundary names the kernels' memory accounting (`boundary::Owned`); not counted here
#[path = "../../src/memory.rs"]
#[allow(dead_code)]
mod memory;

use boundary::{FerricError, FerricResult, NativeClass};
use jni::objects::{JByteArray, JClass, JString};
use jni::sys::{jint, jlong};
use jni::{Env, JavaVM};

/// Panics inside the guard.
fn panic_with<'l>(env: &mut Env<'l>, _c: JClass<'l>, message: JString<'l>) -> FerricResult<jint> {
    let msg = message.mutf8_chars(env)?.to_string();
    panic!("{msg}");
}

/// Returns each `FerricError` kind.
fn fail_with<'l>(
    env: &mut Env<'l>,
    _c: JClass<'l>,
    kind: jint,
    message: JString<'l>,
) -> FerricResult<jlong> {
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
}

/// Sums bytes through the chunked reader,
/// then panics if asked to, proving a panic after a critical section leaves the JVM usable.
fn sum_bytes<'l>(
    env: &mut Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
    off: jint,
    len: jint,
) -> FerricResult<jlong> {
    let mut sum: jlong = 0;
    boundary::read_chunks(env, &input, off, len, |c| {
        sum += c.iter().map(|&b| b as jlong).sum::<jlong>()
    })?;
    Ok(sum)
}

/// The test kit's natives, under ferric's own package (the test classes are never relocated).
const NATIVES: NativeClass = natives!("testkit/TestKitNative",
    { fn panic_with(message: JString) -> jint }
    { fn fail_with(kind: jint, message: JString) -> jlong }
    { fn sum_bytes(input: jbyte[], off: jint, len: jint) -> jlong }
);

/// Called by the JVM when the test kit is loaded: the same panic hook as ferric's, and its natives.
///
/// # Safety
/// Called by the JVM only, with its own `JavaVM`.
#[no_mangle]
pub unsafe extern "system" fn JNI_OnLoad(
    vm: *mut jni::sys::JavaVM,
    _reserved: *mut std::ffi::c_void,
) -> jint {
    boundary::install_panic_hook();
    let vm = unsafe { JavaVM::from_raw(vm) };
    let registered = vm.attach_current_thread(|env| -> jni::errors::Result<bool> {
        Ok(boundary::register_under(env, "dev/ferric/", &[NATIVES]).is_ok())
    });
    if matches!(registered, Ok(true)) {
        jni::sys::JNI_VERSION_1_8
    } else {
        jni::sys::JNI_ERR
    }
}
