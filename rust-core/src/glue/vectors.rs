//! JNI glue for `dev.ferric.vectors.FlatIndexNative` and `VectorsNative`: decode arguments, call
//! `super`, encode results. Java checks every argument first; these re-check what memory safety needs.

// Each function takes its Java method's parameters, one by one.
#![allow(clippy::too_many_arguments)]

use jni::objects::{
    JByteArray, JByteBuffer, JObject, JFloatArray, JIntArray, JPrimitiveArray, JString, TypeArray,
};
use jni::sys::{jboolean, jfloat, jint, jlong, jsize};
use jni::Env;

use ferric_kernels::vectors::{
    active, add_parts, check_combination, finish, hamming, parts_f32, parts_i8, ElementType,
    FlatIndex, Hit, Metric, Query, MAX_DIMENSION,
};
use super::OrThrow;
use crate::boundary::{
    self, check_from_index_size, direct_slice, with_critical_pair, FerricError, FerricResult,
};

/// Borrows the index behind `handle` for a read-only call.
///
/// # Safety
/// `handle` is 0 or a live `FlatIndex` handle; `NativeResource` holds a shared call guard, so no
/// mutating call runs at the same time (those go through [`index_mut`] under an exclusive guard).
unsafe fn index<'a>(handle: jlong) -> FerricResult<&'a FlatIndex> {
    (handle as *const FlatIndex)
        .as_ref()
        .ok_or_else(|| FerricError::IllegalState("native handle is 0 (object closed)".into()))
}

/// Borrows the index behind `handle` for a mutating call.
///
/// # Safety
/// As [`index`], under an exclusive call guard.
unsafe fn index_mut<'a>(handle: jlong) -> FerricResult<&'a mut FlatIndex> {
    boundary::borrow_mut::<FlatIndex>(handle)
}

fn non_null<T: TypeArray>(a: &JPrimitiveArray<'_, T>, what: &str) -> FerricResult<()> {
    if a.is_null() {
        return Err(FerricError::NullPointer(format!("{what} is null")));
    }
    Ok(())
}

/// Copies `array[off..off + len]` into a new vector.
fn copy_in<T: TypeArray + Default + Clone>(
    env: &Env<'_>,
    array: &JPrimitiveArray<'_, T>,
    off: jint,
    len: usize,
) -> FerricResult<Vec<T>> {
    non_null(array, "query")?;
    let len_j =
        jint::try_from(len).map_err(|_| FerricError::IllegalArgument("query too long".into()))?;
    check_from_index_size(off, len_j, array.len(env)?)?;
    let mut v = vec![T::default(); len];
    array.get_region(env, off as jsize, &mut v)?;
    Ok(v)
}

/// Writes `rows` of hits into `ids`/`scores` from `out_off`, `stride` entries per row; entries past
/// a row's hits get id −1 and score NaN. Returns the number of hits per row.
fn write_hits(
    env: &Env<'_>,
    rows: &[Vec<Hit>],
    stride: usize,
    ids: &JIntArray<'_>,
    scores: &JFloatArray<'_>,
    out_off: jint,
) -> FerricResult<jint> {
    non_null(ids, "ids")?;
    non_null(scores, "scores")?;
    let total = rows.len() * stride;
    let total_j = jint::try_from(total)
        .map_err(|_| FerricError::IllegalArgument("too many results".into()))?;
    check_from_index_size(out_off, total_j, ids.len(env)?)?;
    check_from_index_size(out_off, total_j, scores.len(env)?)?;
    let mut id_buf = vec![-1i32; total];
    let mut score_buf = vec![f32::NAN; total];
    for (r, hits) in rows.iter().enumerate() {
        for (j, h) in hits.iter().enumerate() {
            id_buf[r * stride + j] = h.id as i32;
            score_buf[r * stride + j] = h.score;
        }
    }
    ids.set_region(env, out_off, &id_buf)?;
    scores.set_region(env, out_off, &score_buf)?;
    Ok(rows.first().map_or(0, |h| h.len()) as jint)
}

fn positive(value: jint, what: &str) -> FerricResult<usize> {
    if value <= 0 {
        return Err(FerricError::IllegalArgument(format!(
            "{what} must be > 0, was {value}"
        )));
    }
    Ok(value as usize)
}

