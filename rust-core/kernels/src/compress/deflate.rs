//! Raw deflate, zlib and gzip on zlib-rs: a resumable [`Encoder`] and [`Decoder`] that work through
//! caller buffers (the shape of `java.util.zip.Deflater`/`Inflater`), and one-shot helpers.
//!
//! gzip framing (header, CRC-32, length trailer) is done here around a raw deflate stream, so header
//! fields can be written and read back. A gzip [`Decoder`] decodes one member; multi-member input is
//! the caller's loop (one-shot: [`decompress_to_vec`]; streams: the Java side, as the JDK does).

use std::mem::MaybeUninit;

use flate2::{Decompress, FlushDecompress, Status};
use zlib_rs::{DeflateFlush, Strategy};

use super::engine;

use super::gzip::{self, Parse};
use super::pool;
use super::{CodecError, CodecResult, Limits};

/// The three deflate container formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Raw deflate (RFC 1951), as `Deflater(level, nowrap = true)`.
    Raw,
    /// zlib (RFC 1950): 2-byte header, Adler-32 trailer.
    Zlib,
    /// gzip (RFC 1952): header, CRC-32 and length trailer.
    Gzip,
}

impl Format {
    /// The format for the Java-side ordinal (0 raw, 1 zlib, 2 gzip).
    pub fn from_id(id: i32) -> CodecResult<Format> {
        match id {
            0 => Ok(Format::Raw),
            1 => Ok(Format::Zlib),
            2 => Ok(Format::Gzip),
            _ => Err(CodecError::Invalid(format!("unknown deflate format {id}"))),
        }
    }
}

/// How much to flush at the end of an [`Encoder::step`]; ids are `java.util.zip.Deflater`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flush {
    /// Let the compressor decide (`NO_FLUSH`, 0).
    None,
    /// Emit all pending output on a byte boundary (`SYNC_FLUSH`, 2).
    Sync,
    /// As `Sync`, and reset the dictionary (`FULL_FLUSH`, 3).
    Full,
    /// End the stream (ferric id 4): what `Deflater.finish()` asks for.
    Finish,
}

impl Flush {
    /// The flush mode for a Java-side id.
    pub fn from_id(id: i32) -> CodecResult<Flush> {
        match id {
            0 => Ok(Flush::None),
            2 => Ok(Flush::Sync),
            3 => Ok(Flush::Full),
            4 => Ok(Flush::Finish),
            _ => Err(CodecError::Invalid(format!("Illegal flush mode {id}"))),
        }
    }

    fn engine(self) -> DeflateFlush {
        match self {
            Flush::None => DeflateFlush::NoFlush,
            Flush::Sync => DeflateFlush::SyncFlush,
            Flush::Full => DeflateFlush::FullFlush,
            Flush::Finish => DeflateFlush::Finish,
        }
    }
}

/// Bytes consumed from the input and produced into the output by one step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Step {
    pub consumed: usize,
    pub produced: usize,
}

/// Checks a level the way `Deflater.setLevel` does (-1 is zlib's default, 6).
pub fn check_level(level: i32) -> CodecResult<u32> {
    match level {
        -1 => Ok(6),
        0..=9 => Ok(level as u32),
        _ => Err(CodecError::Invalid(format!("invalid compression level {level}"))),
    }
}

/// Views an initialised buffer as a write-only one.
fn as_uninit(s: &mut [u8]) -> &mut [MaybeUninit<u8>] {
    // SAFETY: same layout; callers only ever write initialised bytes through the result.
    unsafe { &mut *(s as *mut [u8] as *mut [MaybeUninit<u8>]) }
}

/// Copies as much of `src[*pos..]` as fits into `dst`; returns the count.
fn emit(src: &[u8], pos: &mut usize, dst: &mut [MaybeUninit<u8>]) -> usize {
    let n = (src.len() - *pos).min(dst.len());
    for (d, s) in dst[..n].iter_mut().zip(&src[*pos..*pos + n]) {
        d.write(*s);
    }
    *pos += n;
    n
}

/// Largest compressed size of `len` bytes in `format` with the default gzip header.
pub fn bound(format: Format, len: usize) -> usize {
    // zlib-rs' bound covers the zlib wrapper (6 bytes); gzip adds 12 more, raw needs less.
    let zlib = zlib_rs::compress_bound(len);
    match format {
        Format::Gzip => zlib + 12,
        _ => zlib,
    }
}

/// The gzip header a stream in `format` starts with: the caller's (checked) or the default one; empty
/// for the other formats, which take no caller header.
pub fn gzip_header_for(format: Format, level: u32, gzip_header: Option<Vec<u8>>) -> CodecResult<Vec<u8>> {
    match (format, gzip_header) {
        (Format::Gzip, Some(h)) => {
            gzip::validate_custom_header(&h)?;
            Ok(h)
        }
        (Format::Gzip, None) => Ok(gzip::default_header(level)),
        (_, Some(_)) => Err(CodecError::Invalid("a header applies to the gzip format only".into())),
        (_, None) => Ok(Vec::new()),
    }
}

