//! ferric: native kernels for the JVM, called through JNI (and, from Java 22, FFM downcalls).
//!
//! Three layers, each its own crate so the compiler keeps them apart: `ferric-kernels` (plain Rust,
//! no JNI, each kernel with its own error type), `ferric-boundary` (the only code that turns failures
//! into Java exceptions and borrows Java memory) and this cdylib, whose glue (`glue/<kernel>.rs`)
//! joins the two and declares each kernel's native methods once.

mod c_abi;
mod glue;
mod shared_constants;

/// The boundary crate under its short name, as the glue and `natives!` tables use it.
pub use ferric_boundary as boundary;
use ferric_boundary::{memory, natives};

use std::ffi::c_void;

use jni::objects::{JByteBuffer, JClass, JLongArray, JObjectArray, JString};
use jni::sys::{jint, jlong, JNI_ERR, JNI_VERSION_1_8};
use jni::{Env, JavaVM};

use boundary::{FerricResult, NativeClass};

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

/// Every Java class with native methods, and its table: what `JNI_OnLoad` registers.
pub const NATIVES: &[NativeClass] = &[
    CORE_NATIVES,
    glue::blake3::NATIVES,
    glue::compress::NATIVES,
    glue::compress::STEP_NATIVES,
    glue::regex::NATIVES,
    glue::vectors::NATIVES,
    glue::vectors::INDEX_NATIVES,
];

/// Called by the JVM when the library is loaded: registers every native method under the package
/// ferric's classes live in. When that fails (a Java class and its table disagree, or the library
/// was loaded by something other than ferric's loader), `System.load` throws the
/// `UnsatisfiedLinkError` raised here and the JVM unloads the library.
///
/// # Safety
/// Called by the JVM only, with its own `JavaVM`.
#[no_mangle]
pub unsafe extern "system" fn JNI_OnLoad(
    vm: *mut jni::sys::JavaVM,
    _reserved: *mut c_void,
) -> jint {
    boundary::install_panic_hook();
    // SAFETY: the JVM passes its own, valid JavaVM pointer.
    let java_vm = unsafe { JavaVM::from_raw(vm) };
    let outcome = java_vm
        .attach_current_thread(|env| -> jni::errors::Result<Result<(), String>> {
            Ok(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| boundary::register(env, NATIVES)))
                .unwrap_or_else(|_| Err("a panic while registering native methods".to_string())))
        })
        .unwrap_or_else(|e| Err(format!("no JNI environment: {e}")));
    match outcome {
        Ok(()) => JNI_VERSION_1_8,
        Err(why) => {
            // Thrown here, outside the jni crate's scope (which clears what is pending when it ends):
            // System.load rethrows it.
            unsafe { throw_unsatisfied_link_error(vm, &format!("ferric: {why}")) };
            JNI_ERR
        }
    }
}

/// Leaves `UnsatisfiedLinkError(message)` pending on the current thread.
///
/// # Safety
/// `vm` is the JVM's own pointer and the current thread is attached to it.
unsafe fn throw_unsatisfied_link_error(vm: *mut jni::sys::JavaVM, message: &str) {
    let mut env: *mut jni::sys::JNIEnv = std::ptr::null_mut();
    if ((**vm).v1_2.GetEnv)(vm, (&mut env as *mut *mut jni::sys::JNIEnv).cast(), JNI_VERSION_1_8) != jni::sys::JNI_OK {
        return;
    }
    let class = ((**env).v1_1.FindClass)(env, c"java/lang/UnsatisfiedLinkError".as_ptr());
    let message = std::ffi::CString::new(message.replace('\0', " ")).unwrap_or_default();
    if !class.is_null() {
        ((**env).v1_1.ThrowNew)(env, class, message.as_ptr());
    }
}

fn abi_version<'l>(_env: &mut Env<'l>, _c: JClass<'l>) -> FerricResult<jint> {
    Ok(ABI_VERSION)
}

fn version<'l>(env: &mut Env<'l>, _c: JClass<'l>) -> FerricResult<JString<'l>> {
    Ok(env.new_string(VERSION)?)
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

/// Space-separated [`cpu_features`].
fn cpu_feature_list<'l>(env: &mut Env<'l>, _c: JClass<'l>) -> FerricResult<JString<'l>> {
    Ok(env.new_string(cpu_features().join(" "))?)
}

/// A direct buffer over the allocator's live-bytes counter (8 bytes, native order): Java reads it in
/// place when it creates a handle, instead of crossing to ask.
fn live_bytes_view<'l>(env: &mut Env<'l>, _c: JClass<'l>) -> FerricResult<JByteBuffer<'l>> {
    // SAFETY: the counter is a static of this library, which is never unloaded while its classes
    // live; Java only reads it.
    Ok(unsafe { env.new_direct_byte_buffer(memory::live_bytes_address().cast::<u8>(), 8)? })
}

/// Native memory as `[live, peak, live by kernel..., peak by kernel...]`, kernels in
/// [`memory::Kernel`] order: one array so a reader sees figures taken at (almost) one instant.
fn native_memory<'l>(env: &mut Env<'l>, _c: JClass<'l>) -> FerricResult<JLongArray<'l>> {
    // read into the stack, before any allocation: the figures must not include this call's own
    let mut all = [0i64; 2 + 2 * memory::KERNELS];
    all[0] = memory::live_bytes();
    all[1] = memory::peak_bytes();
    all[2..2 + memory::KERNELS].copy_from_slice(&memory::live_by_kernel());
    all[2 + memory::KERNELS..].copy_from_slice(&memory::peak_by_kernel());
    let out = env.new_long_array(all.len())?;
    out.set_region(env, 0, &all)?;
    Ok(out)
}

/// Bytes the calling thread has freed since it started ([`memory::freed_by_this_thread`]).
fn thread_freed_bytes<'l>(_env: &mut Env<'l>, _c: JClass<'l>) -> FerricResult<jlong> {
    Ok(memory::freed_by_this_thread())
}

/// Every registered method as `"<class>.<method> <descriptor>"` ([`boundary::describe`]).
fn natives<'l>(env: &mut Env<'l>, _c: JClass<'l>) -> FerricResult<JObjectArray<'l, JString<'l>>> {
    let all = boundary::describe(NATIVES);
    boundary::string_array(env, all.iter().map(|s| Some(s.as_str())))
}

/// Every shared constant as `"<name>=<value>"` ([`shared_constants::all`]).
fn constants<'l>(env: &mut Env<'l>, _c: JClass<'l>) -> FerricResult<JObjectArray<'l, JString<'l>>> {
    let all = shared_constants::all();
    boundary::string_array(env, all.iter().map(|s| Some(s.as_str())))
}

/// The native methods of `dev.ferric.internal.CoreNative`: what the loader asks a library it loaded.
const CORE_NATIVES: NativeClass = natives!(static "internal/CoreNative",
    { fn abi_version() -> jint }
    { fn version() -> JString }
    { fn cpu_features() -> JString, fn = cpu_feature_list }
    { fn live_bytes_view() -> java.nio.ByteBuffer }
    { fn native_memory() -> jlong[] }
    { fn thread_freed_bytes() -> jlong }
    { fn natives() -> java.lang.String[] }
    { fn constants() -> java.lang.String[] }
);
