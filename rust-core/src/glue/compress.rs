//! JNI glue for `dev.ferric.compress.CompressNative`: decode arguments, call the pure codecs, encode
//! results. Every byte range arrives as `(byte[] array, ByteBuffer buffer, int off, int len)` with
//! exactly one of `array`/`buffer` non-null, so heap arrays and direct buffers share one entry point.
//! Arrays are read and written in place inside JNI critical sections; each section covers a bounded
//! amount of work ([`IN_CHUNK`] input or [`OUT_CHUNK`] output) so the garbage collector is never held
//! off for long.

// Each function takes its Java method's parameters, one by one.
#![allow(clippy::too_many_arguments)]

use std::sync::RwLock;

use jni::ids::JFieldID;
use jni::objects::{JByteArray, JByteBuffer, JClass, JObject, JValue};
use jni::sys::{jboolean, jint, jlong};
use jni::{jni_sig, jni_str, Env};

use ferric_kernels::compress::deflate::{self, Decoder, Encoder, Flush, Format, Step};
use ferric_kernels::compress::{engine, lz4, lz4frame, parallel, pool, CodecError, Limits};
use super::OrThrow;
use crate::boundary::{self, with_input, with_regions, FerricError, FerricResult, Region};

/// Most input handed to a codec inside one critical section.
const IN_CHUNK: usize = 256 << 10;
/// Most output produced inside one critical section.
const OUT_CHUNK: usize = 1 << 20;

/// What one streaming call did: its counts and the flags of its codec, written into the fields of
/// the Java `StreamStep` that made the call (each stream owns one, so no call allocates).
#[derive(Default)]
struct Report {
    step: Step,
    finished: bool,
    needs_dictionary: bool,
    pending: bool,
    at_frame_boundary: bool,
}

/// The field IDs of `StreamStep`, in [`Report`]'s order.
struct ReportFields([JFieldID; 6]);

/// Looked up when `StreamStep`'s natives are registered, i.e. at every load (the class may be a
/// relocated copy in another class loader).
static REPORT_FIELDS: RwLock<Option<ReportFields>> = RwLock::new(None);

fn report_fields(env: &mut Env<'_>, class: &JClass<'_>) -> Result<(), String> {
    let mut id = |name: &'static jni::strings::JNIStr, sig| {
        env.get_field_id(class, name, sig)
            .map_err(|e| format!("no field {name:?}: {e}"))
    };
    let fields = ReportFields([
        id(jni_str!("consumed"), jni_sig!("I"))?,
        id(jni_str!("produced"), jni_sig!("I"))?,
        id(jni_str!("finished"), jni_sig!("Z"))?,
        id(jni_str!("needsDictionary"), jni_sig!("Z"))?,
        id(jni_str!("pending"), jni_sig!("Z"))?,
        id(jni_str!("atFrameBoundary"), jni_sig!("Z"))?,
    ]);
    *REPORT_FIELDS.write().unwrap_or_else(|e| e.into_inner()) = Some(fields);
    Ok(())
}

/// Writes `r` into the fields of `this`, a `StreamStep`.
fn report(env: &mut Env<'_>, this: &JObject<'_>, r: Report) -> FerricResult<()> {
    let fields = REPORT_FIELDS.read().unwrap_or_else(|e| e.into_inner());
    let [consumed, produced, finished, needs_dictionary, pending, at_frame_boundary] = &fields
        .as_ref()
        .ok_or_else(|| FerricError::IllegalState("StreamStep's fields were not looked up".into()))?
        .0;
    let values = [
        (consumed, JValue::Int(r.step.consumed as jint)),
        (produced, JValue::Int(r.step.produced as jint)),
        (finished, JValue::Bool(r.finished)),
        (needs_dictionary, JValue::Bool(r.needs_dictionary)),
        (pending, JValue::Bool(r.pending)),
        (at_frame_boundary, JValue::Bool(r.at_frame_boundary)),
    ];
    for (field, value) in values {
        // SAFETY: each ID was looked up on `this`'s class with the type of its value.
        unsafe { env.set_field_unchecked(this, field, value)? };
    }
    Ok(())
}