/// Least output a sync/full flush is given at once (see [`Encoder::step`]).
const FLUSH_ROOM: usize = 64;

/// A resumable compressor.
pub struct Encoder {
    format: Format,
    level: u32,
    strategy: Strategy,
    engine: engine::Deflate,
    /// The preset dictionary of this stream (its last 32 KiB, all that counts), for [`Encoder::set_params`].
    dictionary: Vec<u8>,
    header: Vec<u8>,
    header_pos: usize,
    crc: u32,
    isize: u32,
    trailer: [u8; gzip::TRAILER_LEN],
    trailer_pos: usize,
    engine_done: bool,
    finished: bool,
    started: bool,
    /// Output of a sync/full flush staged through [`FLUSH_ROOM`] bytes and not handed out yet.
    spill: Vec<u8>,
    spill_pos: usize,
    /// The sync/full flush last completed (its staged call had room left), until new input comes.
    flush_done: Option<Flush>,
}

impl Encoder {
    /// A compressor for `format` at `level` (0-9); `gzip_header`, for gzip only, replaces the default header.
    pub fn new(format: Format, level: u32, gzip_header: Option<Vec<u8>>) -> CodecResult<Encoder> {
        if level > 9 {
            return Err(CodecError::Invalid(format!("invalid compression level {level}")));
        }
        let header = gzip_header_for(format, level, gzip_header)?;
        Ok(Encoder {
            format,
            level,
            strategy: Strategy::Default,
            engine: engine::Deflate::new(level, format == Format::Zlib, Strategy::Default)?,
            header,
            header_pos: 0,
            crc: 0,
            isize: 0,
            trailer: [0; gzip::TRAILER_LEN],
            trailer_pos: gzip::TRAILER_LEN,
            engine_done: false,
            finished: false,
            started: false,
            spill: Vec::new(),
            spill_pos: 0,
            flush_done: None,
            dictionary: Vec::new(),
        })
    }

    /// The format this encoder writes.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The compression level (0-9).
    pub fn level(&self) -> u32 {
        self.level
    }

    /// Changes the level and the strategy (as zlib's `deflateParams`). Only before the first input
    /// (or after [`Encoder::reset`]): changing them mid-stream would need output space this call does
    /// not have.
    pub fn set_params(&mut self, level: u32, strategy: Strategy) -> CodecResult<()> {
        if level > 9 {
            return Err(CodecError::Invalid(format!("invalid compression level {level}")));
        }
        if (level, strategy) == (self.level, self.strategy) {
            return Ok(());
        }
        if self.started {
            return Err(CodecError::Invalid(
                "the level and strategy can only change before the first input or after reset()".into(),
            ));
        }
        // a fresh engine, not zlib's deflateParams: that keeps dictionary hashes computed for the old
        // level, and zlib-rs hashes differently at level 9
        let mut engine = engine::Deflate::new(level, self.format == Format::Zlib, strategy)?;
        if !self.dictionary.is_empty() {
            engine.set_dictionary(&self.dictionary)?;
        }
        self.engine = engine;
        if self.format == Format::Gzip && self.header == gzip::default_header(self.level) {
            self.header = gzip::default_header(level);
        }
        self.level = level;
        self.strategy = strategy;
        Ok(())
    }

    /// Sets a preset dictionary (raw and zlib only), before the first input.
    pub fn set_dictionary(&mut self, dict: &[u8]) -> CodecResult<()> {
        if self.format == Format::Gzip {
            return Err(CodecError::Invalid("gzip has no preset dictionary".into()));
        }
        if self.started {
            return Err(CodecError::Invalid("the dictionary must be set before the first input".into()));
        }
        self.engine.set_dictionary(dict)?;
        self.dictionary = dict[dict.len().saturating_sub(engine::WINDOW)..].to_vec();
        Ok(())
    }

    /// Starts a new stream with the same format, level and header.
    pub fn reset(&mut self) {
        self.engine.reset();
        self.dictionary.clear();
        self.header_pos = 0;
        self.crc = 0;
        self.isize = 0;
        self.trailer_pos = gzip::TRAILER_LEN;
        self.engine_done = false;
        self.finished = false;
        self.started = false;
        self.spill.clear();
        self.spill_pos = 0;
        self.flush_done = None;
    }

    /// Whether the whole stream, trailer included, has been produced.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Total input bytes consumed since creation or reset.
    pub fn total_in(&self) -> u64 {
        self.engine.total_in()
    }

