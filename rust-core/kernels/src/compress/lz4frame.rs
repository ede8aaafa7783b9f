//! The LZ4 frame format (the `lz4` tool's format): an encoder on `lz4_flex`'s frame writer and a
//! push decoder (input arrives in arbitrary pieces, output leaves through caller buffers), so both
//! can back Java streams without blocking reads inside native code.

use std::hash::Hasher;
use std::io::Write;

use lz4_flex::frame::{BlockMode, BlockSize, FrameInfo};
use twox_hash::XxHash32;

use super::deflate::Step;
use super::{CodecError, CodecResult, Limits};

const MAGIC: u32 = 0x184D_2204;
const LEGACY_MAGIC: u32 = 0x184C_2102;
const SKIPPABLE_MASK: u32 = 0xFFFF_FFF0;
const SKIPPABLE: u32 = 0x184D_2A50;
/// Linked blocks may refer back this far into earlier blocks.
const WINDOW: usize = 64 * 1024;

/// Block size for a BD id (4 = 64 KiB .. 7 = 4 MiB).
pub fn block_size(id: u32) -> CodecResult<usize> {
    match id {
        4 => Ok(64 << 10),
        5 => Ok(256 << 10),
        6 => Ok(1 << 20),
        7 => Ok(4 << 20),
        _ => Err(CodecError::Invalid(format!("LZ4 block size id must be 4..7, was {id}"))),
    }
}

/// Writes LZ4 frames: output collects in an internal buffer that callers drain.
pub struct Encoder {
    inner: lz4_flex::frame::FrameEncoder<Vec<u8>>,
    pending_pos: usize,
    block_max: usize,
    finished: bool,
}

/// What to do after consuming input in [`Encoder::step`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only buffer (blocks are emitted as they fill).
    Write,
    /// Emit buffered input as a block now.
    Flush,
    /// Emit the end mark and checksum; the encoder is done.
    Finish,
}

impl Mode {
    /// The mode for a Java-side id (0 write, 1 flush, 2 finish).
    pub fn from_id(id: i32) -> CodecResult<Mode> {
        match id {
            0 => Ok(Mode::Write),
            1 => Ok(Mode::Flush),
            2 => Ok(Mode::Finish),
            _ => Err(CodecError::Invalid(format!("unknown LZ4 frame mode {id}"))),
        }
    }
}

impl Encoder {
    /// A frame writer with blocks of size id `block_id` (4..7), independent blocks, and the given checksums.
    pub fn new(block_id: u32, content_checksum: bool, block_checksum: bool) -> CodecResult<Encoder> {
        let size = match block_id {
            4 => BlockSize::Max64KB,
            5 => BlockSize::Max256KB,
            6 => BlockSize::Max1MB,
            7 => BlockSize::Max4MB,
            _ => return Err(CodecError::Invalid(format!("LZ4 block size id must be 4..7, was {block_id}"))),
        };
        let info = FrameInfo::new()
            .block_size(size)
            .block_mode(BlockMode::Independent)
            .content_checksum(content_checksum)
            .block_checksums(block_checksum);
        Ok(Encoder {
            inner: lz4_flex::frame::FrameEncoder::with_frame_info(info, Vec::new()),
            pending_pos: 0,
            block_max: block_size(block_id)?,
            finished: false,
        })
    }

    /// Whether the frame has been finished and all of it drained.
    pub fn finished(&self) -> bool {
        self.finished && !self.has_pending()
    }

    /// Whether compressed output is waiting to be drained.
    pub fn has_pending(&self) -> bool {
        self.pending_pos < self.inner.get_ref().len()
    }

    fn drain(&mut self, output: &mut [u8]) -> usize {
        let buf = self.inner.get_mut();
        let n = (buf.len() - self.pending_pos).min(output.len());
        output[..n].copy_from_slice(&buf[self.pending_pos..self.pending_pos + n]);
        self.pending_pos += n;
        if self.pending_pos == buf.len() {
            buf.clear();
            self.pending_pos = 0;
        }
        n
    }