fn level(level: jint) -> FerricResult<u32> {
    deflate::check_level(level).or_throw()
}

fn limits(max_output: jlong, max_ratio: jlong) -> FerricResult<Limits> {
    if max_output < 0 || max_ratio < 0 {
        return Err(FerricError::IllegalArgument("limits must be >= 0".into()));
    }
    Ok(Limits {
        max_output: max_output as u64,
        max_ratio: max_ratio as u64,
    })
}

fn optional_bytes(env: &Env<'_>, array: &JByteArray<'_>) -> FerricResult<Option<Vec<u8>>> {
    if array.is_null() {
        return Ok(None);
    }
    let len = array.len(env)?;
    let mut v = vec![0u8; len];
    boundary::read_chunks(env, array, 0, len as jint, |c| v.copy_from_slice(c))?;
    Ok(Some(v))
}

/// Runs `enc` over `input` into `output`, a bounded piece per critical section, until the input is
/// consumed and `flush` is done, the output is full, or the stream is finished.
fn pump_encoder(
    env: &Env<'_>,
    enc: &mut Encoder,
    input: &Region<'_, '_>,
    output: &Region<'_, '_>,
    flush: Flush,
) -> FerricResult<Step> {
    let mut t = Step::default();
    loop {
        let n = (input.len() - t.consumed).min(IN_CHUNK);
        let last = t.consumed + n == input.len();
        let f = if last { flush } else { Flush::None };
        let (i, o) = (
            input.sub(t.consumed, n),
            output.sub(t.produced, output.len() - t.produced),
        );
        let s = with_regions(env, &i, &o, |i, o| enc.step(i, o, f))?.or_throw()?;
        t.consumed += s.consumed;
        t.produced += s.produced;
        if enc.finished()
            || t.produced == output.len()
            || (s.consumed == 0 && s.produced == 0)
            || (last && f == Flush::None)
        {
            return Ok(t);
        }
    }
}

/// Runs `dec` over `input` into `output` until one runs out, the stream ends or needs a dictionary.
fn pump_decoder(
    env: &Env<'_>,
    dec: &mut Decoder,
    input: &Region<'_, '_>,
    output: &Region<'_, '_>,
) -> FerricResult<Step> {
    let mut t = Step::default();
    loop {
        let n = (input.len() - t.consumed).min(IN_CHUNK);
        let m = (output.len() - t.produced).min(OUT_CHUNK);
        let (i, o) = (input.sub(t.consumed, n), output.sub(t.produced, m));
        let s = with_regions(env, &i, &o, |i, o| dec.step(i, o))?.or_throw()?;
        t.consumed += s.consumed;
        t.produced += s.produced;
        if dec.finished() || dec.needs_dictionary() || (s.consumed == 0 && s.produced == 0) {
            return Ok(t);
        }
    }
}

fn deflate_bound<'l>(
    _env: &mut Env<'l>,
    _this: JObject<'l>,
    format: jint,
    len: jint,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Compression.enter();
    if len < 0 {
        return Err(FerricError::IllegalArgument(format!(
            "length must be >= 0, was {len}"
        )));
    }
    Ok(deflate::bound(Format::from_id(format).or_throw()?, len as usize) as jlong)
}