    /// Compresses from `input` into `output`.
    pub fn step(&mut self, input: &[u8], output: &mut [u8], flush: Flush) -> CodecResult<Step> {
        self.step_uninit(input, as_uninit(output), flush)
    }

    /// Compresses from `input` into the spare capacity of `out`, growing its length.
    pub fn step_vec(&mut self, input: &[u8], out: &mut Vec<u8>, flush: Flush) -> CodecResult<Step> {
        let len = out.len();
        let s = self.step_uninit(input, out.spare_capacity_mut(), flush)?;
        // SAFETY: step_uninit initialised exactly `produced` bytes at the start of the spare capacity.
        unsafe { out.set_len(len + s.produced) };
        Ok(s)
    }

    fn step_uninit(&mut self, input: &[u8], output: &mut [MaybeUninit<u8>], flush: Flush) -> CodecResult<Step> {
        let mut s = Step::default();
        if self.finished {
            return Ok(s);
        }
        if self.header_pos < self.header.len() {
            s.produced += emit(&self.header, &mut self.header_pos, output);
            if self.header_pos < self.header.len() {
                self.started = true;
                return Ok(s);
            }
        }
        if self.spill_pos < self.spill.len() {
            s.produced += emit(&self.spill, &mut self.spill_pos, &mut output[s.produced..]);
            if s.produced == output.len() {
                return Ok(s);
            }
        }
        if input.is_empty() && self.flush_done == Some(flush) {
            return Ok(s); // that flush is complete; asking again would only add an empty block
        }
        self.flush_done = None;
        if !self.engine_done {
            // A sync/full flush that exactly fills the output is repeated by the caller (the JDK's
            // contract), and a repeated flush starts with a new empty 5-byte block: through outputs of
            // 5 bytes or less that would never end. Such flushes go through FLUSH_ROOM bytes here.
            let room = output.len() - s.produced;
            let staged = matches!(flush, Flush::Sync | Flush::Full) && room > 0 && room < FLUSH_ROOM;
            let mut scratch = [MaybeUninit::<u8>::uninit(); FLUSH_ROOM];
            let (in0, out0) = (self.engine.total_in(), self.engine.total_out());
            let target: &mut [MaybeUninit<u8>] = if staged { &mut scratch } else { &mut output[s.produced..] };
            let status = self.engine.compress_uninit(input, target, flush.engine())?;
            s.consumed = (self.engine.total_in() - in0) as usize;
            let produced = (self.engine.total_out() - out0) as usize;
            if staged {
                // SAFETY: the engine initialised the first `produced` bytes of `scratch`.
                let bytes = unsafe { &*(&scratch[..produced] as *const [MaybeUninit<u8>] as *const [u8]) };
                self.spill.clear();
                self.spill.extend_from_slice(bytes);
                self.spill_pos = 0;
                s.produced += emit(&self.spill, &mut self.spill_pos, &mut output[s.produced..]);
                if produced < FLUSH_ROOM && s.consumed == input.len() {
                    self.flush_done = Some(flush);
                }
            } else {
                s.produced += produced;
            }
            if self.format == Format::Gzip {
                self.crc = gzip::crc32(self.crc, &input[..s.consumed]);
                self.isize = self.isize.wrapping_add(s.consumed as u32);
            }
            if status == engine::Status::StreamEnd {
                self.engine_done = true;
                if self.format == Format::Gzip {
                    self.trailer = gzip::trailer(self.crc, self.isize);
                    self.trailer_pos = 0;
                } else {
                    self.finished = true;
                }
            }
        }
        if self.engine_done && self.trailer_pos < gzip::TRAILER_LEN {
            s.produced += emit(&self.trailer.clone(), &mut self.trailer_pos, &mut output[s.produced..]);
            self.finished = self.trailer_pos == gzip::TRAILER_LEN;
        }
        self.started |= s.consumed > 0 || s.produced > 0;
        Ok(s)
    }
}

enum Member {
    Header(Vec<u8>),
    Body,
    Trailer([u8; gzip::TRAILER_LEN], usize),
    Done,
}

/// A resumable decompressor of one stream (one gzip member).
pub struct Decoder {
    format: Format,
    engine: Decompress,
    member: Member,
    header: Vec<u8>,
    crc: u32,
    isize: u32,
    needs_dictionary: bool,
}

impl Decoder {
    /// A decompressor for `format`.
    pub fn new(format: Format) -> Decoder {
        Decoder {
            format,
            engine: Decompress::new(format == Format::Zlib),
            member: Decoder::start(format),
            header: Vec::new(),
            crc: 0,
            isize: 0,
            needs_dictionary: false,
        }
    }

    fn start(format: Format) -> Member {
        if format == Format::Gzip {
            Member::Header(Vec::new())
        } else {
            Member::Body
        }
    }

