//! Idle deflate encoders kept for one-shot calls. A new zlib-rs stream allocates and zeroes about
//! 400 KiB (window, chains, a 64 Ki-entry hash table, pending buffer); for a record of a few hundred
//! bytes that is most of the work (15.9 of 20.1 µs at 1 KiB in a profile, 63% of it `memset`). A
//! reset stream only clears its hash table: reusing one saves about 40% per small record.
//!
//! The pool is shared by all threads and small (twice the number of cores, at most 16 encoders,
//! about 400 KiB each), so what it keeps is bounded whatever the number of threads; an encoder in
//! use is taken out, so two calls never share one.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, OnceLock};

use super::deflate::{Encoder, Format};
use super::CodecResult;

fn capacity() -> usize {
    static CAP: OnceLock<usize> = OnceLock::new();
    *CAP.get_or_init(|| std::thread::available_parallelism().map_or(2, |n| n.get()).saturating_mul(2).min(16))
}

static IDLE: Mutex<Vec<Encoder>> = Mutex::new(Vec::new());

/// An encoder for one call, returned to the pool (reset) when dropped.
pub struct Pooled {
    encoder: Option<Encoder>,
}

/// An encoder for `format` at `level` with the default gzip header: an idle one from the pool when
/// there is one, else a new one.
pub fn encoder(format: Format, level: u32) -> CodecResult<Pooled> {
    let idle = {
        let mut idle = IDLE.lock().unwrap_or_else(|e| e.into_inner());
        idle.iter().position(|e| e.format() == format && e.level() == level).map(|i| idle.swap_remove(i))
    };
    let encoder = match idle {
        Some(e) => e,
        None => Encoder::new(format, level, None)?,
    };
    Ok(Pooled { encoder: Some(encoder) })
}

impl Deref for Pooled {
    type Target = Encoder;
    fn deref(&self) -> &Encoder {
        self.encoder.as_ref().expect("present until dropped")
    }
}

impl DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut Encoder {
        self.encoder.as_mut().expect("present until dropped")
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        // after a panic the encoder may be mid-call: drop it rather than reset it while unwinding
        if std::thread::panicking() {
            return;
        }
        if let Some(mut e) = self.encoder.take() {
            e.reset();
            let mut idle = IDLE.lock().unwrap_or_else(|e| e.into_inner());
            if idle.len() < capacity() {
                idle.push(e);
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
    fn the_pool_keeps_at_most_its_capacity() {
        let held: Vec<Pooled> = (0..capacity() + 3).map(|_| encoder(Format::Gzip, 5).unwrap()).collect();
        drop(held);
        let idle = IDLE.lock().unwrap();
        assert!(idle.len() <= capacity(), "{} idle", idle.len());
    }
}
