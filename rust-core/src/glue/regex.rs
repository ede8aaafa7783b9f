//! JNI glue for `dev.ferric.regex.RegexNative`: decode arguments, call `ferric_kernels::regex`, encode results.
//!
//! Byte inputs (one `Region` each) are searched where they are (see `boundary::with_input`) and
//! report byte offsets relative to the range's start. String inputs are transcoded to UTF-8 (unpaired
//! surrogates read as U+FFFD) and report UTF-16 indices.

// Each function takes its Java method's parameters, one by one.
#![allow(clippy::too_many_arguments)]

use jni::objects::{JByteArray, JByteBuffer, JObject, JIntArray, JObjectArray, JString};
use jni::sys::{jboolean, jint, jlong};
use jni::Env;

use ferric_kernels::regex::utf16::Utf8Text;
use ferric_kernels::regex::{CompileError, Mode, Options, Regex, RegexSet};
use crate::boundary::{
    self, read_utf16, string_len, with_input, with_utf16_critical, FerricError, FerricResult, Region,
};

/// `op` of the `*Op` functions.
pub(crate) const OP_IS_MATCH: jint = 0;
pub(crate) const OP_FULL_MATCH: jint = 1;
pub(crate) const OP_COUNT: jint = 2;
/// Or'ed into an `op`: the bytes are text (UTF-8, e.g. an ASCII `String` copied by Java), searched
/// with text semantics; their indices are the `String`'s.
pub(crate) const OP_TEXT: jint = 0x100;

/// `flags` of `find`: report every group's slots, not only the whole match's.
pub(crate) const FIND_CAPTURES: jint = 1;
/// `flags` of `find`: as [`OP_TEXT`].
pub(crate) const FIND_TEXT: jint = 2;

fn compile_error(e: CompileError) -> FerricError {
    match e {
        CompileError::Syntax { index, message } => FerricError::RegexSyntax { index, message },
        CompileError::TooBig(m) | CompileError::Invalid(m) => FerricError::IllegalArgument(m),
    }
}

/// A lazily built engine failing at search time: the pattern compiled for bytes but not for text.
fn search_error(e: CompileError) -> FerricError {
    FerricError::IllegalArgument(format!("this regex can only search bytes, not text: {e}"))
}

fn options(
    flags: jint,
    size_limit: jlong,
    dfa_size_limit: jlong,
    nest_limit: jint,
) -> FerricResult<Options> {
    if size_limit < 0 || dfa_size_limit < 0 || nest_limit < 0 {
        return Err(FerricError::IllegalArgument("limits must be >= 0".into()));
    }
    Ok(Options {
        flags: flags as u32,
        size_limit: size_limit as usize,
        dfa_size_limit: dfa_size_limit as usize,
        nest_limit: nest_limit as u32,
    })
}

fn pattern_string(env: &Env<'_>, s: &JString<'_>) -> FerricResult<String> {
    let mut units = Vec::with_capacity(string_len(env, s)?);
    read_utf16(env, s, |c| units.extend_from_slice(c))?;
    Ok(String::from_utf16_lossy(&units))
}

/// Strings at least this long are transcoded from the JVM's own array inside a critical section
/// (one bounded linear pass, no regex work inside it) instead of being copied out in slices first:
/// measured about 15% faster on a 2 MiB text (BENCHMARKS.md, Regex section).
const CRITICAL_TEXT_MIN: usize = 4096;

fn text(env: &Env<'_>, s: &JString<'_>) -> FerricResult<Utf8Text> {
    let len = string_len(env, s)?;
    if len >= CRITICAL_TEXT_MIN {
        return with_utf16_critical(env, s, Utf8Text::from_utf16);
    }
    let mut t = Utf8Text::with_capacity(len);
    read_utf16(env, s, |c| t.push(c))?;
    Ok(t.finish())
}

pub(crate) fn regex<'a>(handle: jlong) -> FerricResult<&'a Regex> {
    // SAFETY: NativeResource passes a live Regex handle for the duration of a shared call; Regex is
    // immutable apart from its thread-safe OnceLocks.
    unsafe { boundary::borrow::<Regex>(handle) }
}