fn compress<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    format: jint,
    lvl: jint,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    header: JByteArray<'l>,
) -> FerricResult<JByteArray<'l>> {
    crate::memory::Kernel::Compression.enter();
    let format = Format::from_id(format).or_throw()?;
    let header = optional_bytes(env, &header)?;
    let extra = header.as_ref().map_or(0, |h| h.len());
    let level = level(lvl)?;
    let (mut own, mut pooled);
    let enc: &mut Encoder = match header {
        Some(h) => {
            own = Encoder::new(format, level, Some(h)).or_throw()?;
            &mut own
        }
        None => {
            pooled = pool::encoder(format, level).or_throw()?;
            &mut pooled
        }
    };
    let input = Region::new(&in_arr, &in_buf, off, len);
    let mut out = Vec::with_capacity(deflate::bound(format, input.len()) + extra);
    let mut pos = 0;
    loop {
        let n = (input.len() - pos).min(IN_CHUNK);
        let last = pos + n == input.len();
        let flush = if last { Flush::Finish } else { Flush::None };
        let piece = input.sub(pos, n);
        let mut used = 0;
        while if last { !enc.finished() } else { used < n } {
            if out.len() == out.capacity() {
                out.reserve(64 << 10);
            }
            let s = with_input(env, &piece.sub(used, n - used), |b| {
                enc.step_vec(b, &mut out, flush)
            })?.or_throw()?;
            used += s.consumed;
            if s.consumed == 0 && s.produced == 0 && out.len() < out.capacity() {
                return Err(FerricError::IllegalState("deflate made no progress".into()));
            }
        }
        pos += n;
        if last {
            break;
        }
    }
    Ok(env.byte_array_from_slice(&out)?)
}

/// Compresses the input into the caller's output in one call; returns the compressed length.
fn compress_into<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    format: jint,
    lvl: jint,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    out_arr: JByteArray<'l>,
    out_buf: JByteBuffer<'l>,
    out_off: jint,
    out_len: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Compression.enter();
    let mut enc = pool::encoder(Format::from_id(format).or_throw()?, level(lvl)?).or_throw()?;
    let s = pump_encoder(
        env,
        &mut enc,
        &Region::new(&in_arr, &in_buf, off, len),
        &Region::new(&out_arr, &out_buf, out_off, out_len),
        Flush::Finish,
    )?;
    if !enc.finished() {
        return Err(FerricError::IllegalArgument(format!(
            "compressed data does not fit the destination of {out_len} bytes (maxCompressedLength gives a safe size)"
        )));
    }
    Ok(s.produced as jint)
}

fn decompress<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    format: jint,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    max_output: jlong,
    max_ratio: jlong,
) -> FerricResult<JByteArray<'l>> {
    crate::memory::Kernel::Compression.enter();
    let input = Region::new(&in_arr, &in_buf, off, len);
    let mut d = deflate::VecDecoder::new(
        Format::from_id(format).or_throw()?,
        input.len(),
        limits(max_output, max_ratio)?,
    );
    let mut pos = 0;
    loop {
        let n = (input.len() - pos).min(IN_CHUNK);
        let consumed = with_input(env, &input.sub(pos, n), |b| d.feed(b, OUT_CHUNK * 8))?.or_throw()?;
        pos += consumed;
        if pos == input.len() {
            break;
        }
    }
    let out = d.finish().or_throw()?;
    Ok(env.byte_array_from_slice(&out)?)
}

/// Decompresses the whole input into the caller's output in one call; returns the decompressed length.
fn decompress_into<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    format: jint,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    out_arr: JByteArray<'l>,
    out_buf: JByteBuffer<'l>,
    out_off: jint,
    out_len: jint,
) -> FerricResult<jint> {
    crate::memory::Kernel::Compression.enter();
    let format = Format::from_id(format).or_throw()?;
    let (input, output) = (
        Region::new(&in_arr, &in_buf, off, len),
        Region::new(&out_arr, &out_buf, out_off, out_len),
    );
    let mut dec = pool::decoder(format);
    let (mut ip, mut op) = (0usize, 0usize);
    loop {
        let s = pump_decoder(
            env,
            &mut dec,
            &input.sub(ip, input.len() - ip),
            &output.sub(op, output.len() - op),
        )?;
        ip += s.consumed;
        op += s.produced;
        if dec.needs_dictionary() {
            return Err(CodecError::Corrupt("the zlib stream needs a preset dictionary".into())).or_throw();
        }
        if dec.finished() {
            if ip == input.len() {
                return Ok(op as jint);
            }
            if format == Format::Gzip {
                dec.reset();
                continue;
            }
            return Err(CodecError::Corrupt("trailing data after the end of the compressed stream".into())).or_throw();
        }
        if s.consumed == 0 && s.produced == 0 {
            if op == output.len() {
                return Err(CodecError::Limit(format!("decompressed data does not fit the destination of {out_len} bytes")))
                    .or_throw();
            }
            return Err(CodecError::Truncated(deflate::TRUNCATED.into())).or_throw();
        }
    }
}