    /// Forgets the stream, ready for a new one (the next gzip member).
    pub fn reset(&mut self) {
        self.engine.reset(self.format == Format::Zlib);
        self.member = Decoder::start(self.format);
        self.crc = 0;
        self.isize = 0;
        self.needs_dictionary = false;
    }

    /// Whether the end of the stream (for gzip: its checked trailer) has been reached.
    pub fn finished(&self) -> bool {
        matches!(self.member, Member::Done)
    }

    /// Whether the gzip header has been read (always true for the other formats).
    pub fn header_done(&self) -> bool {
        !matches!(self.member, Member::Header(_))
    }

    /// The last complete gzip header read, as on the wire (empty before the first).
    pub fn header(&self) -> &[u8] {
        &self.header
    }

    /// The format this decoder reads.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Drops the last header read, so that an idle decoder keeps nothing of its last call.
    pub(super) fn forget_header(&mut self) {
        self.header = Vec::new();
    }

    /// Whether a zlib stream asks for a preset dictionary (see [`Decoder::set_dictionary`]).
    pub fn needs_dictionary(&self) -> bool {
        self.needs_dictionary
    }

    /// Supplies the preset dictionary a zlib stream asked for, or one for a raw stream.
    pub fn set_dictionary(&mut self, dict: &[u8]) -> CodecResult<()> {
        self.engine.set_dictionary(dict).map_err(|e| CodecError::Invalid(e.to_string()))?;
        self.needs_dictionary = false;
        Ok(())
    }

    /// Total compressed bytes consumed by the engine (gzip header and trailer excluded).
    pub fn total_in(&self) -> u64 {
        self.engine.total_in()
    }

    /// Decompresses from `input` into `output`.
    pub fn step(&mut self, input: &[u8], output: &mut [u8]) -> CodecResult<Step> {
        self.step_uninit(input, as_uninit(output))
    }

    /// Decompresses from `input` into the spare capacity of `out`, growing its length.
    pub fn step_vec(&mut self, input: &[u8], out: &mut Vec<u8>) -> CodecResult<Step> {
        let len = out.len();
        let s = self.step_uninit(input, out.spare_capacity_mut())?;
        // SAFETY: step_uninit initialised exactly `produced` bytes at the start of the spare capacity.
        unsafe { out.set_len(len + s.produced) };
        Ok(s)
    }

    fn step_uninit(&mut self, input: &[u8], output: &mut [MaybeUninit<u8>]) -> CodecResult<Step> {
        let mut s = Step::default();
        loop {
            match &mut self.member {
                Member::Header(buf) => {
                    let old = buf.len();
                    let take = (input.len() - s.consumed).min(gzip::MAX_HEADER + 1 - old);
                    buf.extend_from_slice(&input[s.consumed..s.consumed + take]);
                    match gzip::parse_header(buf)? {
                        Parse::Complete(n) => {
                            s.consumed += n - old;
                            buf.truncate(n);
                            buf.shrink_to_fit(); // it gathered up to all the input at hand
                            self.header = std::mem::take(buf);
                            self.member = Member::Body;
                        }
                        Parse::Incomplete => {
                            s.consumed += take;
                            gzip::check_header_len(buf.len())?;
                            return Ok(s);
                        }
                    }
                }
                Member::Body => {
                    if self.needs_dictionary {
                        return Ok(s);
                    }
                    let (in0, out0) = (self.engine.total_in(), self.engine.total_out());
                    let result = self.engine.decompress_uninit(&input[s.consumed..], &mut output[s.produced..], FlushDecompress::None);
                    let (dc, dp) = ((self.engine.total_in() - in0) as usize, (self.engine.total_out() - out0) as usize);
                    if self.format == Format::Gzip && dp > 0 {
                        // SAFETY: the engine initialised these `dp` bytes.
                        let written = unsafe { &*(&output[s.produced..s.produced + dp] as *const [MaybeUninit<u8>] as *const [u8]) };
                        self.crc = gzip::crc32(self.crc, written);
                        self.isize = self.isize.wrapping_add(dp as u32);
                    }
                    s.consumed += dc;
                    s.produced += dp;
                    match result {
                        Ok(Status::StreamEnd) => {
                            self.member = if self.format == Format::Gzip { Member::Trailer([0; 8], 0) } else { Member::Done };
                        }
                        Ok(_) if dc == 0 && dp == 0 => return Ok(s),
                        Ok(_) => {}
                        Err(e) if e.needs_dictionary().is_some() => {
                            self.needs_dictionary = true;
                            return Ok(s);
                        }
                        Err(e) => {
                            let msg = e.message().unwrap_or("invalid deflate data").to_string();
                            return Err(CodecError::Corrupt(msg));
                        }
                    }
                }
                Member::Trailer(t, n) => {
                    let k = (gzip::TRAILER_LEN - *n).min(input.len() - s.consumed);
                    t[*n..*n + k].copy_from_slice(&input[s.consumed..s.consumed + k]);
                    *n += k;
                    s.consumed += k;
                    if *n < gzip::TRAILER_LEN {
                        return Ok(s);
                    }
                    gzip::check_trailer(t, self.crc, self.isize)?;
                    self.member = Member::Done;
                }
                Member::Done => return Ok(s),
            }
        }
    }
}