fn set<'a>(handle: jlong) -> FerricResult<&'a RegexSet> {
    // SAFETY: as in `regex`.
    unsafe { boundary::borrow::<RegexSet>(handle) }
}

/// Runs `op` on `hay`; an [`OP_TEXT`] op searches it as text whatever `mode` says.
pub(crate) fn run_op(re: &Regex, op: jint, mode: Mode, hay: &[u8], from: usize) -> FerricResult<jint> {
    let (op, mode) = if op & OP_TEXT != 0 { (op & !OP_TEXT, Mode::Text) } else { (op, mode) };
    let r = match op {
        OP_IS_MATCH => re.is_match(mode, hay, from).map(jint::from),
        OP_FULL_MATCH => re.full_match(mode, hay).map(jint::from),
        OP_COUNT => re.count(mode, hay, from).map(|n| n as jint),
        _ => return Err(FerricError::IllegalArgument(format!("unknown op {op}"))),
    };
    r.map_err(search_error)
}

pub(crate) fn check_from(from: jint, len: jint) -> FerricResult<usize> {
    if from < 0 || from > len {
        return Err(FerricError::IndexOutOfBounds(format!(
            "from {from} out of bounds for length {len}"
        )));
    }
    Ok(from as usize)
}

/// Searches `hay` from `from`, writing each match's slots (offsets into `hay`, -1 when unset) into
/// `out` while whole matches fit; returns the slots written. `prev_end` is the end of the previous
/// match when resuming, else negative.
pub(crate) fn find_batch(
    re: &Regex,
    hay: &[u8],
    from: usize,
    prev_end: jint,
    flags: jint,
    out: &mut [jint],
) -> FerricResult<usize> {
    let captures = flags & FIND_CAPTURES != 0;
    let mode = if flags & FIND_TEXT != 0 { Mode::Text } else { Mode::Bytes };
    let prev = if prev_end < 0 {
        None
    } else {
        Some(prev_end as usize)
    };
    let mut it = re
        .matches(mode, hay, from, prev, captures)
        .map_err(search_error)?;
    let per = if captures { 2 * re.group_len() } else { 2 };
    let mut n = 0;
    while n + per <= out.len() && it.next_match() {
        for g in it.groups() {
            let (s, e) = g.map_or((-1, -1), |(s, e)| (s as jint, e as jint));
            out[n] = s;
            out[n + 1] = e;
            n += 2;
        }
    }
    Ok(n)
}

/// Writes `data` into `out` and returns its length; the last JNI call of its native method.
fn write_ints(env: &Env<'_>, out: &JIntArray<'_>, data: &[jint]) -> FerricResult<jint> {
    boundary::write_ints_last(env, out, data)?;
    Ok((data.len()) as jint)
}

fn out_capacity(env: &Env<'_>, out: &JIntArray<'_>) -> FerricResult<usize> {
    boundary::array_len(env, out)
}

fn compile<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    pattern: JString<'l>,
    flags: jint,
    size_limit: jlong,
    dfa_size_limit: jlong,
    nest_limit: jint,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Regex.enter();
    let opts = options(flags, size_limit, dfa_size_limit, nest_limit)?;
    let p = pattern_string(env, &pattern)?;
    Ok(boundary::into_handle(
        Regex::new(&p, &opts).map_err(compile_error)?,
    ))
}

/// One line per group (group 0 first), each the
/// group's name or empty.
fn group_names<'l>(env: &mut Env<'l>, _this: JObject<'l>, handle: jlong) -> FerricResult<JObjectArray<'l, JString<'l>>> {
    crate::memory::Kernel::Regex.enter();
    let names = regex(handle)?.group_names();
    boundary::string_array(env, names.iter().map(|n| n.as_deref()))
}

/// The pattern after translation.
fn engine_pattern<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
) -> FerricResult<JString<'l>> {
    crate::memory::Kernel::Regex.enter();
    Ok(env.new_string(regex(handle)?.engine_pattern())?)
}