/// Defines `StreamStep.NAME(handle, in, inBuf, inOff, inLen, out, outBuf, outOff, outLen[, EXTRA])`:
/// one step of the streaming state `$t` behind the handle, borrowed as `$state`, over the `$input`
/// and `$output` regions; `$body` returns the [`Report`], written into the receiving `StreamStep`.
macro_rules! step_fn {
    ($(#[$doc:meta])* $name:ident, $t:ty, |$env:ident, $state:ident, $input:ident, $output:ident $(, $extra:ident)?| $body:block) => {
        $(#[$doc])*
        fn $name<'l>(
            $env: &mut Env<'l>,
            this: JObject<'l>,
            handle: jlong,
            in_arr: JByteArray<'l>,
            in_buf: JByteBuffer<'l>,
            in_off: jint,
            in_len: jint,
            out_arr: JByteArray<'l>,
            out_buf: JByteBuffer<'l>,
            out_off: jint,
            out_len: jint,
            $($extra: jint,)?
        ) -> FerricResult<()> {
            crate::memory::Kernel::Compression.enter();
            // SAFETY: NativeResource passes a live handle of this type and excludes concurrent use.
            let $state = unsafe { boundary::borrow_mut::<$t>(handle)? };
            let ($input, $output) = (Region::new(&in_arr, &in_buf, in_off, in_len), Region::new(&out_arr, &out_buf, out_off, out_len));
            // (a closure, so `return` and `?` in the body end the step, not the native method)
            let r = (|| -> FerricResult<Report> { $body })()?;
            report($env, &this, r)
        }
    };
}

/// Defines `DICTIONARY(handle, dict, off, len)` and `RESET(handle)` for a deflate state `$t`
/// (Encoder or Decoder): its `set_dictionary` and its `reset`.
macro_rules! dictionary_and_reset_fns {
    ($t:ty, $dictionary:ident, $reset:ident) => {
        fn $dictionary<'l>(
            env: &mut Env<'l>,
            _this: JObject<'l>,
            handle: jlong,
            dict: JByteArray<'l>,
            off: jint,
            len: jint,
        ) -> FerricResult<()> {
            crate::memory::Kernel::Compression.enter();
            // SAFETY: as in `step_fn!`.
            let state = unsafe { boundary::borrow_mut::<$t>(handle)? };
            let none = JByteBuffer::null();
            with_input(env, &Region::new(&dict, &none, off, len), |d| {
                state.set_dictionary(d)
            })?.or_throw()
        }

        fn $reset<'l>(_env: &mut Env<'l>, _this: JObject<'l>, handle: jlong) -> FerricResult<()> {
            crate::memory::Kernel::Compression.enter();
            // SAFETY: as in `step_fn!`.
            unsafe { boundary::borrow_mut::<$t>(handle)? }.reset();
            Ok(())
        }
    };
}

fn deflater_new<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    format: jint,
    lvl: jint,
    header: JByteArray<'l>,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Compression.enter();
    let header = optional_bytes(env, &header)?;
    Ok(boundary::into_handle(Encoder::new(
        Format::from_id(format).or_throw()?,
        level(lvl)?,
        header,
    ).or_throw()?))
}

step_fn!(
    /// `deflate(h, in, out, int flush)`: counts and whether the stream is finished.
    deflate, Encoder, |env, enc, input, output, flush| {
        let step = pump_encoder(env, enc, &input, &output, Flush::from_id(flush).or_throw()?)?;
        Ok(Report { step, finished: enc.finished(), ..Report::default() })
    }
);