fn create<'l>(
    _env: &mut Env<'l>,
    _this: JObject<'l>,
    dimension: jint,
    metric: jint,
    element: jint,
    max_bytes: jlong,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Vectors.enter();
    let dim = positive(dimension, "dimension")?;
    if max_bytes <= 0 {
        return Err(FerricError::IllegalArgument(format!(
            "maxBytes must be > 0, was {max_bytes}"
        )));
    }
    let ix = FlatIndex::new(
        dim,
        Metric::from_code(metric).or_throw()?,
        ElementType::from_code(element).or_throw()?,
        max_bytes as u64,
    ).or_throw()?;
    Ok(boundary::into_handle(ix))
}

/// Returns the first new id.
fn add_floats<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    src: JFloatArray<'l>,
    off: jint,
    len: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Vectors.enter();
    non_null(&src, "vectors")?;
    check_from_index_size(off, len, src.len(env)?)?;
    // SAFETY: exclusive call guard held by FlatIndex.add.
    let ix = unsafe { index_mut(handle)? };
    let count = ix.count_of(len as usize).or_throw()?;
    Ok(ix.append_f32(count, |dst| Ok(src.get_region(env, off, dst)?)).or_throw()? as jint)
}

/// Int8 or binary vectors;
/// returns the first new id.
fn add_bytes<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    src: JByteArray<'l>,
    off: jint,
    len: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Vectors.enter();
    non_null(&src, "vectors")?;
    check_from_index_size(off, len, src.len(env)?)?;
    // SAFETY: exclusive call guard held by FlatIndex.add.
    let ix = unsafe { index_mut(handle)? };
    let count = ix.count_of(len as usize).or_throw()?;
    Ok(ix.append_bytes(count, |dst| Ok(src.get_region(env, off, dst)?)).or_throw()? as jint)
}

/// int8 or binary bytes, or float32 values in the given byte order. Returns the first new id.
fn add_direct<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    buffer: JByteBuffer<'l>,
    pos: jint,
    len: jint,
    little_endian: jboolean,
) -> FerricResult<jint> {
    crate::memory::Kernel::Vectors.enter();
    let bytes = direct_slice(env, &buffer, pos, len)?;
    // SAFETY: exclusive call guard held by FlatIndex.add.
    let ix = unsafe { index_mut(handle)? };
    Ok(ix.add_bytes(bytes, little_endian).or_throw()? as jint)
}

fn reserve<'l>(
    _env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    additional: jint,
) -> FerricResult<()> {
    crate::memory::Kernel::Vectors.enter();
    if additional < 0 {
        return Err(FerricError::IllegalArgument(format!(
            "additional must be >= 0, was {additional}"
        )));
    }
    // SAFETY: exclusive call guard held by FlatIndex.
    unsafe { index_mut(handle)? }.reserve(additional as usize).or_throw()
}

fn truncate<'l>(
    _env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    size: jint,
) -> FerricResult<()> {
    crate::memory::Kernel::Vectors.enter();
    // SAFETY: exclusive call guard held by FlatIndex.
    unsafe { index_mut(handle)? }.truncate(size.max(0) as usize);
    Ok(())
}

fn memory_bytes<'l>(_env: &mut Env<'l>, _this: JObject<'l>, handle: jlong) -> FerricResult<jlong> {
    crate::memory::Kernel::Vectors.enter();
    // SAFETY: shared call guard held by FlatIndex.
    Ok(unsafe { index(handle)? }.memory_bytes() as jlong)
}

/// returns the number of hits written (`min(k, size)`).
fn search_floats<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    query: JFloatArray<'l>,
    off: jint,
    k: jint,
    ids: JIntArray<'l>,
    scores: JFloatArray<'l>,
    out_off: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Vectors.enter();
    // SAFETY: shared call guard held by FlatIndex.search.
    let ix = unsafe { index(handle)? };
    let k = positive(k, "k")?;
    let q = copy_in(env, &query, off, ix.dim())?;
    let hits = ix.search(Query::F32(&q), k).or_throw()?;
    write_hits(env, &[hits], k.min(ix.len()), &ids, &scores, out_off)
}

fn search_bytes<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    query: JByteArray<'l>,
    off: jint,
    k: jint,
    ids: JIntArray<'l>,
    scores: JFloatArray<'l>,
    out_off: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Vectors.enter();
    // SAFETY: shared call guard held by FlatIndex.search.
    let ix = unsafe { index(handle)? };
    let k = positive(k, "k")?;
    let q = copy_in(env, &query, off, ix.dim())?;
    let hits = ix.search(Query::bytes(ix.element(), &q), k).or_throw()?;
    write_hits(env, &[hits], k.min(ix.len()), &ids, &scores, out_off)
}