    /// Consumes all of `input`, applies `mode`, and appends everything produced to `out`.
    pub fn write_to_vec(&mut self, input: &[u8], mode: Mode, out: &mut Vec<u8>) -> CodecResult<()> {
        if self.finished {
            return Err(CodecError::Invalid("the LZ4 frame is already finished".into()));
        }
        let io = |e: std::io::Error| CodecError::Invalid(format!("LZ4 frame encoding failed: {e}"));
        self.inner.write_all(input).map_err(io)?;
        match mode {
            Mode::Write => {}
            Mode::Flush => self.inner.flush().map_err(io)?,
            Mode::Finish => {
                self.inner.try_finish().map_err(|e| CodecError::Invalid(format!("LZ4 frame encoding failed: {e}")))?;
                self.finished = true;
            }
        }
        let buf = self.inner.get_mut();
        out.extend_from_slice(&buf[self.pending_pos..]);
        buf.clear();
        self.pending_pos = 0;
        Ok(())
    }

    /// Drains pending output into `output`; when none is left, consumes up to one block of `input`
    /// and applies `mode` once all of `input` is consumed. Call again while [`Encoder::has_pending`].
    pub fn step(&mut self, input: &[u8], output: &mut [u8], mode: Mode) -> CodecResult<Step> {
        let mut s = Step { consumed: 0, produced: self.drain(output) };
        if self.has_pending() || self.finished {
            return Ok(s);
        }
        let io = |e: std::io::Error| CodecError::Invalid(format!("LZ4 frame encoding failed: {e}"));
        s.consumed = input.len().min(self.block_max);
        self.inner.write_all(&input[..s.consumed]).map_err(io)?;
        if s.consumed == input.len() {
            match mode {
                Mode::Write => {}
                Mode::Flush => self.inner.flush().map_err(io)?,
                Mode::Finish => {
                    self.inner.try_finish().map_err(|e| CodecError::Invalid(format!("LZ4 frame encoding failed: {e}")))?;
                    self.finished = true;
                }
            }
        }
        s.produced += self.drain(&mut output[s.produced..]);
        Ok(s)
    }
}

/// Compresses `input` into one frame.
pub fn compress_to_vec(input: &[u8], block_id: u32, content_checksum: bool) -> CodecResult<Vec<u8>> {
    let mut e = Encoder::new(block_id, content_checksum, false)?;
    let mut out = Vec::with_capacity(super::lz4::max_compressed_length(input.len()) + 64);
    e.write_to_vec(input, Mode::Finish, &mut out)?;
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Magic,
    SkipLen,
    Skip(u64),
    Descriptor,
    BlockLen,
    Block { len: usize, raw: bool },
    Output,
    ContentChecksum,
}

/// Decodes a sequence of LZ4 frames (skippable frames are skipped) fed in arbitrary pieces.
pub struct Decoder {
    state: State,
    acc: Vec<u8>,
    need: usize,
    block_max: usize,
    block_checksum: bool,
    content_checksum: bool,
    linked: bool,
    content_size: Option<u64>,
    frame_len: u64,
    hasher: XxHash32,
    out: Vec<u8>,
    out_pos: usize,
    out_len: usize,
    dict: Vec<u8>,
    frames: u64,
}

fn corrupt(msg: impl Into<String>) -> CodecError {
    CodecError::Corrupt(msg.into())
}

fn le32(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new()
    }
}

impl Decoder {
    /// A decoder expecting a frame magic number.
    pub fn new() -> Decoder {
        Decoder {
            state: State::Magic,
            acc: Vec::with_capacity(32),
            need: 4,
            block_max: 0,
            block_checksum: false,
            content_checksum: false,
            linked: false,
            content_size: None,
            frame_len: 0,
            hasher: XxHash32::with_seed(0),
            out: Vec::new(),
            out_pos: 0,
            out_len: 0,
            dict: Vec::new(),
            frames: 0,
        }
    }

    /// Whether the input so far ends exactly after a complete frame (a valid place for it to end).
    pub fn at_frame_boundary(&self) -> bool {
        self.state == State::Magic && self.acc.is_empty() && self.frames > 0
    }

    /// Complete frames decoded so far (skippable frames included).
    pub fn frames(&self) -> u64 {
        self.frames
    }

    /// Gathers bytes into `acc` until it holds `need`; returns whether it does.
    fn gather(&mut self, input: &[u8], pos: &mut usize) -> bool {
        let k = (self.need - self.acc.len()).min(input.len() - *pos);
        self.acc.extend_from_slice(&input[*pos..*pos + k]);
        *pos += k;
        self.acc.len() == self.need
    }

    fn expect(&mut self, state: State, need: usize) {
        self.state = state;
        self.need = need;
        self.acc.clear();
    }