fn deflater_set_params<'l>(
    _env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
    lvl: jint,
    strategy: jint,
) -> FerricResult<()> {
    crate::memory::Kernel::Compression.enter();
    let strategy = engine::strategy_from_id(strategy)
        .ok_or_else(|| CodecError::Invalid(format!("invalid compression strategy {strategy}"))).or_throw()?;
    // SAFETY: as in `step_fn!`.
    let enc = unsafe { boundary::borrow_mut::<Encoder>(handle)? };
    enc.set_params(level(lvl)?, strategy).or_throw()
}

dictionary_and_reset_fns!(Encoder, deflater_set_dictionary, deflater_reset);

fn inflater_new<'l>(_env: &mut Env<'l>, _this: JObject<'l>, format: jint) -> FerricResult<jlong> {
    crate::memory::Kernel::Compression.enter();
    Ok(boundary::into_handle(Decoder::new(Format::from_id(
        format,
    ).or_throw()?)))
}

step_fn!(
    /// `inflate(h, in, out)`: counts, whether the stream ended and whether it needs a dictionary.
    inflate, Decoder, |env, dec, input, output| {
        let step = pump_decoder(env, dec, &input, &output)?;
        Ok(Report { step, finished: dec.finished(), needs_dictionary: dec.needs_dictionary(), ..Report::default() })
    }
);

/// Whether the gzip header has been read.
fn inflater_header_done<'l>(
    _env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
) -> FerricResult<jboolean> {
    crate::memory::Kernel::Compression.enter();
    // SAFETY: as in `step_fn!`.
    Ok(unsafe { boundary::borrow_mut::<Decoder>(handle)? }.header_done())
}

/// The last gzip header read, as on the wire, or null.
fn inflater_header<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    handle: jlong,
) -> FerricResult<JByteArray<'l>> {
    crate::memory::Kernel::Compression.enter();
    // SAFETY: as in `step_fn!`.
    let dec = unsafe { boundary::borrow_mut::<Decoder>(handle)? };
    if dec.header().is_empty() {
        return Ok(JByteArray::null());
    }
    Ok(env.byte_array_from_slice(dec.header())?)
}

dictionary_and_reset_fns!(Decoder, inflater_set_dictionary, inflater_reset);

/// Defines `NAME(in, inBuf, off, len, out, outBuf, outOff, outLen)`, running the LZ4 block function
/// `$f(input, output)` on the two regions and returning its count.
macro_rules! lz4_block_fn {
    ($(#[$doc:meta])* $name:ident => $f:path) => {
        $(#[$doc])*
        fn $name<'l>(
            env: &mut Env<'l>,
            _this: JObject<'l>,
            in_arr: JByteArray<'l>,
            in_buf: JByteBuffer<'l>,
            off: jint,
            len: jint,
            out_arr: JByteArray<'l>,
            out_buf: JByteBuffer<'l>,
            out_off: jint,
            out_len: jint,
        ) -> FerricResult<jint> {
            crate::memory::Kernel::Compression.enter();
            let n = with_regions(env, &Region::new(&in_arr, &in_buf, off, len), &Region::new(&out_arr, &out_buf, out_off, out_len), $f)?.or_throw()?;
            Ok(n as jint)
        }
    };
}

lz4_block_fn!(
    /// `lz4Compress`: compresses the input block into the output; returns the compressed length.
    lz4_compress => lz4::compress_into
);
lz4_block_fn!(
    /// `lz4DecompressSafe`: decompresses into at most `outLen` bytes; returns the decompressed length.
    lz4_decompress_safe => lz4::decompress_safe
);
lz4_block_fn!(
    /// `lz4DecompressFast`: decompresses exactly `outLen` bytes from a block starting at `off`;
    /// returns the compressed bytes read.
    lz4_decompress_fast => lz4::decompress_fast
);

fn lz4_frame_compress<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    block_id: jint,
    content_checksum: jboolean,
) -> FerricResult<JByteArray<'l>> {
    crate::memory::Kernel::Compression.enter();
    let input = Region::new(&in_arr, &in_buf, off, len);
    let mut enc = lz4frame::Encoder::new(block_id as u32, content_checksum, false).or_throw()?;
    let mut out = Vec::with_capacity(lz4::max_compressed_length(input.len()) + 64);
    let mut pos = 0;
    loop {
        let n = (input.len() - pos).min(IN_CHUNK * 4);
        let mode = if pos + n == input.len() {
            lz4frame::Mode::Finish
        } else {
            lz4frame::Mode::Write
        };
        with_input(env, &input.sub(pos, n), |b| {
            enc.write_to_vec(b, mode, &mut out)
        })?.or_throw()?;
        pos += n;
        if mode == lz4frame::Mode::Finish {
            return Ok(env.byte_array_from_slice(&out)?);
        }
    }
}