/// [`Regex::full_match_edges`] as eight ints: the first mask, then the last, each as four 32-bit words
/// (bit `b % 32` of word `b / 32` is the ASCII byte `b`).
fn full_match_edges<'l>(env: &mut Env<'l>, _this: JObject<'l>, handle: jlong) -> FerricResult<JIntArray<'l>> {
    crate::memory::Kernel::Regex.enter();
    let (first, last) = regex(handle)?.full_match_edges();
    let words: Vec<jint> = [first, last].iter().flat_map(|&m| (0..4).map(move |w| (m >> (32 * w)) as u32 as jint)).collect();
    int_array(env, &words)
}

/// [`Regex::required_literal`], or null.
fn required_literal<'l>(env: &mut Env<'l>, _this: JObject<'l>, handle: jlong) -> FerricResult<JString<'l>> {
    crate::memory::Kernel::Regex.enter();
    match regex(handle)?.required_literal() {
        Some(l) => Ok(env.new_string(l)?),
        None => Ok(JString::null()),
    }
}

fn memory_usage<'l>(_env: &mut Env<'l>, _this: JObject<'l>, handle: jlong) -> FerricResult<jlong> {
    crate::memory::Kernel::Regex.enter();
    Ok(regex(handle)?.memory_usage() as jlong)
}

/// Runs `op` on one byte range from `from` (relative to the range's start).
fn op<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    op: jint,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    from: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Regex.enter();
    let re = regex(handle)?;
    let from = check_from(from, len)?;
    with_input(env, &Region::new(&in_arr, &in_buf, off, len), |hay| {
        run_op(re, op, Mode::Bytes, hay, from)
    })?
}

/// `from` in UTF-16 units.
fn string_op<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    op: jint,
    input: JString<'l>,
    from: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Regex.enter();
    let re = regex(handle)?;
    let t = text(env, &input)?;
    let from = check_from(from, t.utf16_len() as jint)?;
    let from = t.offsets().to_utf8(from);
    run_op(re, op, Mode::Text, t.bytes(), from)
}

/// `find`: fills `out` with as many matches in one byte range as fit (each 2 slots, or 2 per group
/// with [`FIND_CAPTURES`]; offsets relative to the range's start, -1 for a group that did not take
/// part) and returns the number of ints written. `from` and `prevEnd` (the end of the previous match
/// when resuming, else -1) are relative to the range's start too.
fn find<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    from: jint,
    prev_end: jint,
    flags: jint,
    out: JIntArray<'l>,
) -> FerricResult<jint> {
    crate::memory::Kernel::Regex.enter();
    let re = regex(handle)?;
    let cap = out_capacity(env, &out)?;
    let from = check_from(from, len)?;
    // as many slots as `out` holds (Java sizes it: one match, or a batch of 256); on the stack for the
    // one-match and small-batch calls of the per-record regime
    let mut stack = [0 as jint; 64];
    let mut heap = Vec::new();
    let found: &mut [jint] = if cap <= stack.len() {
        &mut stack[..cap]
    } else {
        heap.resize(cap, 0);
        &mut heap
    };
    let n = with_input(env, &Region::new(&in_arr, &in_buf, off, len), |hay| {
        find_batch(re, hay, from, prev_end, flags, found)
    })??;
    write_ints(env, &out, &found[..n])
}

/// up to `limit` matches (all if negative) starting at UTF-16 index `from`, as UTF-16 slots.
fn string_find<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    input: JString<'l>,
    from: jint,
    limit: jint,
    captures: jboolean,
) -> FerricResult<JIntArray<'l>> {
    crate::memory::Kernel::Regex.enter();
    let re = regex(handle)?;
    let t = text(env, &input)?;
    let from = check_from(from, t.utf16_len() as jint)?;
    let mut offsets = t.offsets();
    let from = offsets.to_utf8(from);
    let mut it = re
        .matches(Mode::Text, t.bytes(), from, None, captures)
        .map_err(search_error)?;
    let mut out: Vec<jint> = Vec::new();
    let mut n: jint = 0;
    while (limit < 0 || n < limit) && it.next_match() {
        n += 1;
        for g in it.groups() {
            match g {
                Some((s, e)) => {
                    let s = offsets.to_utf16(s) as jint;
                    out.extend_from_slice(&[s, offsets.to_utf16(e) as jint]);
                }
                None => out.extend_from_slice(&[-1, -1]),
            }
        }
    }
    let array = env.new_int_array(out.len())?;
    array.set_region(env, 0, &out)?;
    Ok(array)
}