    /// Decodes from `input` into `output`.
    pub fn step(&mut self, input: &[u8], output: &mut [u8]) -> CodecResult<Step> {
        let mut s = Step::default();
        loop {
            match self.state {
                State::Output => {
                    let n = (self.out_len - self.out_pos).min(output.len() - s.produced);
                    output[s.produced..s.produced + n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
                    self.out_pos += n;
                    s.produced += n;
                    if self.out_pos < self.out_len {
                        return Ok(s);
                    }
                    self.expect(State::BlockLen, 4);
                }
                State::Skip(left) => {
                    let k = left.min((input.len() - s.consumed) as u64);
                    s.consumed += k as usize;
                    if k < left {
                        self.state = State::Skip(left - k);
                        return Ok(s);
                    }
                    self.frames += 1;
                    self.expect(State::Magic, 4);
                }
                State::Block { len, raw } => {
                    let need = len + if self.block_checksum { 4 } else { 0 };
                    if self.acc.is_empty() && input.len() - s.consumed >= need {
                        // The whole block is in this input: decode it without buffering.
                        let start = s.consumed;
                        s.consumed += need;
                        self.decode_block(&input[start..start + need], len, raw)?;
                    } else {
                        self.need = need;
                        if !self.gather(input, &mut s.consumed) {
                            return Ok(s);
                        }
                        let block = std::mem::take(&mut self.acc);
                        let r = self.decode_block(&block, len, raw);
                        self.acc = block;
                        self.acc.clear();
                        r?;
                    }
                }
                _ => {
                    if !self.gather(input, &mut s.consumed) {
                        return Ok(s);
                    }
                    self.on_gathered()?;
                }
            }
        }
    }

    fn on_gathered(&mut self) -> CodecResult<()> {
        match self.state {
            State::Magic => {
                let magic = le32(&self.acc);
                if magic == MAGIC {
                    self.expect(State::Descriptor, 2);
                } else if magic & SKIPPABLE_MASK == SKIPPABLE {
                    self.expect(State::SkipLen, 4);
                } else if magic == LEGACY_MAGIC {
                    return Err(corrupt("legacy LZ4 frames (lz4 -l) are not supported"));
                } else {
                    return Err(corrupt(format!("not an LZ4 frame: magic number {magic:08x}")));
                }
            }
            State::SkipLen => {
                let n = le32(&self.acc) as u64;
                self.expect(State::Skip(n), 0);
            }
            State::Descriptor if self.acc.len() == 2 => {
                let (flg, bd) = (self.acc[0], self.acc[1]);
                if flg >> 6 != 1 {
                    return Err(corrupt(format!("unsupported LZ4 frame version {}", flg >> 6)));
                }
                if flg & 0x02 != 0 || bd & 0x8F != 0 {
                    return Err(corrupt("LZ4 frame descriptor has reserved bits set"));
                }
                if flg & 0x01 != 0 {
                    return Err(corrupt("LZ4 frames with a dictionary id are not supported"));
                }
                self.block_max = block_size(((bd >> 4) & 7) as u32).map_err(|_| corrupt("invalid LZ4 block maximum size"))?;
                self.linked = flg & 0x20 == 0;
                self.block_checksum = flg & 0x10 != 0;
                self.content_checksum = flg & 0x04 != 0;
                self.need = 2 + if flg & 0x08 != 0 { 8 } else { 0 } + 1;
            }
            State::Descriptor => {
                let n = self.acc.len();
                let hc = (XxHash32::oneshot(0, &self.acc[..n - 1]) >> 8) as u8;
                if hc != self.acc[n - 1] {
                    return Err(corrupt("LZ4 frame descriptor checksum mismatch"));
                }
                self.content_size = if n == 11 { Some(u64::from_le_bytes(self.acc[2..10].try_into().unwrap())) } else { None };
                self.frame_len = 0;
                self.hasher = XxHash32::with_seed(0);
                self.dict.clear();
                if self.out.len() < self.block_max {
                    self.out.resize(self.block_max, 0);
                }
                self.expect(State::BlockLen, 4);
            }
            State::BlockLen => {
                let v = le32(&self.acc);
                if v == 0 {
                    if let Some(size) = self.content_size {
                        if size != self.frame_len {
                            return Err(corrupt(format!("LZ4 frame content size {} does not match the stored {size}", self.frame_len)));
                        }
                    }
                    if self.content_checksum {
                        self.expect(State::ContentChecksum, 4);
                    } else {
                        self.end_frame();
                    }
                    return Ok(());
                }
                let len = (v & 0x7FFF_FFFF) as usize;
                if len > self.block_max {
                    return Err(corrupt(format!("LZ4 block of {len} bytes exceeds the frame's maximum of {}", self.block_max)));
                }
                self.expect(State::Block { len, raw: v & 0x8000_0000 != 0 }, 0);
            }
            State::ContentChecksum => {
                if le32(&self.acc) != self.hasher.finish_32() {
                    return Err(corrupt("LZ4 frame content checksum mismatch"));
                }
                self.end_frame();
            }
            State::Block { .. } | State::Skip(_) | State::Output => unreachable!("handled in step"),
        }
        Ok(())
    }

    fn end_frame(&mut self) {
        self.frames += 1;
        self.expect(State::Magic, 4);
    }

    fn decode_block(&mut self, block: &[u8], len: usize, raw: bool) -> CodecResult<()> {
        let data = &block[..len];
        if self.block_checksum && XxHash32::oneshot(0, data) != le32(&block[len..]) {
            return Err(corrupt("LZ4 block checksum mismatch"));
        }
        let n = if raw {
            self.out[..len].copy_from_slice(data);
            len
        } else if self.linked && !self.dict.is_empty() {
            lz4_flex::block::decompress_into_with_dict(data, &mut self.out[..self.block_max], &self.dict)
                .map_err(|e| corrupt(format!("corrupt LZ4 block: {e}")))?
        } else {
            lz4_flex::block::decompress_into(data, &mut self.out[..self.block_max]).map_err(|e| corrupt(format!("corrupt LZ4 block: {e}")))?
        };
        if self.content_checksum {
            self.hasher.write(&self.out[..n]);
        }
        if self.linked {
            // Keep the last 64 KiB of output as the next block's dictionary.
            if n >= WINDOW {
                self.dict.clear();
                self.dict.extend_from_slice(&self.out[n - WINDOW..n]);
            } else {
                let drop = (self.dict.len() + n).saturating_sub(WINDOW);
                self.dict.drain(..drop);
                self.dict.extend_from_slice(&self.out[..n]);
            }
        }
        self.frame_len += n as u64;
        self.out_pos = 0;
        self.out_len = n;
        self.state = State::Output;
        Ok(())
    }
}

/// One-shot decoding into a growing vector, fed in pieces (so the JNI glue can read a Java array in
/// bounded critical sections).
pub struct VecDecoder {
    decoder: Decoder,
    limits: Limits,
    out: Vec<u8>,
    total_len: u64,
}

impl VecDecoder {
    /// Expects `total_len` input bytes in all; `limits` bound the output.
    pub fn new(total_len: usize, limits: Limits) -> VecDecoder {
        let cap = (total_len as u64).saturating_mul(3).clamp(4096, 64 << 20).min(limits.max_output.max(16)) as usize;
        VecDecoder { decoder: Decoder::new(), limits, out: Vec::with_capacity(cap), total_len: total_len as u64 }
    }