/// What the JDK says when a stream ends early.
pub const TRUNCATED: &str = "Unexpected end of ZLIB input stream";

/// One-shot decompression into a growing vector, fed in pieces (so the JNI glue can read a Java array
/// in bounded critical sections). gzip input may hold several members; anything after the end of
/// the (last) stream is an error.
pub struct VecDecoder {
    decoder: pool::Pooled<Decoder>,
    format: Format,
    limits: Limits,
    out: Vec<u8>,
    consumed: u64,
    between_members: bool,
    total_len: u64,
}

impl VecDecoder {
    /// Expects `total_len` input bytes in all; `limits` bound the output.
    pub fn new(format: Format, total_len: usize, limits: Limits) -> VecDecoder {
        let cap = (total_len as u64).saturating_mul(4).clamp(4096, 64 << 20).min(limits.max_output.max(16)) as usize;
        VecDecoder {
            decoder: pool::decoder(format),
            format,
            limits,
            out: Vec::with_capacity(cap),
            consumed: 0,
            between_members: false,
            total_len: total_len as u64,
        }
    }

    /// Decodes the next piece of input, producing at most about `max_out` bytes before returning
    /// (the caller calls again with the rest). Returns the input bytes consumed.
    pub fn feed(&mut self, input: &[u8], max_out: usize) -> CodecResult<usize> {
        let mut pos = 0;
        let start_len = self.out.len();
        while pos < input.len() || (!self.decoder.finished() && !self.between_members && self.out.len() == self.out.capacity()) {
            if self.between_members {
                self.decoder.reset();
                self.between_members = false;
            }
            if self.decoder.finished() {
                if self.format == Format::Gzip && pos < input.len() {
                    self.between_members = true;
                    continue;
                }
                return Err(CodecError::Corrupt("trailing data after the end of the compressed stream".into()));
            }
            if self.out.len() == self.out.capacity() {
                if self.out.len() - start_len >= max_out {
                    break;
                }
                self.grow()?;
            }
            let s = self.decoder.step_vec(&input[pos..], &mut self.out)?;
            pos += s.consumed;
            self.consumed += s.consumed as u64;
            self.limits.check(self.total_len, self.out.len() as u64)?;
            if self.decoder.needs_dictionary() {
                return Err(CodecError::Corrupt("the zlib stream needs a preset dictionary".into()));
            }
            if s.consumed == 0 && s.produced == 0 && self.out.len() < self.out.capacity() {
                break;
            }
        }
        Ok(pos)
    }

    fn grow(&mut self) -> CodecResult<()> {
        let len = self.out.len() as u64;
        let ceiling = self.limits.max_output.min(super::MAX_ARRAY);
        if len >= ceiling {
            // One byte past the ceiling tells "exactly at the limit" from "over it".
            self.limits.check(self.total_len, len + 1)?;
            return Err(CodecError::Limit(format!("decompressed size exceeds the largest Java array ({} bytes)", super::MAX_ARRAY)));
        }
        let extra = len.max(64 << 10).min(ceiling + 1 - len);
        self.out.try_reserve_exact(extra as usize).map_err(|_| CodecError::Limit(format!("cannot allocate {} bytes for the output", len + extra)))?;
        Ok(())
    }

    /// Ends the input; returns the output, or an error if the stream is incomplete.
    pub fn finish(mut self) -> CodecResult<Vec<u8>> {
        // Drain output still buffered inside the engine (it may need more room without more input).
        while !self.decoder.finished() && !self.between_members {
            let before = self.out.len();
            self.feed(&[], usize::MAX)?;
            if self.out.len() == before {
                break;
            }
        }
        if !self.decoder.finished() && !self.between_members {
            return Err(CodecError::Truncated(TRUNCATED.into()));
        }
        Ok(self.out)
    }
}

/// Decompresses all of `input` (every gzip member) within `limits`.
pub fn decompress_to_vec(format: Format, input: &[u8], limits: Limits) -> CodecResult<Vec<u8>> {
    let mut d = VecDecoder::new(format, input.len(), limits);
    let mut pos = 0;
    while pos < input.len() {
        pos += d.feed(&input[pos..], usize::MAX)?;
    }
    d.finish()
}