fn set_compile<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    patterns: JObjectArray<'l, JString<'l>>,
    flags: jint,
    size_limit: jlong,
    dfa_size_limit: jlong,
    nest_limit: jint,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Regex.enter();
    if patterns.is_null() {
        return Err(FerricError::NullPointer("patterns is null".into()));
    }
    let opts = options(flags, size_limit, dfa_size_limit, nest_limit)?;
    let n = patterns.len(env)?;
    let mut ps = Vec::with_capacity(n);
    for i in 0..n {
        let s = patterns.get_element(env, i)?;
        if s.is_null() {
            return Err(FerricError::NullPointer(format!("patterns[{i}] is null")));
        }
        ps.push(pattern_string(env, &s)?);
        env.delete_local_ref(s);
    }
    Ok(boundary::into_handle(
        RegexSet::new(&ps, &opts).map_err(compile_error)?,
    ))
}

fn which_result(s: &RegexSet, mode: Mode, hay: &[u8], any_only: bool) -> FerricResult<Vec<jint>> {
    if any_only {
        return Ok(if s.is_match(mode, hay).map_err(search_error)? {
            vec![0]
        } else {
            vec![]
        });
    }
    Ok(s.which(mode, hay)
        .map_err(search_error)?
        .into_iter()
        .map(|i| i as jint)
        .collect())
}

fn int_array<'l>(env: &mut Env<'l>, v: &[jint]) -> FerricResult<JIntArray<'l>> {
    let a = env.new_int_array(v.len())?;
    a.set_region(env, 0, v)?;
    Ok(a)
}

/// indexes of the patterns matching one byte range, ascending (with `anyOnly`: `{0}` if any
/// matches, else `{}`).
fn set_which<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    any_only: jboolean,
) -> FerricResult<JIntArray<'l>> {
    crate::memory::Kernel::Regex.enter();
    let s = set(handle)?;
    let v = with_input(env, &Region::new(&in_arr, &in_buf, off, len), |hay| {
        which_result(s, Mode::Bytes, hay, any_only)
    })??;
    int_array(env, &v)
}

fn set_which_string<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    input: JString<'l>,
    any_only: jboolean,
) -> FerricResult<JIntArray<'l>> {
    crate::memory::Kernel::Regex.enter();
    let s = set(handle)?;
    let t = text(env, &input)?;
    let v = which_result(s, Mode::Text, t.bytes(), any_only)?;
    int_array(env, &v)
}


/// The native methods of `dev.ferric.regex.RegexNative`.
pub const NATIVES: boundary::NativeClass = crate::natives!("regex/RegexNative",
    { fn compile(pattern: JString, flags: jint, size_limit: jlong, dfa_size_limit: jlong, nest_limit: jint) -> jlong }
    { fn group_names(handle: jlong) -> java.lang.String[] }
    { fn engine_pattern(handle: jlong) -> JString }
    { fn memory_usage(handle: jlong) -> jlong }
    { fn full_match_edges(handle: jlong) -> jint[] }
    { fn required_literal(handle: jlong) -> JString }
    { fn op(handle: jlong, code: jint, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, from: jint) -> jint }
    { fn string_op(handle: jlong, op: jint, input: JString, from: jint) -> jint }
    { fn find(handle: jlong, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, from: jint, prev_end: jint, flags: jint, out: jint[]) -> jint }
    { fn string_find(handle: jlong, input: JString, from: jint, limit: jint, captures: jboolean) -> jint[] }
    { fn free(handle: jlong), fn = boundary::free_handle::<Regex> }
    { fn set_compile(patterns: java.lang.String[], flags: jint, size_limit: jlong, dfa_size_limit: jlong, nest_limit: jint) -> jlong }
    { fn set_which(handle: jlong, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, any_only: jboolean) -> jint[] }
    { fn set_which_string(handle: jlong, input: JString, any_only: jboolean) -> jint[] }
    { fn set_free(handle: jlong), fn = boundary::free_handle::<RegexSet> }
);