    /// Decodes all of `input`.
    pub fn feed(&mut self, input: &[u8]) -> CodecResult<()> {
        let mut pos = 0;
        loop {
            if self.out.len() == self.out.capacity() {
                let len = self.out.len() as u64;
                let ceiling = self.limits.max_output.min(super::MAX_ARRAY);
                if len >= ceiling {
                    self.limits.check(self.total_len, len + 1)?;
                    return Err(CodecError::Limit(format!("decompressed size exceeds the largest Java array ({} bytes)", super::MAX_ARRAY)));
                }
                let extra = len.max(64 << 10).min(ceiling + 1 - len) as usize;
                self.out.try_reserve_exact(extra).map_err(|_| CodecError::Limit(format!("cannot allocate {} bytes for the output", len as usize + extra)))?;
            }
            let len = self.out.len();
            // Zero-filling the spare room keeps this safe; LZ4 output is memcpy-fast anyway.
            self.out.resize(self.out.capacity(), 0);
            let r = self.decoder.step(&input[pos..], &mut self.out[len..]);
            let s = match r {
                Ok(s) => s,
                Err(e) => {
                    self.out.truncate(len);
                    return Err(e);
                }
            };
            self.out.truncate(len + s.produced);
            pos += s.consumed;
            self.limits.check(self.total_len, self.out.len() as u64)?;
            if pos == input.len() && self.out.len() < self.out.capacity() {
                return Ok(());
            }
        }
    }

