//! The zlib-rs deflate stream every ferric compressor runs on, and ferric's level table.
//!
//! ferric's levels are zlib-rs's (zlib-ng's) except level 6, the default: it keeps zlib-rs's level-6
//! strategy (`deflate_medium`) but follows at most 32 hash-chain entries per position instead of 128.
//! Measured on the 16 MiB benchmark corpus (BENCHMARKS.md): 24-28% less time than zlib-rs's level 6
//! for 0.8% more output (0.6% more than zlib's own level 6), and 0.6% smaller output than zlib-rs's
//! level 5 at about its speed. Levels 7 and 8 compress harder; level 9 switches zlib-rs to a rolling
//! hash and came out larger than level 8 on that corpus.
//!
//! `flate2::Compress` wraps the same engine but cannot change those search parameters, so this is a
//! thin owner of a zlib-rs `z_stream` through the crate's internal (pinned) API.

use std::mem::MaybeUninit;

use zlib_rs::c_api::z_stream;
use zlib_rs::deflate::{self as zdeflate, DeflateConfig, DeflateStream};
use zlib_rs::{DeflateFlush, ReturnCode, Strategy};

use super::{CodecError, CodecResult};

/// Deflate's window: the most a match reaches back, so the most of a preset dictionary that counts.
pub const WINDOW: usize = 32 << 10;

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

/// Outcome of one [`Deflate::compress_uninit`] call; how far it got shows in the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The stream goes on (zlib's `Z_OK`, and `Z_BUF_ERROR`: no progress was possible this call).
    Ok,
    /// The stream is complete (after a finishing call).
    StreamEnd,
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
    /// A stream at `level` (0-9) with a [`WINDOW`]-byte window; `zlib_header` chooses zlib over raw deflate.
    pub fn new(level: u32, zlib_header: bool, strategy: Strategy) -> CodecResult<Deflate> {
        assert!(level <= 9, "level {level} checked by the caller");
        let config = DeflateConfig {
            level: level as i32,
            window_bits: if zlib_header { 15 } else { -15 },
            strategy,
            ..DeflateConfig::default()
        };
        let mut strm = z_stream::default();
        // zlib-rs allocates with the global allocator but reports a failure as MemError
        check(zdeflate::init(&mut strm, config), "deflate init")?;
        let mut d = Deflate { strm, level, total_in: 0, total_out: 0 };
        d.apply_tuning();
        Ok(d)
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
    pub fn set_dictionary(&mut self, dict: &[u8]) -> CodecResult<()> {
        check(zdeflate::set_dictionary(self.stream(), dict), "deflate set dictionary")
    }

    /// Compresses from `input` into `output` with `flush`; progress shows in the totals.
    pub fn compress_uninit(
        &mut self,
        input: &[u8],
        output: &mut [MaybeUninit<u8>],
        flush: DeflateFlush,
    ) -> CodecResult<Status> {
        // zlib-rs counts in u32: larger buffers take several calls, and a flush (above all Finish)
        // must wait for the call that sees the rest of the input
        let flush = if input.len() > u32::MAX as usize { DeflateFlush::NoFlush } else { flush };
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
            ReturnCode::Ok | ReturnCode::BufError => Ok(Status::Ok),
            ReturnCode::StreamEnd => Ok(Status::StreamEnd),
            rc => check(rc, "deflate").map(|_| Status::Ok),
        }
    }

    /// Compresses from `input` into the spare capacity of `out`, growing its length.
    pub fn compress_vec(&mut self, input: &[u8], out: &mut Vec<u8>, flush: DeflateFlush) -> CodecResult<Status> {
        let (len, before) = (out.len(), self.total_out());
        let status = self.compress_uninit(input, out.spare_capacity_mut(), flush)?;
        // SAFETY: the engine initialised exactly the bytes it produced, at the start of the spare capacity.
        unsafe { out.set_len(len + (self.total_out() - before) as usize) };
        Ok(status)
    }
}

/// Maps a zlib-rs return code other than Ok to the error the boundary turns into a Java exception.
fn check(rc: ReturnCode, what: &str) -> CodecResult<()> {
    match rc {
        ReturnCode::Ok => Ok(()),
        ReturnCode::MemError => Err(CodecError::OutOfMemory(format!("{what}: cannot allocate the deflate state"))),
        rc => Err(CodecError::State(format!("{what} failed: {rc:?}"))),
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

    fn finish(d: &mut Deflate, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(zlib_rs::compress_bound(data.len()));
        assert_eq!(d.compress_vec(data, &mut out, DeflateFlush::Finish).unwrap(), Status::StreamEnd);
        assert_eq!(d.total_in(), data.len() as u64);
        out
    }

    fn compress(level: u32, strategy: Strategy, data: &[u8]) -> Vec<u8> {
        finish(&mut Deflate::new(level, true, strategy).unwrap(), data)
    }

    /// zlib-rs's own wrapper, untuned.
    fn stock(level: i32, strategy: Strategy, data: &[u8]) -> Vec<u8> {
        let config = DeflateConfig { level, strategy, ..DeflateConfig::default() };
        let mut d = zlib_rs::Deflate::new_with_config(config);
        let mut out = vec![0u8; zlib_rs::compress_bound(data.len())];
        d.compress(data, &mut out, DeflateFlush::Finish).unwrap();
        out.truncate(d.total_out() as usize);
        out
    }

    fn sample() -> Vec<u8> {
        (0..200_000u32).flat_map(|i| format!("line {} value {}\n", i % 977, (i * 7919) % 1013).into_bytes()).collect()
    }

    #[test]
    fn only_level_6_is_tuned() {
        assert_eq!(tuning(6), Some((8, 16, 128, 32)));
        assert!((0..=9).filter(|&l| l != 6).all(|l| tuning(l).is_none()));
        let data = sample();
        for level in [1, 5, 9] {
            assert_eq!(compress(level, Strategy::Default, &data), stock(level as i32, Strategy::Default, &data), "level {level}");
        }
    }

    #[test]
    fn level_6_differs_from_zlib_rs_level_6_and_round_trips() {
        let data = sample();
        let ours = compress(6, Strategy::Default, &data);
        assert_ne!(ours, stock(6, Strategy::Default, &data), "the level-6 tuning is not applied");
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&ours[..]), &mut back).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn strategy_ids_are_the_jdks_and_reach_the_engine() {
        let data = sample();
        let want = [Strategy::Default, Strategy::Filtered, Strategy::HuffmanOnly];
        for (id, strategy) in want.iter().enumerate() {
            assert_eq!(strategy_from_id(id as i32), Some(*strategy));
            // level 7 is untuned (and filtering acts in its lazy matcher): zlib-rs's own bytes
            assert!(compress(7, *strategy, &data) == stock(7, *strategy, &data), "{strategy:?}");
        }
        assert!(stock(7, Strategy::Filtered, &data) != stock(7, Strategy::Default, &data), "the sample tells them apart");
        assert_eq!(strategy_from_id(3), None);
        assert_eq!(strategy_from_id(-1), None);
    }

    #[test]
    fn reset_keeps_the_tuning() {
        let data = sample();
        let mut d = Deflate::new(6, true, Strategy::Default).unwrap();
        let first = finish(&mut d, &data);
        d.reset();
        assert_eq!(first, finish(&mut d, &data));
        assert_eq!(first, compress(6, Strategy::Default, &data));
    }
}
