//! Idle deflate encoders and decoders kept for one-shot calls. A new zlib-rs stream allocates and
//! zeroes about 400 KiB (window, chains, a 64 Ki-entry hash table, pending buffer); for a record of a
//! few hundred bytes that is most of the work (15.9 of 20.1 µs at 1 KiB in a profile, 63% of it
//! `memset`). A reset stream only clears its hash table: reusing one saves about 40% per small record.
//! A decoder is smaller (its state and a 32 KiB window) but creating one was still about 380 of the
//! 820 ns a 200-byte gzip record took to decompress (Rust side, this machine); a reset one costs
//! nothing of that.
//!
//! Each pool is shared by all threads and small (twice the number of cores, at most 16 streams of
//! each kind), so what it keeps is bounded whatever the number of threads; a stream in use is taken
//! out, so two calls never share one.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, OnceLock};

use super::deflate::{Decoder, Encoder, Format};
use super::CodecResult;

fn capacity() -> usize {
    static CAP: OnceLock<usize> = OnceLock::new();
    *CAP.get_or_init(|| std::thread::available_parallelism().map_or(2, |n| n.get()).saturating_mul(2).min(16))
}

/// A stream kind the pool keeps: where its idle streams live, and how one is made ready for the next call.
pub trait Poolable: Sized + 'static {
    /// The idle streams of this kind.
    fn idle() -> &'static Mutex<Vec<Self>>;
    /// Forgets the last call's stream (and anything it read), as if new.
    fn recycle(&mut self);
}

impl Poolable for Encoder {
    fn idle() -> &'static Mutex<Vec<Encoder>> {
        static IDLE: Mutex<Vec<Encoder>> = Mutex::new(Vec::new());
        &IDLE
    }
    fn recycle(&mut self) {
        self.reset();
    }
}

impl Poolable for Decoder {
    fn idle() -> &'static Mutex<Vec<Decoder>> {
        static IDLE: Mutex<Vec<Decoder>> = Mutex::new(Vec::new());
        &IDLE
    }
    fn recycle(&mut self) {
        self.reset();
        self.forget_header();
    }
}

/// A stream for one call, returned to its pool (recycled) when dropped.
pub struct Pooled<T: Poolable> {
    stream: Option<T>,
}

/// Takes the first idle stream `fits` accepts, if any.
fn take<T: Poolable>(fits: impl Fn(&T) -> bool) -> Option<T> {
    let mut idle = T::idle().lock().unwrap_or_else(|e| e.into_inner());
    idle.iter().position(fits).map(|i| idle.swap_remove(i))
}

/// An encoder for `format` at `level` with the default gzip header: an idle one from the pool when
/// there is one, else a new one.
pub fn encoder(format: Format, level: u32) -> CodecResult<Pooled<Encoder>> {
    let stream = match take(|e: &Encoder| e.format() == format && e.level() == level) {
        Some(e) => e,
        None => Encoder::new(format, level, None)?,
    };
    Ok(Pooled { stream: Some(stream) })
}

/// A decoder for `format`: an idle one from the pool when there is one, else a new one.
pub fn decoder(format: Format) -> Pooled<Decoder> {
    let stream = take(|d: &Decoder| d.format() == format).unwrap_or_else(|| Decoder::new(format));
    Pooled { stream: Some(stream) }
}

impl<T: Poolable> Deref for Pooled<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.stream.as_ref().expect("present until dropped")
    }
}

impl<T: Poolable> DerefMut for Pooled<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.stream.as_mut().expect("present until dropped")
    }
}

impl<T: Poolable> Drop for Pooled<T> {
    fn drop(&mut self) {
        // after a panic the stream may be mid-call: drop it rather than reset it while unwinding
        if std::thread::panicking() {
            return;
        }
        if let Some(mut s) = self.stream.take() {
            s.recycle();
            let mut idle = T::idle().lock().unwrap_or_else(|e| e.into_inner());
            if idle.len() < capacity() {
                idle.push(s);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::deflate::{compress_to_vec, decompress_to_vec, Flush};
    use super::super::Limits;
    use super::*;

    fn pooled_to_vec(format: Format, level: u32, input: &[u8]) -> Vec<u8> {
        let mut e = encoder(format, level).unwrap();
        let mut out = Vec::with_capacity(input.len() + 64);
        let mut pos = 0;
        while !e.finished() {
            if out.len() == out.capacity() {
                out.reserve(1024);
            }
            pos += e.step_vec(&input[pos..], &mut out, Flush::Finish).unwrap().consumed;
        }
        out
    }

    #[test]
    fn a_reused_encoder_gives_the_bytes_of_a_new_one() {
        let data: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 251) as u8 ^ (i / 100) as u8).collect();
        for format in [Format::Raw, Format::Zlib, Format::Gzip] {
            for level in [0, 1, 6, 9] {
                for round in 0..3 {
                    let len = [3000, 17, 0][round];
                    let want = compress_to_vec(format, level, &data[..len], None).unwrap();
                    assert_eq!(pooled_to_vec(format, level, &data[..len]), want, "{format:?} {level} round {round}");
                    assert_eq!(decompress_to_vec(format, &want, Limits::NONE).unwrap(), &data[..len]);
                }
            }
        }
    }

    #[test]
    fn a_reused_decoder_decodes_like_a_new_one_after_bad_input() {
        let data: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 251) as u8 ^ (i / 100) as u8).collect();
        for format in [Format::Raw, Format::Zlib, Format::Gzip] {
            let good = compress_to_vec(format, 6, &data, None).unwrap();
            let truncated = &good[..good.len() / 2];
            let mut flipped = good.clone();
            let middle = flipped.len() / 2;
            flipped[middle] ^= 0x55;
            for round in 0..3 {
                assert!(decompress_to_vec(format, truncated, Limits::NONE).is_err(), "{format:?} round {round}");
                let _ = decompress_to_vec(format, &flipped, Limits::NONE); // an error, or other bytes
                assert_eq!(decompress_to_vec(format, &good, Limits::NONE).unwrap(), data, "{format:?} round {round}");
            }
        }
    }

    #[test]
    fn a_recycled_decoder_keeps_nothing_of_the_last_stream() {
        let named = compress_to_vec(Format::Gzip, 6, b"hello", Some(vec![0x1f, 0x8b, 8, 8, 0, 0, 0, 0, 0, 3, b'n', 0])).unwrap();
        let mut d = decoder(Format::Gzip);
        let mut out = Vec::with_capacity(64);
        d.step_vec(&named, &mut out).unwrap();
        assert!(d.finished() && !d.header().is_empty());
        d.recycle();
        assert!(!d.finished() && d.header().is_empty() && !d.header_done());
    }

    #[test]
    fn the_pool_keeps_at_most_its_capacity() {
        let held: Vec<Pooled<Encoder>> = (0..capacity() + 3).map(|_| encoder(Format::Gzip, 5).unwrap()).collect();
        drop(held);
        assert!(Encoder::idle().lock().unwrap().len() <= capacity());
        let held: Vec<Pooled<Decoder>> = (0..capacity() + 3).map(|_| decoder(Format::Gzip)).collect();
        drop(held);
        assert!(Decoder::idle().lock().unwrap().len() <= capacity());
    }
}