    /// Ends the input; returns the output, or an error if it does not end after a complete frame.
    pub fn finish(self) -> CodecResult<Vec<u8>> {
        if !self.decoder.at_frame_boundary() {
            return Err(CodecError::Truncated(TRUNCATED.into()));
        }
        Ok(self.out)
    }
}

/// What an LZ4 stream that ends early reports.
pub const TRUNCATED: &str = "Unexpected end of LZ4 frame";

/// Decompresses every frame in `input` within `limits`.
pub fn decompress_to_vec(input: &[u8], limits: Limits) -> CodecResult<Vec<u8>> {
    let mut d = VecDecoder::new(input.len(), limits);
    d.feed(input)?;
    d.finish()
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
    use std::io::Read;

    fn sample(n: usize) -> Vec<u8> {
        (0..n).map(|i| if i % 5 == 0 { (i * 7 % 256) as u8 } else { b"log line: GET /index.html 200\n"[i % 30] }).collect()
    }

    #[test]
    fn round_trip_and_interop_with_lz4_flex() {
        for n in [0, 1, 100_000, 300_000] {
            let data = sample(n);
            for id in 4..=7 {
                let c = compress_to_vec(&data, id, true).unwrap();
                assert_eq!(decompress_to_vec(&c, Limits::NONE).unwrap(), data);
                let mut back = Vec::new();
                lz4_flex::frame::FrameDecoder::new(&c[..]).read_to_end(&mut back).unwrap();
                assert_eq!(back, data);
            }
            // Linked blocks with block checksums, written by lz4_flex.
            let info = FrameInfo::new().block_mode(BlockMode::Linked).block_checksums(true).content_checksum(true);
            let mut w = lz4_flex::frame::FrameEncoder::with_frame_info(info, Vec::new());
            w.write_all(&data).unwrap();
            let linked = w.finish().unwrap();
            assert_eq!(decompress_to_vec(&linked, Limits::NONE).unwrap(), data);
        }
    }

    #[test]
    fn concatenated_and_skippable_frames_in_tiny_pieces() {
        let mut c = compress_to_vec(b"first ", 4, true).unwrap();
        c.extend_from_slice(&[0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 9, 9, 9]);
        c.extend(compress_to_vec(b"second", 4, false).unwrap());
        assert_eq!(decompress_to_vec(&c, Limits::NONE).unwrap(), b"first second");
        let mut d = Decoder::new();
        let mut out = Vec::new();
        let mut buf = [0u8; 3];
        for b in c.chunks(1) {
            let mut pos = 0;
            loop {
                let s = d.step(&b[pos..], &mut buf).unwrap();
                pos += s.consumed;
                out.extend_from_slice(&buf[..s.produced]);
                if s.produced == 0 && pos == b.len() {
                    break;
                }
            }
        }
        assert!(d.at_frame_boundary());
        assert_eq!(out, b"first second");
    }

    #[test]
    fn corrupt_and_truncated_frames() {
        let c = compress_to_vec(&sample(100_000), 4, true).unwrap();
        for cut in [0, 3, 4, 6, 7, 20, c.len() / 2, c.len() - 1] {
            assert!(matches!(decompress_to_vec(&c[..cut], Limits::NONE), Err(CodecError::Truncated(_))), "cut {cut}");
        }
        let n = c.len();
        let mut bad = c.clone();
        bad[n - 2] ^= 1;
        assert!(decompress_to_vec(&bad, Limits::NONE).unwrap_err().to_string().contains("checksum"));
        assert!(decompress_to_vec(b"PK\x03\x04xxxx", Limits::NONE).unwrap_err().to_string().contains("magic"));
        for i in 0..c.len().min(3000) {
            let mut f = c.clone();
            f[i] ^= 0x5a;
            let _ = decompress_to_vec(&f, Limits::NONE);
        }
        let zeros = compress_to_vec(&vec![0u8; 40 << 20], 7, false).unwrap();
        assert!(matches!(decompress_to_vec(&zeros, Limits { max_output: 1 << 20, max_ratio: 0 }), Err(CodecError::Limit(_))));
    }
}
