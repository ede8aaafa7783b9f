//! The zlib-rs deflate stream every ferric compressor runs on, and ferric's level table.
//!
//! ferric's levels are zlib-rs's (zlib-ng's) except level 6, the default: it keeps zlib-rs's level-6
//! strategy (`deflate_medium`) but follows at most 32 hash-chain entries per position instead of 128.
//! Measured on the 16 MiB benchmark corpus (BENCHMARKS.md): 28% less time than zlib-rs's level 6 for
//! 0.8% more output — 0.6% more than zlib's own level 6 — and better output than zlib-rs's level 5 at
//! the same speed. Levels 7-9 are there for callers who want every last byte.
//!
//! `flate2::Compress` wraps the same engine but cannot change those search parameters, so this is a
//! thin owner of a zlib-rs `z_stream` through the crate's internal (pinned) API.

use std::mem::MaybeUninit;

use zlib_rs::c_api::z_stream;
use zlib_rs::deflate::{self as zdeflate, DeflateConfig, DeflateStream};
use zlib_rs::{DeflateFlush, ReturnCode, Strategy};

/// Search parameters (`deflateTune`'s good_length, max_lazy, nice_length, max_chain) that replace
/// zlib-rs's own for `level`, if any.
pub fn tuning(level: u32) -> Option<(usize, usize, usize, usize)> {
    match level {
        6 => Some((8, 16, 128, 32)),
        _ => None,
    }
}

/// The strategy for a `java.util.zip.Deflater` strategy id (0 default, 1 filtered, 2 Huffman only).
pub fn strategy_from_id(id: i32) -> Option<Strategy> {
    match id {
        0 => Some(Strategy::Default),
        1 => Some(Strategy::Filtered),
        2 => Some(Strategy::HuffmanOnly),
        _ => None,
    }
}

/// Outcome of one [`Deflate::compress_uninit`] call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Progress was made (or nothing was asked).
    Ok,
    /// The stream is complete (after a finishing call).
    StreamEnd,
    /// No progress was possible: no input and no output room.
    BufError,
}

/// A raw or zlib deflate stream (gzip framing is the caller's).
pub struct Deflate {
    strm: z_stream,
    level: u32,
    // counted here from the pointers, as zlib-rs's own wrapper does: its set_dictionary moves total_in
    total_in: u64,
    total_out: u64,
}

// SAFETY: the stream owns its state (allocated by zlib-rs, freed in Drop) and holds no pointer into
// caller memory between calls (compress_uninit clears next_in/next_out before returning).
unsafe impl Send for Deflate {}

impl Deflate {
    /// A stream at `level` (0-9) with a 32 KiB window; `zlib_header` chooses zlib over raw deflate.
    pub fn new(level: u32, zlib_header: bool, strategy: Strategy) -> Deflate {
        assert!(level <= 9, "level {level} checked by the caller");
        let config = DeflateConfig {
            level: level as i32,
            window_bits: if zlib_header { 15 } else { -15 },
            strategy,
            ..DeflateConfig::default()
        };
        let mut strm = z_stream::default();
        let rc = zdeflate::init(&mut strm, config);
        // init fails only on bad parameters (fixed here) or allocation failure (which aborts under std)
        assert_eq!(rc, ReturnCode::Ok, "zlib-rs deflate init");
        let mut d = Deflate { strm, level, total_in: 0, total_out: 0 };
        d.apply_tuning();
        d
    }

