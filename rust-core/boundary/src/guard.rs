//! The guard every exported function runs inside: panics and errors become Java exceptions.

use std::any::Any;
use std::cell::RefCell;
use std::panic;
use std::sync::Once;

use jni::errors::ErrorPolicy;
use jni::objects::{JObject, JThrowable};
use jni::strings::JNIString;
use jni::{Env, EnvUnowned};

use super::error::{FerricError, FerricResult};

thread_local! {
    /// Where the last panic on this thread happened, captured by our hook for the exception message.
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Replaces the default panic hook (which prints to the JVM's stderr) with one that records the
/// location, so the Java exception can say where the panic happened. Called from `JNI_OnLoad`.
pub fn install_panic_hook() {
    HOOK.call_once(|| {
        panic::set_hook(Box::new(|info| {
            let loc = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()));
            PANIC_LOCATION.with(|p| *p.borrow_mut() = loc);
        }));
    });
}

pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    let msg = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic payload".to_string()
    };
    match PANIC_LOCATION.with(|p| p.borrow_mut().take()) {
        Some(loc) => format!("native panic: {msg} (at {loc})"),
        None => format!("native panic: {msg}"),
    }
}

/// Throws `class` with `msg` unless a Java exception is already pending (that one wins: it is the
/// original cause, e.g. an `OutOfMemoryError` raised inside a JNI call).
fn throw(env: &mut Env<'_>, class: &str, msg: &str) -> jni::errors::Result<()> {
    if env.exception_check() {
        return Ok(());
    }
    match env.throw_new(JNIString::from(class), JNIString::from(msg)) {
        // A successful throw reports itself as a pending JavaException.
        Ok(()) | Err(jni::errors::Error::JavaException) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Throws `RegexSyntaxException(description, pattern = null, index)` from its fields (the Java caller
/// adds the pattern), unless an exception is already pending.
fn throw_regex_syntax(env: &mut Env<'_>, class: &str, description: &str, index: usize) -> jni::errors::Result<()> {
    if env.exception_check() {
        return Ok(());
    }
    let description = env.new_string(description)?;
    let index = i32::try_from(index).unwrap_or(-1);
    let exception = env.new_object(
        JNIString::from(class),
        jni::jni_sig!("(Ljava/lang/String;Ljava/lang/String;I)V"),
        &[(&description).into(), (&JObject::null()).into(), index.into()],
    )?;
    let exception = env.cast_local::<JThrowable>(exception)?;
    match env.throw(exception) {
        Ok(()) | Err(jni::errors::Error::JavaException) => Ok(()),
        Err(e) => Err(e),
    }
}

/// ferric's single error policy: each [`FerricError`] becomes its Java exception, a panic becomes
/// `dev.ferric.NativePanicError("native panic: ...")` (a bug in ferric, which callers must be able
/// to tell from their own misuse). It never aborts the JVM.
pub struct ThrowFerricException;

impl<T: Default> ErrorPolicy<T, FerricError> for ThrowFerricException {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'l: 'n, 'n>(
        env: &mut Env<'l>,
        _: &mut (),
        err: FerricError,
    ) -> jni::errors::Result<T> {
        match &err {
            FerricError::RegexSyntax { index, message } => {
                throw_regex_syntax(env, &err.java_class(), message, *index)?
            }
            _ => throw(env, &err.java_class(), &err.to_string())?,
        }
        Ok(T::default())
    }

    fn on_panic<'l: 'n, 'n>(
        env: &mut Env<'l>,
        _: &mut (),
        payload: Box<dyn Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        let class = format!("{}NativePanicError", super::natives::package_root());
        throw(env, &class, &panic_message(payload.as_ref()))?;
        Ok(T::default())
    }
}

/// Runs the body of a hand-written `extern "system"` function the way a [`natives!`](crate::natives)
/// table runs every native method: it catches panics, maps `Err` to the Java exception of its kind,
/// and returns `T::default()` (0, null, false) to the JVM, which then sees the pending exception.
#[inline]
pub fn guard<'local, T, F>(env: &mut EnvUnowned<'local>, body: F) -> T
where
    T: Default,
    F: FnOnce(&mut Env<'local>) -> FerricResult<T>,
{
    env.with_env(body).resolve::<ThrowFerricException>()
}