/// Decompresses all of `input` into `output`; returns the length. Errors if `output` is too small.
pub fn decompress_into(format: Format, input: &[u8], output: &mut [u8]) -> CodecResult<usize> {
    let mut d = pool::decoder(format);
    let (mut ip, mut op) = (0, 0);
    loop {
        let s = d.step(&input[ip..], &mut output[op..])?;
        ip += s.consumed;
        op += s.produced;
        if d.needs_dictionary() {
            return Err(CodecError::Corrupt("the zlib stream needs a preset dictionary".into()));
        }
        if d.finished() {
            if ip == input.len() {
                return Ok(op);
            }
            if format == Format::Gzip {
                d.reset();
                continue;
            }
            return Err(CodecError::Corrupt("trailing data after the end of the compressed stream".into()));
        }
        if s.consumed == 0 && s.produced == 0 {
            if op == output.len() {
                return Err(CodecError::Limit(format!("decompressed data does not fit the destination of {} bytes", output.len())));
            }
            return Err(CodecError::Truncated(TRUNCATED.into()));
        }
    }
}

/// Compresses all of `input` into a new vector.
pub fn compress_to_vec(format: Format, level: u32, input: &[u8], gzip_header: Option<Vec<u8>>) -> CodecResult<Vec<u8>> {
    let extra = gzip_header.as_ref().map_or(0, |h| h.len());
    let mut own;
    let mut pooled;
    let e: &mut Encoder = match gzip_header {
        Some(h) => {
            own = Encoder::new(format, level, Some(h))?;
            &mut own
        }
        None => {
            pooled = super::pool::encoder(format, level)?;
            &mut pooled
        }
    };
    let mut out = Vec::with_capacity(bound(format, input.len()) + extra);
    let mut pos = 0;
    while !e.finished() {
        if out.len() == out.capacity() {
            out.reserve(64 << 10);
        }
        pos += e.step_vec(&input[pos..], &mut out, Flush::Finish)?.consumed;
    }
    Ok(out)
}

/// Compresses all of `input` into `output`; returns the length. Errors if `output` is too small.
pub fn compress_into(format: Format, level: u32, input: &[u8], output: &mut [u8]) -> CodecResult<usize> {
    let mut e = super::pool::encoder(format, level)?;
    let (mut ip, mut op) = (0, 0);
    while !e.finished() {
        let s = e.step(&input[ip..], &mut output[op..], Flush::Finish)?;
        ip += s.consumed;
        op += s.produced;
        if s.consumed == 0 && s.produced == 0 && !e.finished() {
            return Err(CodecError::Invalid(format!(
                "compressed data does not fit the destination of {} bytes (maxCompressedLength gives a safe size)",
                output.len()
            )));
        }
    }
    Ok(op)
}

impl crate::memory::Owned for Encoder {
    const KERNEL: crate::memory::Kernel = crate::memory::Kernel::Compression;
}

impl crate::memory::Owned for Decoder {
    const KERNEL: crate::memory::Kernel = crate::memory::Kernel::Compression;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    fn sample(n: usize) -> Vec<u8> {
        let mut x: u32 = 12345;
        (0..n)
            .map(|i| {
                x = x.wrapping_mul(1103515245).wrapping_add(12345);
                if i % 3 == 0 { (x >> 24) as u8 } else { b"the quick brown fox "[i % 20] }
            })
            .collect()
    }

    #[test]
    fn round_trips_every_format_and_level() {
        for format in [Format::Raw, Format::Zlib, Format::Gzip] {
            for level in 0..=9 {
                for n in [0, 1, 100, 70_000] {
                    let data = sample(n);
                    let c = compress_to_vec(format, level, &data, None).unwrap();
                    assert!(c.len() <= bound(format, n));
                    assert_eq!(decompress_to_vec(format, &c, Limits::NONE).unwrap(), data);
                    let mut out = vec![0u8; n];
                    assert_eq!(decompress_into(format, &c, &mut out).unwrap(), n);
                    assert_eq!(out, data);
                    let mut c2 = vec![0u8; bound(format, n)];
                    let k = compress_into(format, level, &data, &mut c2).unwrap();
                    assert_eq!(&c2[..k], &c[..]);
                }
            }
        }
    }

