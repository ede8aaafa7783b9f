//! How the JVM finds ferric's native methods: each kernel declares its methods once, in a
//! [`natives!`](crate::natives) table, and `JNI_OnLoad` registers every table with `RegisterNatives`.
//!
//! Registration instead of exported `Java_<class>_<method>` names is what lets users relocate
//! `dev.ferric` (maven-shade, Gradle shadow): the classes are found under whatever package the
//! loader that called `System.load` now lives in ([`package_root`]). `native_method!` checks each
//! Rust function against its Java signature at compile time; `RegisterNatives` checks the table
//! against the Java class when the library loads, and `NativesTest` checks that no Java native
//! method is missing from the tables.

use std::sync::RwLock;

use jni::objects::{JClass, JObjectArray, JStackTraceElement, JString, JThrowable};
use jni::strings::JNIString;
use jni::sys::JNINativeMethod;
use jni::{jni_sig, jni_str, Env, NativeMethod};

/// The Java class a [`natives!`](crate::natives) table binds, and its methods.
pub struct NativeClass {
    /// The class relative to ferric's root package, in JNI form: `"blake3/Blake3Native"`.
    pub class: &'static str,
    /// Its native methods, each checked against its Rust function by `native_method!`.
    pub methods: &'static [NativeMethod<'static>],
    /// Run after the methods are registered, with the class: where a kernel looks up the field IDs
    /// its natives write (at every load, since the class may be a relocated copy).
    pub on_register: Option<RegisterHook>,
}

/// See [`NativeClass::on_register`]: gets the class just registered; an `Err` fails the load.
pub type RegisterHook = fn(&mut Env<'_>, &JClass<'_>) -> Result<(), String>;

/// Declares the native methods of one Java class, each once: `{ fn name(args) -> ret }` in the
/// syntax of `jni::native_method!` (`snake_case` here and `lowerCamelCase` in Java), optionally
/// followed by `, fn = path` when the Rust function has another name. Every method runs inside
/// ferric's error policy: panics and errors become Java exceptions
/// ([`ThrowFerricException`](crate::ThrowFerricException)).
///
/// A kernel's methods are instance methods: its Java class (`Blake3Native`) is a gate object that
/// hands them out only once the library is loaded (`Blake3Native.get()`), so no call can reach an
/// unbound method, and the Rust functions take the receiver (`_this: JObject`). `static` before the
/// class declares static methods instead (their functions take `_c: JClass`): the loader's own
/// probes in `CoreNative`, which run while the library is being loaded. `on_register = path` after
/// the class names a function run with the class once its methods are registered
/// ([`NativeClass::on_register`]).
#[macro_export]
macro_rules! natives {
    (static $class:literal, $( { $($method:tt)* } )*) => {
        $crate::natives!(@table $class, None, $( { static $($method)* } )*)
    };
    ($class:literal, on_register = $hook:path, $( { $($method:tt)* } )*) => {
        $crate::natives!(@table $class, Some($hook), $( { $($method)* } )*)
    };
    ($class:literal, $( { $($method:tt)* } )*) => {
        $crate::natives!(@table $class, None, $( { $($method)* } )*)
    };
    (@table $class:literal, $hook:expr, $( { $($method:tt)* } )*) => {
        $crate::NativeClass {
            class: $class,
            on_register: $hook,
            methods: &[$({
                // (a path starting with `$crate` does not parse inside `native_method!`)
                use $crate::ThrowFerricException;
                ::jni::native_method! {
                    $($method)*,
                    error_policy = ThrowFerricException,
                }
            }),*],
        }
    };
}

/// The package `dev.ferric` lives in, as `"dev/ferric/"` or, when relocated, e.g.
/// `"com/example/shaded/ferric/"`: set by [`register`] at every load and used to name ferric's
/// exceptions. Every load, not once: a library file stays mapped after the class loader that loaded
/// it is gone (Rust cdylibs are not unloaded), and the next loader of that file may be a copy of ferric
/// relocated elsewhere. Two live class loaders never share one mapping (JNI refuses it).
static PACKAGE_ROOT: RwLock<String> = RwLock::new(String::new());