/// `count` queries packed row after row; results at stride `k`. Returns the hits per query.
fn search_batch_floats<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    queries: JFloatArray<'l>,
    off: jint,
    count: jint,
    k: jint,
    ids: JIntArray<'l>,
    scores: JFloatArray<'l>,
    out_off: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Vectors.enter();
    // SAFETY: shared call guard held by FlatIndex.searchBatch.
    let ix = unsafe { index(handle)? };
    let (k, n) = (positive(k, "k")?, positive(count, "query count")?);
    let flat = copy_in(
        env,
        &queries,
        off,
        n.checked_mul(ix.dim())
            .ok_or_else(|| FerricError::IllegalArgument("too many queries".into()))?,
    )?;
    let qs: Vec<Query<'_>> = flat.chunks_exact(ix.dim()).map(Query::F32).collect();
    let rows = ix.search_batch(&qs, k).or_throw()?;
    write_hits(env, &rows, k, &ids, &scores, out_off)
}

fn search_batch_bytes<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    queries: JByteArray<'l>,
    off: jint,
    count: jint,
    k: jint,
    ids: JIntArray<'l>,
    scores: JFloatArray<'l>,
    out_off: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Vectors.enter();
    // SAFETY: shared call guard held by FlatIndex.searchBatch.
    let ix = unsafe { index(handle)? };
    let (k, n) = (positive(k, "k")?, positive(count, "query count")?);
    let flat = copy_in(
        env,
        &queries,
        off,
        n.checked_mul(ix.dim())
            .ok_or_else(|| FerricError::IllegalArgument("too many queries".into()))?,
    )?;
    let qs: Vec<Query<'_>> = flat
        .chunks_exact(ix.dim())
        .map(|q| Query::bytes(ix.element(), q))
        .collect();
    let rows = ix.search_batch(&qs, k).or_throw()?;
    write_hits(env, &rows, k, &ids, &scores, out_off)
}

/// Scores `a[a_off..a_off+len]` against `b[b_off..b_off+len]` in place: in chunks of at most
/// `MAX_DIMENSION` elements, each read inside short critical sections (no copy, no JNI call inside).
/// A null `b` means "the same array as `a`". Ranges are checked against the arrays' lengths, so a
/// bad range is an exception, never an out-of-bounds read.
fn pair<T: TypeArray>(
    env: &Env<'_>,
    a: &JPrimitiveArray<'_, T>,
    a_off: jint,
    b: &JPrimitiveArray<'_, T>,
    b_off: jint,
    len: jint,
    parts: impl Fn(&[T], &[T]) -> [f64; 3],
) -> FerricResult<[f64; 3]> {
    non_null(a, "a")?;
    if a_off < 0 || b_off < 0 || len < 0 {
        return Err(FerricError::IndexOutOfBounds(format!(
            "negative offset or length: {a_off}, {b_off}, {len}"
        )));
    }
    let (a_off, b_off, len) = (a_off as usize, b_off as usize, len as usize);
    let range = |off: usize, n: usize, data_len: usize| {
        let end = off + n;
        if end > data_len {
            return Err(FerricError::IndexOutOfBounds(format!(
                "Range [{off}, {end}) out of bounds for length {data_len}"
            )));
        }
        Ok(off..end)
    };
    let mut acc = [0.0; 3];
    if len == 0 {
        return Ok(acc); // nothing to read (and an empty array may have no critical address)
    }
    let mut done = 0;
    loop {
        let n = MAX_DIMENSION.min(len - done);
        let (x, y) = (a_off + done, b_off + done);
        let p = with_critical_pair(
            env,
            a,
            if b.is_null() { None } else { Some(b) },
            |ea, eb| {
                Ok::<_, FerricError>(parts(
                    &ea[range(x, n, ea.len())?],
                    &eb[range(y, n, eb.len())?],
                ))
            },
        )??;
        acc = add_parts(acc, p);
        done += n;
        if done >= len {
            return Ok(acc);
        }
    }
}