fn lz4_frame_decompress<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    max_output: jlong,
    max_ratio: jlong,
) -> FerricResult<JByteArray<'l>> {
    crate::memory::Kernel::Compression.enter();
    let input = Region::new(&in_arr, &in_buf, off, len);
    let mut d = lz4frame::VecDecoder::new(input.len(), limits(max_output, max_ratio)?);
    let mut pos = 0;
    while pos < input.len() {
        let n = (input.len() - pos).min(IN_CHUNK);
        with_input(env, &input.sub(pos, n), |b| d.feed(b))?.or_throw()?;
        pos += n;
    }
    Ok(env.byte_array_from_slice(&d.finish().or_throw()?)?)
}

fn lz4_frame_encoder_new<'l>(
    _env: &mut Env<'l>,
    _this: JObject<'l>,
    block_id: jint,
    content_checksum: jboolean,
    block_checksum: jboolean,
) -> FerricResult<jlong> {
    crate::memory::Kernel::Compression.enter();
    Ok(boundary::into_handle(lz4frame::Encoder::new(
        block_id as u32,
        content_checksum,
        block_checksum,
    ).or_throw()?))
}

step_fn!(
    /// `lz4FrameEncode(h, in, out, int mode)`: counts, whether output is still held back for lack of
    /// room, and whether the frame is finished.
    lz4_frame_encode, lz4frame::Encoder, |env, enc, input, output, mode| {
        let mode = lz4frame::Mode::from_id(mode).or_throw()?;
        let step = with_regions(env, &input, &output, |i, o| enc.step(i, o, mode))?.or_throw()?;
        Ok(Report { step, pending: enc.has_pending(), finished: enc.finished(), ..Report::default() })
    }
);

fn lz4_frame_decoder_new<'l>(_env: &mut Env<'l>, _this: JObject<'l>) -> FerricResult<jlong> {
    crate::memory::Kernel::Compression.enter();
    Ok(boundary::into_handle(lz4frame::Decoder::new()))
}

step_fn!(
    /// `lz4FrameDecode(h, in, out)`: counts and whether the input ended at a frame boundary.
    lz4_frame_decode, lz4frame::Decoder, |env, dec, input, output| {
        let mut t = Step::default();
        loop {
            let n = (input.len() - t.consumed).min(IN_CHUNK * 4);
            let m = (output.len() - t.produced).min(OUT_CHUNK * 4);
            let s = with_regions(env, &input.sub(t.consumed, n), &output.sub(t.produced, m), |i, o| dec.step(i, o))?.or_throw()?;
            t.consumed += s.consumed;
            t.produced += s.produced;
            if (s.consumed == 0 || t.consumed == input.len()) && s.produced == 0 || t.produced == output.len() {
                return Ok(Report { step: t, at_frame_boundary: dec.at_frame_boundary(), ..Report::default() });
            }
        }
    }
);