/// ferric's root package in JNI form with a trailing `/`; `"dev/ferric/"` before [`register`] ran.
pub fn package_root() -> String {
    let root = PACKAGE_ROOT.read().unwrap_or_else(|e| e.into_inner());
    if root.is_empty() { "dev/ferric/".to_string() } else { root.clone() }
}

/// ferric's loader, whose frames are on the stack of the thread that runs `System.load`.
const LOADER_CLASS: &str = "internal.NativeLoader";

/// Finds ferric's root package from the stack of the thread loading this library: the frame of
/// `<root>.internal.NativeLoader` that is loading it. JNI gives `JNI_OnLoad` no other way to learn
/// which class asked, and the class name in that frame is the relocated one.
fn find_package_root(env: &mut Env<'_>) -> Result<String, String> {
    let here = env
        .new_object(jni_str!("java/lang/Throwable"), jni_sig!("()V"), &[])
        .map_err(|e| format!("cannot create a Throwable: {e}"))?;
    let here = env
        .cast_local::<JThrowable>(here)
        .map_err(|e| e.to_string())?;
    let frames: JObjectArray<JStackTraceElement> =
        here.get_stack_trace(env).map_err(|e| e.to_string())?;
    let len = frames.len(env).map_err(|e| e.to_string())?;
    let suffix = format!(".{LOADER_CLASS}");
    for i in 0..len {
        let frame = frames.get_element(env, i).map_err(|e| e.to_string())?;
        let class: JString = frame.get_class_name(env).map_err(|e| e.to_string())?;
        let class = class.try_to_string(env).map_err(|e| e.to_string())?;
        if let Some(root) = class.strip_suffix(&suffix) {
            return Ok(format!("{}/", root.replace('.', "/")));
        }
    }
    Err(format!("ferric's library must be loaded by its {LOADER_CLASS} (System.load was called from elsewhere)"))
}

/// Registers every table's methods with its class under the root package found on the stack, and
/// remembers that root. On failure the message says which class and method disagree.
pub fn register(env: &mut Env<'_>, tables: &[NativeClass]) -> Result<(), String> {
    let root = find_package_root(env)?;
    register_under(env, &root, tables)?;
    *PACKAGE_ROOT.write().unwrap_or_else(|e| e.into_inner()) = root;
    Ok(())
}

/// Registers every table's methods with its class under `root` (`"dev/ferric/"`).
pub fn register_under(env: &mut Env<'_>, root: &str, tables: &[NativeClass]) -> Result<(), String> {
    for table in tables {
        let name = format!("{root}{}", table.class);
        let class = env
            .find_class(JNIString::from(name.as_str()))
            .map_err(|e| {
                env.exception_clear();
                format!("class {name} not found: {e}")
            })?;
        // SAFETY: every method comes from `native_method!`, which checked its function against its
        // signature at compile time.
        unsafe { env.register_native_methods(&class, table.methods) }.map_err(|e| {
            env.exception_clear();
            format!("the native methods of {name} do not match its Java class: {e}")
        })?;
        if let Some(hook) = table.on_register {
            hook(env, &class).map_err(|e| {
                env.exception_clear();
                format!("{name}: {e}")
            })?;
        }
    }
    Ok(())
}

/// Every registered method as `"<class>.<method> <descriptor>"`, class relative to the root package
/// in Java form (`"blake3.Blake3Native.hash ([BII[BII)V"`): what `NativesTest` compares with the
/// Java classes.
pub fn describe(tables: &[NativeClass]) -> Vec<String> {
    let mut out = Vec::new();
    for table in tables {
        for method in table.methods {
            // SAFETY: `NativeMethod` is a `repr(transparent)` wrapper of `JNINativeMethod` whose name
            // and signature point to static NUL-terminated strings.
            let raw = unsafe { &*(method as *const NativeMethod as *const JNINativeMethod) };
            let name = unsafe { std::ffi::CStr::from_ptr(raw.name) }.to_string_lossy();
            let sig = unsafe { std::ffi::CStr::from_ptr(raw.signature) }.to_string_lossy();
            out.push(format!("{}.{name} {sig}", table.class.replace('/', ".")));
        }
    }
    out
}