    fn stream(&mut self) -> &mut DeflateStream<'static> {
        // SAFETY: `strm` was initialised by `zdeflate::init` in `new` and is ended only in Drop.
        unsafe { DeflateStream::from_stream_mut(&mut self.strm) }.expect("initialised deflate stream")
    }

    fn apply_tuning(&mut self) {
        if let Some((good, lazy, nice, chain)) = tuning(self.level) {
            zdeflate::tune(self.stream(), good, lazy, nice, chain);
        }
    }

    /// Input bytes consumed since creation or reset.
    pub fn total_in(&self) -> u64 {
        self.total_in
    }

    /// Output bytes produced since creation or reset.
    pub fn total_out(&self) -> u64 {
        self.total_out
    }

    /// Starts a new stream with the same settings.
    pub fn reset(&mut self) {
        zdeflate::reset(self.stream());
        (self.total_in, self.total_out) = (0, 0);
        self.apply_tuning(); // reset restores the level's table entry
    }

    /// Sets a preset dictionary, before the first input.
    pub fn set_dictionary(&mut self, dict: &[u8]) -> Result<(), String> {
        match zdeflate::set_dictionary(self.stream(), dict) {
            ReturnCode::Ok => Ok(()),
            rc => Err(format!("cannot set the dictionary ({rc:?})")),
        }
    }

    /// Compresses from `input` into `output` with `flush`; progress shows in the totals.
    pub fn compress_uninit(
        &mut self,
        input: &[u8],
        output: &mut [MaybeUninit<u8>],
        flush: DeflateFlush,
    ) -> Result<Status, String> {
        // zlib-rs counts in u32; larger buffers are consumed over several calls, like a short read
        self.strm.avail_in = input.len().min(u32::MAX as usize) as u32;
        self.strm.avail_out = output.len().min(u32::MAX as usize) as u32;
        self.strm.next_in = input.as_ptr().cast_mut();
        self.strm.next_out = output.as_mut_ptr().cast();
        let rc = zdeflate::deflate(self.stream(), flush);
        self.total_in += (self.strm.next_in as usize - input.as_ptr() as usize) as u64;
        self.total_out += (self.strm.next_out as usize - output.as_ptr() as usize) as u64;
        self.strm.next_in = std::ptr::null_mut();
        self.strm.next_out = std::ptr::null_mut();
        self.strm.avail_in = 0;
        self.strm.avail_out = 0;
        match rc {
            ReturnCode::Ok => Ok(Status::Ok),
            ReturnCode::StreamEnd => Ok(Status::StreamEnd),
            ReturnCode::BufError => Ok(Status::BufError),
            rc => Err(format!("{rc:?}")),
        }
    }

    /// Compresses from `input` into the spare capacity of `out`, growing its length.
    pub fn compress_vec(&mut self, input: &[u8], out: &mut Vec<u8>, flush: DeflateFlush) -> Result<Status, String> {
        let (len, before) = (out.len(), self.total_out());
        let status = self.compress_uninit(input, out.spare_capacity_mut(), flush)?;
        // SAFETY: the engine initialised exactly the bytes it produced, at the start of the spare capacity.
        unsafe { out.set_len(len + (self.total_out() - before) as usize) };
        Ok(status)
    }
}

impl Drop for Deflate {
    fn drop(&mut self) {
        let _ = zdeflate::end(self.stream());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compress(level: u32, data: &[u8]) -> Vec<u8> {
        let mut d = Deflate::new(level, true, Strategy::Default);
        let mut out = Vec::with_capacity(zlib_rs::compress_bound(data.len()));
        assert_eq!(d.compress_vec(data, &mut out, DeflateFlush::Finish).unwrap(), Status::StreamEnd);
        assert_eq!(d.total_in(), data.len() as u64);
        out
    }

    fn sample() -> Vec<u8> {
        (0..200_000u32).flat_map(|i| format!("line {} value {}\n", i % 977, (i * 7919) % 1013).into_bytes()).collect()
    }

    #[test]
    fn only_level_6_is_tuned() {
        assert_eq!(tuning(6), Some((8, 16, 128, 32)));
        assert!((0..=9).filter(|&l| l != 6).all(|l| tuning(l).is_none()));
    }

    #[test]
    fn level_6_differs_from_zlib_rs_level_6_and_round_trips() {
        let data = sample();
        let ours = compress(6, &data);
        let stock = zlib_rs::Deflate::new(6, true, 15);
        let mut stock = stock;
        let mut theirs = vec![0u8; zlib_rs::compress_bound(data.len())];
        stock.compress(&data, &mut theirs, DeflateFlush::Finish).unwrap();
        theirs.truncate(stock.total_out() as usize);
        assert_ne!(ours, theirs, "the level-6 tuning is not applied");
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&ours[..]), &mut back).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn reset_keeps_the_tuning() {
        let data = sample();
        let mut d = Deflate::new(6, true, Strategy::Default);
        let mut first = Vec::with_capacity(zlib_rs::compress_bound(data.len()));
        d.compress_vec(&data, &mut first, DeflateFlush::Finish).unwrap();
        d.reset();
        let mut second = Vec::with_capacity(zlib_rs::compress_bound(data.len()));
        d.compress_vec(&data, &mut second, DeflateFlush::Finish).unwrap();
        assert_eq!(first, second);
        assert_eq!(first, compress(6, &data));
    }
}