fn compress_parallel<'l>(
    env: &mut Env<'l>,
    _this: JObject<'l>,
    format: jint,
    lvl: jint,
    in_arr: JByteArray<'l>,
    in_buf: JByteBuffer<'l>,
    off: jint,
    len: jint,
    header: JByteArray<'l>,
) -> FerricResult<JByteArray<'l>> {
    crate::memory::Kernel::Compression.enter();
    let (format, level) = (Format::from_id(format).or_throw()?, level(lvl)?);
    let header = optional_bytes(env, &header)?;
    let out = if in_arr.is_null() {
        // a direct buffer: the workers read it in place, nothing is pinned
        with_input(env, &Region::new(&in_arr, &in_buf, off, len), |b| {
            parallel::compress_to_vec(format, level, b, header)
        })?.or_throw()?
    } else {
        // an array is copied out in bounded critical sections, so the GC never waits for the workers
        let mut data = Vec::with_capacity(len.max(0) as usize);
        boundary::read_chunks(env, &in_arr, off, len, |c| data.extend_from_slice(c))?;
        parallel::compress_to_vec(format, level, &data, header).or_throw()?
    };
    Ok(env.byte_array_from_slice(&out)?)
}


/// The native methods of `dev.ferric.compress.CompressNative`.
pub const NATIVES: boundary::NativeClass = crate::natives!("compress/CompressNative",
    { fn deflate_bound(format: jint, len: jint) -> jlong }
    { fn compress(format: jint, lvl: jint, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, header: jbyte[]) -> jbyte[] }
    { fn compress_parallel(format: jint, lvl: jint, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, header: jbyte[]) -> jbyte[] }
    { fn compress_into(format: jint, lvl: jint, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint) -> jint }
    { fn decompress(format: jint, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, max_output: jlong, max_ratio: jlong) -> jbyte[] }
    { fn decompress_into(format: jint, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint) -> jint }
    { fn deflater_new(format: jint, lvl: jint, header: jbyte[]) -> jlong }
    { fn deflater_set_params(handle: jlong, lvl: jint, strategy: jint) }
    { fn deflater_set_dictionary(handle: jlong, dict: jbyte[], off: jint, len: jint) }
    { fn deflater_reset(handle: jlong) }
    { fn deflater_free(handle: jlong), fn = boundary::free_handle::<Encoder> }
    { fn inflater_new(format: jint) -> jlong }
    { fn inflater_header_done(handle: jlong) -> jboolean }
    { fn inflater_header(handle: jlong) -> jbyte[] }
    { fn inflater_set_dictionary(handle: jlong, dict: jbyte[], off: jint, len: jint) }
    { fn inflater_reset(handle: jlong) }
    { fn inflater_free(handle: jlong), fn = boundary::free_handle::<Decoder> }
    { fn lz4_compress(in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint) -> jint }
    { fn lz4_decompress_safe(in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint) -> jint }
    { fn lz4_decompress_fast(in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint) -> jint }
    { fn lz4_frame_compress(in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, block_id: jint, content_checksum: jboolean) -> jbyte[] }
    { fn lz4_frame_decompress(in_arr: jbyte[], in_buf: java.nio.ByteBuffer, off: jint, len: jint, max_output: jlong, max_ratio: jlong) -> jbyte[] }
    { fn lz4_frame_encoder_new(block_id: jint, content_checksum: jboolean, block_checksum: jboolean) -> jlong }
    { fn lz4_frame_encoder_free(handle: jlong), fn = boundary::free_handle::<lz4frame::Encoder> }
    { fn lz4_frame_decoder_new() -> jlong }
    { fn lz4_frame_decoder_free(handle: jlong), fn = boundary::free_handle::<lz4frame::Decoder> }
);

/// The streaming steps, native methods of `dev.ferric.compress.StreamStep`: each writes what it did
/// into the fields of the `StreamStep` it is called on.
pub const STEP_NATIVES: boundary::NativeClass = crate::natives!("compress/StreamStep", on_register = report_fields,
    { fn deflate(handle: jlong, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, in_off: jint, in_len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint, flush: jint) }
    { fn inflate(handle: jlong, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, in_off: jint, in_len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint) }
    { fn lz4_frame_encode(handle: jlong, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, in_off: jint, in_len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint, mode: jint) }
    { fn lz4_frame_decode(handle: jlong, in_arr: jbyte[], in_buf: java.nio.ByteBuffer, in_off: jint, in_len: jint, out_arr: jbyte[], out_buf: java.nio.ByteBuffer, out_off: jint, out_len: jint) }
);
