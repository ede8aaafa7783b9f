//! ferric: native kernels for the JVM, called through JNI.
//!
//! Layout: [`boundary`] is the only code that turns failures into Java exceptions and borrows Java
//! memory; each kernel is a pure module (`mod.rs`, no JNI) plus thin glue (`jni.rs`).

pub mod blake3;
pub mod boundary;
pub mod memory;

use std::ffi::c_void;

use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong, JavaVM, JNI_VERSION_1_8};
use jni::EnvUnowned;

#[global_allocator]
static ALLOCATOR: memory::CountingAllocator = memory::CountingAllocator;

/// Version of the JNI contract between this library and the Java classes. Bump it whenever a native
/// method's name, signature or semantics change; the Java loader refuses a library whose number differs.
pub const ABI_VERSION: jint = 1;

/// The release version this library was built for (the Maven project version when built by Maven).
pub const VERSION: &str = match option_env!("FERRIC_VERSION") {
    Some(v) => v,
    None => env!("CARGO_PKG_VERSION"),
};

/// Called by the JVM when the library is loaded.
#[no_mangle]
pub extern "system" fn JNI_OnLoad(_vm: *mut JavaVM, _reserved: *mut c_void) -> jint {
    boundary::install_panic_hook();
    JNI_VERSION_1_8
}

/// `static native int abiVersion()` of `dev.ferric.internal.CoreNative`.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_internal_CoreNative_abiVersion<'l>(mut env: EnvUnowned<'l>, _c: JClass<'l>) -> jint {
    boundary::guard(&mut env, |_| Ok(ABI_VERSION))
}

/// `static native String version()` of `dev.ferric.internal.CoreNative`.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_internal_CoreNative_version<'l>(mut env: EnvUnowned<'l>, _c: JClass<'l>) -> JString<'l> {
    boundary::guard(&mut env, |env| Ok(env.new_string(VERSION)?))
}

/// `static native long nativeBytes()` of `dev.ferric.internal.CoreNative`.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_internal_CoreNative_nativeBytes<'l>(mut env: EnvUnowned<'l>, _c: JClass<'l>) -> jlong {
    boundary::guard(&mut env, |_| Ok(memory::live_bytes()))
}