    #[test]
    fn interoperates_with_flate2_gzip() {
        let data = sample(200_000);
        let ours = compress_to_vec(Format::Gzip, 6, &data, None).unwrap();
        let mut back = Vec::new();
        flate2::read::MultiGzDecoder::new(&ours[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);
        let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        w.write_all(&data).unwrap();
        let theirs = w.finish().unwrap();
        assert_eq!(decompress_to_vec(Format::Gzip, &theirs, Limits::NONE).unwrap(), data);
    }

    #[test]
    fn multi_member_gzip_and_trailing_garbage() {
        let mut two = compress_to_vec(Format::Gzip, 1, b"hello ", None).unwrap();
        two.extend(compress_to_vec(Format::Gzip, 9, b"world", None).unwrap());
        assert_eq!(decompress_to_vec(Format::Gzip, &two, Limits::NONE).unwrap(), b"hello world");
        let mut out = [0u8; 11];
        assert_eq!(decompress_into(Format::Gzip, &two, &mut out).unwrap(), 11);
        two.extend_from_slice(b"xx");
        assert!(matches!(decompress_to_vec(Format::Gzip, &two, Limits::NONE), Err(CodecError::Corrupt(_))));
        let mut z = compress_to_vec(Format::Zlib, 6, b"abc", None).unwrap();
        z.push(0);
        assert!(matches!(decompress_to_vec(Format::Zlib, &z, Limits::NONE), Err(CodecError::Corrupt(_))));
    }

    #[test]
    fn corrupt_and_truncated_input() {
        let data = sample(50_000);
        let c = compress_to_vec(Format::Gzip, 6, &data, None).unwrap();
        for cut in [0, 1, 5, 10, 11, c.len() / 2, c.len() - 8, c.len() - 1] {
            let r = decompress_to_vec(Format::Gzip, &c[..cut], Limits::NONE);
            assert!(matches!(r, Err(CodecError::Truncated(_))), "cut {cut}: {r:?}");
        }
        let mut bad_crc = c.clone();
        let n = bad_crc.len();
        bad_crc[n - 6] ^= 1;
        assert!(decompress_to_vec(Format::Gzip, &bad_crc, Limits::NONE).unwrap_err().to_string().contains("CRC"));
        let mut bad_len = c.clone();
        bad_len[n - 1] ^= 1;
        assert!(decompress_to_vec(Format::Gzip, &bad_len, Limits::NONE).unwrap_err().to_string().contains("length"));
        assert!(matches!(decompress_to_vec(Format::Zlib, b"\x78\x9c\xff\xff\xff", Limits::NONE), Err(CodecError::Corrupt(_))));
        for i in 10..c.len().min(2000) {
            let mut flipped = c.clone();
            flipped[i] ^= 0x55;
            let _ = decompress_to_vec(Format::Gzip, &flipped, Limits::NONE);
        }
    }

    #[test]
    fn limits_stop_bombs() {
        let zeros = vec![0u8; 40 << 20];
        let c = compress_to_vec(Format::Gzip, 9, &zeros, None).unwrap();
        let e = decompress_to_vec(Format::Gzip, &c, Limits { max_output: 1 << 20, max_ratio: 0 }).unwrap_err();
        assert!(e.to_string().contains("maximum output limit"), "{e}");
        let e = decompress_to_vec(Format::Gzip, &c, Limits { max_output: u64::MAX, max_ratio: 100 }).unwrap_err();
        assert!(e.to_string().contains("ratio"), "{e}");
        assert_eq!(decompress_to_vec(Format::Gzip, &c, Limits { max_output: 40 << 20, max_ratio: 0 }).unwrap().len(), 40 << 20);
        let mut small = vec![0u8; 100];
        assert!(matches!(decompress_into(Format::Gzip, &c, &mut small), Err(CodecError::Limit(_))));
    }

    #[test]
    fn streaming_through_tiny_buffers() {
        let data = sample(30_000);
        for format in [Format::Raw, Format::Zlib, Format::Gzip] {
            let mut e = Encoder::new(format, 6, None).unwrap();
            let mut c = Vec::new();
            let mut ip = 0;
            let mut buf = [0u8; 7];
            while !e.finished() {
                let end = (ip + 13).min(data.len());
                let flush = if end == data.len() { Flush::Finish } else { Flush::None };
                let s = e.step(&data[ip..end], &mut buf, flush).unwrap();
                ip += s.consumed;
                c.extend_from_slice(&buf[..s.produced]);
            }
            assert!(decompress_to_vec(format, &c, Limits::NONE).unwrap() == data);
            let mut d = Decoder::new(format);
            let mut out = Vec::new();
            let mut ip = 0;
            while !d.finished() {
                let end = (ip + 3).min(c.len());
                let s = d.step(&c[ip..end], &mut buf).unwrap();
                ip += s.consumed;
                out.extend_from_slice(&buf[..s.produced]);
            }
            assert_eq!(out, data);
        }
    }

    #[test]
    fn repeated_sync_flush_through_tiny_outputs_ends_with_the_same_bytes() {
        let data = sample(20_000);
        for flush in [Flush::Sync, Flush::Full] {
            // reference: the same calls with room to spare
            let mut e = Encoder::new(Format::Raw, 6, None).unwrap();
            let mut want = vec![0u8; 64 << 10];
            let n = e.step(&data, &mut want, Flush::None).unwrap().produced;
            let m = e.step(&[], &mut want[n..], flush).unwrap().produced;
            want.truncate(n + m);
            for cap in 1..=12 {
                let mut e = Encoder::new(Format::Raw, 6, None).unwrap();
                let mut got = vec![0u8; 64 << 10];
                let n = e.step(&data, &mut got, Flush::None).unwrap().produced;
                got.truncate(n);
                let mut out = vec![0u8; cap];
                let mut calls = 0;
                loop {
                    // the JDK's contract: call again with the same mode while the output comes back full
                    let p = e.step(&[], &mut out, flush).unwrap().produced;
                    got.extend_from_slice(&out[..p]);
                    calls += 1;
                    assert!(calls < 100_000, "{flush:?} through {cap} bytes does not end");
                    if p < cap {
                        break;
                    }
                }
                assert!(got == want, "{flush:?} through {cap}-byte outputs: {} vs {} bytes", got.len(), want.len());
                let mut back = vec![0u8; data.len()];
                let mut d = Decoder::new(Format::Raw);
                assert_eq!(d.step(&got, &mut back).unwrap().produced, data.len());
                assert!(back == data);
            }
        }
    }

    #[test]
    fn dictionaries() {
        let dict = b"the quick brown fox jumps";
        let mut e = Encoder::new(Format::Zlib, 6, None).unwrap();
        e.set_dictionary(dict).unwrap();
        let mut c = vec![0u8; 100];
        let s = e.step(b"the quick brown fox", &mut c, Flush::Finish).unwrap();
        let mut d = Decoder::new(Format::Zlib);
        let mut out = [0u8; 100];
        let s1 = d.step(&c[..s.produced], &mut out).unwrap();
        assert!(d.needs_dictionary());
        d.set_dictionary(dict).unwrap();
        let s2 = d.step(&c[s1.consumed..s.produced], &mut out).unwrap();
        assert!(d.finished());
        assert_eq!(&out[..s2.produced], b"the quick brown fox");
    }

    #[test]
    fn set_params_before_input_moves_the_gzip_header_and_every_strategy_round_trips() {
        let data: Vec<u8> = (0..50_000u32).flat_map(|i| format!("{} {} ", i % 97, i % 13).into_bytes()).collect();
        let mut e = Encoder::new(Format::Gzip, 6, None).unwrap();
        e.set_params(9, Strategy::Default).unwrap();
        let mut out = Vec::with_capacity(bound(Format::Gzip, data.len()));
        e.step_vec(&data, &mut out, Flush::Finish).unwrap();
        assert_eq!(out[..10], gzip::default_header(9)[..], "XFL follows the new level");
        assert!(e.set_params(1, Strategy::Default).is_err(), "mid-stream change refused");
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&out[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);
        for (from, to) in [(9, 6), (6, 9), (1, 6)] {
            let one_shot = |e: &mut Encoder| {
                let mut out = Vec::with_capacity(bound(Format::Zlib, data.len()));
                e.step_vec(&data[30_000..40_000], &mut out, Flush::Finish).unwrap();
                out
            };
            let mut moved = Encoder::new(Format::Zlib, from, None).unwrap();
            moved.set_dictionary(&data[..30_000]).unwrap();
            moved.set_params(to, Strategy::Default).unwrap();
            let mut fresh = Encoder::new(Format::Zlib, to, None).unwrap();
            fresh.set_dictionary(&data[..30_000]).unwrap();
            let (got, want) = (one_shot(&mut moved), one_shot(&mut fresh));
            assert!(got == want, "{from} -> {to} with a dictionary: {} vs {} bytes", got.len(), want.len());
            let without = one_shot(&mut Encoder::new(Format::Zlib, to, None).unwrap());
            assert!(without.len() > want.len() * 2, "the dictionary matters: {} vs {}", without.len(), want.len());
        }
        for strategy in [Strategy::Filtered, Strategy::HuffmanOnly] {
            let mut e = Encoder::new(Format::Zlib, 6, None).unwrap();
            e.set_params(6, strategy).unwrap();
            let mut out = Vec::with_capacity(bound(Format::Zlib, data.len()));
            e.step_vec(&data, &mut out, Flush::Finish).unwrap();
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&out[..]).read_to_end(&mut back).unwrap();
            assert_eq!(back, data, "{strategy:?}");
            if strategy == Strategy::HuffmanOnly {
                let default = compress_to_vec(Format::Zlib, 6, &data, None).unwrap();
                assert!(out.len() > default.len() * 2, "Huffman-only finds no matches: {} vs {}", out.len(), default.len());
            }
        }
    }
}
