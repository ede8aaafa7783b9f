//! ferric: native kernels for the JVM, called through JNI.
//!
//! Layout: [`boundary`] is the only code that turns failures into Java exceptions and borrows Java
//! memory; each kernel is a pure module (`mod.rs`, no JNI) plus thin glue (`jni.rs`).

pub mod blake3;
pub mod boundary;
pub mod compress;
pub mod memory;
pub mod regex;
pub mod vectors;

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

/// The SIMD instruction sets this CPU offers that ferric's kernels dispatch to at run time.
pub fn cpu_features() -> Vec<&'static str> {
    let mut f = Vec::new();
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    {
        if std::arch::is_x86_feature_detected!("sse4.1") {
            f.push("sse4.1");
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            f.push("avx2");
        }
        if std::arch::is_x86_feature_detected!("fma") {
            f.push("fma");
        }
        if std::arch::is_x86_feature_detected!("avx512f") {
            f.push("avx512f");
        }
        if std::arch::is_x86_feature_detected!("avx512vl") {
            f.push("avx512vl");
        }
        if std::arch::is_x86_feature_detected!("avx512bw") {
            f.push("avx512bw");
        }
        if std::arch::is_x86_feature_detected!("avx512vnni") {
            f.push("avx512vnni");
        }
    }
    #[cfg(target_arch = "aarch64")]
    {
        if std::arch::is_aarch64_feature_detected!("neon") {
            f.push("neon");
        }
        if std::arch::is_aarch64_feature_detected!("dotprod") {
            f.push("dotprod");
        }
        if std::arch::is_aarch64_feature_detected!("sve") {
            f.push("sve");
        }
    }
    f
}

/// `static native String cpuFeatures()` of `dev.ferric.internal.CoreNative`: space-separated.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_internal_CoreNative_cpuFeatures<'l>(mut env: EnvUnowned<'l>, _c: JClass<'l>) -> JString<'l> {
    boundary::guard(&mut env, |env| Ok(env.new_string(cpu_features().join(" "))?))
}

/// `static native long nativeBytes()` of `dev.ferric.internal.CoreNative`.
#[no_mangle]
pub extern "system" fn Java_dev_ferric_internal_CoreNative_nativeBytes<'l>(mut env: EnvUnowned<'l>, _c: JClass<'l>) -> jlong {
    boundary::guard(&mut env, |_| Ok(memory::live_bytes()))
}