/// `b` null = `a`.
fn pair_floats<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    metric: jint,
    a: JFloatArray<'l>,
    a_off: jint,
    b: JFloatArray<'l>,
    b_off: jint,
    len: jint,
) -> FerricResult<jfloat> {
    crate::memory::Kernel::Vectors.enter();
    let m = Metric::from_code(metric).or_throw()?;
    check_combination(m, ElementType::F32).or_throw()?;
    Ok(finish(
        m,
        pair(env, &a, a_off, &b, b_off, len, |x, y| parts_f32(m, x, y))?,
    ))
}

/// `b` null = `a`.
fn pair_bytes<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    metric: jint,
    a: JByteArray<'l>,
    a_off: jint,
    b: JByteArray<'l>,
    b_off: jint,
    len: jint,
) -> FerricResult<jfloat> {
    crate::memory::Kernel::Vectors.enter();
    let m = Metric::from_code(metric).or_throw()?;
    check_combination(m, ElementType::I8).or_throw()?;
    Ok(finish(
        m,
        pair(env, &a, a_off, &b, b_off, len, |x, y| parts_i8(m, x, y))?,
    ))
}

/// `b` null = `a`.
/// Chunk sums are added in `f64`, exact below 2^53 bits.
fn hamming<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    a: JByteArray<'l>,
    a_off: jint,
    b: JByteArray<'l>,
    b_off: jint,
    len: jint,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Vectors.enter();
    Ok(pair(env, &a, a_off, &b, b_off, len, |x, y| {
        parts_i8(Metric::Hamming, x, y)
    })?[0] as jlong)
}

/// The SIMD kernel family chosen for this CPU.
fn kernel_name<'l>(env: &mut Env<'l>, _this: JObject<'l>) -> FerricResult<JString<'l>> {
    crate::memory::Kernel::Vectors.enter();
    Ok(env.new_string(active().kind.name())?)
}

/// The popcount kernel chosen for this CPU.
fn hamming_kernel_name<'l>(env: &mut Env<'l>, _this: JObject<'l>) -> FerricResult<JString<'l>> {
    crate::memory::Kernel::Vectors.enter();
    Ok(env.new_string(hamming::active().0.name())?)
}


/// The native methods of `dev.ferric.vectors.FlatIndexNative`.
pub const INDEX_NATIVES: boundary::NativeClass = crate::natives!("vectors/FlatIndexNative",
    { fn create(dimension: jint, metric: jint, element: jint, max_bytes: jlong) -> jlong }
    { fn add_floats(handle: jlong, src: jfloat[], off: jint, len: jint) -> jint }
    { fn add_bytes(handle: jlong, src: jbyte[], off: jint, len: jint) -> jint }
    { fn add_direct(handle: jlong, buffer: java.nio.ByteBuffer, pos: jint, len: jint, little_endian: jboolean) -> jint }
    { fn reserve(handle: jlong, additional: jint) }
    { fn truncate(handle: jlong, size: jint) }
    { fn memory_bytes(handle: jlong) -> jlong }
    { fn search_floats(handle: jlong, query: jfloat[], off: jint, k: jint, ids: jint[], scores: jfloat[], out_off: jint) -> jint }
    { fn search_bytes(handle: jlong, query: jbyte[], off: jint, k: jint, ids: jint[], scores: jfloat[], out_off: jint) -> jint }
    { fn search_batch_floats(handle: jlong, queries: jfloat[], off: jint, count: jint, k: jint, ids: jint[], scores: jfloat[], out_off: jint) -> jint }
    { fn search_batch_bytes(handle: jlong, queries: jbyte[], off: jint, count: jint, k: jint, ids: jint[], scores: jfloat[], out_off: jint) -> jint }
    { fn free(handle: jlong), fn = boundary::free_handle::<FlatIndex> }
);

/// The native methods of `dev.ferric.vectors.VectorsNative`.
pub const NATIVES: boundary::NativeClass = crate::natives!("vectors/VectorsNative",
    { fn pair_floats(metric: jint, a: jfloat[], a_off: jint, b: jfloat[], b_off: jint, len: jint) -> jfloat }
    { fn pair_bytes(metric: jint, a: jbyte[], a_off: jint, b: jbyte[], b_off: jint, len: jint) -> jfloat }
    { fn hamming(a: jbyte[], a_off: jint, b: jbyte[], b_off: jint, len: jint) -> jlong }
    { fn kernel_name() -> JString }
    { fn hamming_kernel_name() -> JString }
);
