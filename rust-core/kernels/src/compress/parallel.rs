//! One-shot deflate of large inputs on all cores, as `pigz` does: the input is cut into pieces of a
//! fixed size, each piece is compressed on the rayon pool with the 32 KiB before it as a preset
//! dictionary and ended with a sync flush (so it stops on a byte boundary), and the pieces are
//! concatenated into one ordinary stream inside one header and trailer. Any inflater reads the result;
//! it is a few bytes per piece larger than a serial stream. Piece boundaries depend only on the input
//! length, so the output is the same whatever the number of threads.

use zlib_rs::DeflateFlush;
use rayon::prelude::*;

use super::deflate::{self, Format};
use super::engine::{self, Status, WINDOW};
use super::{gzip, CodecResult};

/// Inputs shorter than this are compressed serially at levels 4-9.
pub const MIN_INPUT: usize = 64 << 10;
/// The same for the fast levels 1-3, where a 32 KiB piece is too little work to pay for its hand-off
/// (measured: no gain on 64 KiB inputs at level 1, 1.7x on 16 MiB).
pub const MIN_INPUT_FAST_LEVELS: usize = 1 << 20;

/// Length of the pieces for an input of `len` bytes: small enough that a 64 KiB input still gives
/// two, large enough that per-piece costs (state set-up, block headers) stay small on big inputs.
pub fn piece_len(len: usize) -> usize {
    if len < 1 << 20 {
        32 << 10
    } else {
        256 << 10
    }
}

/// Whether [`compress_to_vec`] splits an input of `len` bytes at `level` (level 0 stores, nothing to gain).
pub fn applies(len: usize, level: u32) -> bool {
    match level {
        0 => false,
        1..=3 => len >= MIN_INPUT_FAST_LEVELS,
        _ => len >= MIN_INPUT,
    }
}

fn piece(level: u32, input: &[u8], start: usize, end: usize) -> CodecResult<Vec<u8>> {
    let last = end == input.len();
    let mut c = engine::Deflate::new(level, false, zlib_rs::Strategy::Default)?;
    if start > 0 {
        c.set_dictionary(&input[start.saturating_sub(WINDOW)..start])?;
    }
    let data = &input[start..end];
    // the bound of a whole stream also covers a sync-flushed piece (which ends in a 5-byte empty block)
    let mut out = Vec::with_capacity(deflate::bound(Format::Raw, data.len()) + 16);
    let flush = if last { DeflateFlush::Finish } else { DeflateFlush::SyncFlush };
    loop {
        let consumed = c.total_in() as usize;
        let status = c.compress_vec(&data[consumed..], &mut out, flush)?;
        let done = if last { status == Status::StreamEnd } else { c.total_in() as usize == data.len() && out.len() < out.capacity() };
        if done {
            return Ok(out);
        }
        out.reserve(64 << 10);
    }
}

/// The zlib header serial compression writes at `level` (it encodes the level).
fn zlib_header(level: u32) -> CodecResult<[u8; 2]> {
    let empty = deflate::compress_to_vec(Format::Zlib, level, &[], None)?;
    Ok([empty[0], empty[1]])
}

/// Compresses all of `input` in pieces on the rayon pool; the format's header (for gzip `gzip_header`
/// or the default one) and trailer are those of [`deflate::compress_to_vec`].
/// Inputs for which [`applies`] is false are compressed serially, exactly as by that function.
pub fn compress_to_vec(format: Format, level: u32, input: &[u8], gzip_header: Option<Vec<u8>>) -> CodecResult<Vec<u8>> {
    deflate::check_level(level as i32)?;
    if !applies(input.len(), level) {
        return deflate::compress_to_vec(format, level, input, gzip_header);
    }
    let mut header = deflate::gzip_header_for(format, level, gzip_header)?;
    if format == Format::Zlib {
        header = zlib_header(level)?.to_vec();
    }
    let step = piece_len(input.len());
    let starts: Vec<usize> = (0..input.len().max(1)).step_by(step).collect();
    let bodies: Vec<Vec<u8>> = starts
        .par_iter()
        .map(|&s| {
            // a pool thread: charge its pieces to compression, where the caller frees them
            crate::memory::Kernel::Compression.enter();
            piece(level, input, s, (s + step).min(input.len()))
        })
        .collect::<CodecResult<_>>()?;
    let mut out = Vec::with_capacity(header.len() + bodies.iter().map(Vec::len).sum::<usize>() + gzip::TRAILER_LEN);
    out.extend_from_slice(&header);
    for b in &bodies {
        out.extend_from_slice(b);
    }
    match format {
        Format::Gzip => out.extend_from_slice(&gzip::trailer(gzip::crc32(0, input), input.len() as u32)),
        Format::Zlib => out.extend_from_slice(&zlib_rs::adler32::adler32(1, input).to_be_bytes()),
        Format::Raw => {}
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compress::Limits;

    fn sample(n: usize) -> Vec<u8> {
        // text-like with long repeats across piece boundaries, plus a stretch of noise
        let mut x = 0x2545_f491_4f6c_dd1du64;
        (0..n)
            .map(|i| {
                if (i / 50_000) % 5 == 4 {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as u8
                } else {
                    b"the quick brown fox jumps over the lazy dog; "[(i * 7 + i / 1000) % 45]
                }
            })
            .collect()
    }

    #[test]
    fn round_trips_in_every_format_and_stays_close_to_serial_size() {
        for &n in &[MIN_INPUT, MIN_INPUT + 1, 100_000, MIN_INPUT_FAST_LEVELS, (1 << 20) + 12_345, 3 << 20] {
            let data = sample(n);
            for format in [Format::Raw, Format::Zlib, Format::Gzip] {
                for level in [1, 6, 9] {
                    let par = compress_to_vec(format, level, &data, None).unwrap();
                    let back = deflate::decompress_to_vec(format, &par, Limits::NONE).unwrap();
                    assert!(back == data, "{format:?} level {level} n {n}");
                    let serial = deflate::compress_to_vec(format, level, &data, None).unwrap();
                    assert!(par.len() as f64 <= serial.len() as f64 * 1.03 + 64.0, "{format:?} {level} {n}: {} vs {}", par.len(), serial.len());
                    if format != Format::Raw {
                        assert_eq!(par[..2], serial[..2], "same header");
                        assert_eq!(par[par.len() - 4..], serial[serial.len() - 4..], "same checksum/length trailer");
                    }
                }
            }
        }
    }

    #[test]
    fn output_does_not_depend_on_the_number_of_threads() {
        let data = sample(2 << 20);
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let three = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
        let a = one.install(|| compress_to_vec(Format::Gzip, 6, &data, None).unwrap());
        let b = three.install(|| compress_to_vec(Format::Gzip, 6, &data, None).unwrap());
        assert!(a == b);
    }

    #[test]
    fn readable_by_an_independent_inflater() {
        use std::io::Read;
        let data = sample(300_000);
        let gz = compress_to_vec(Format::Gzip, 6, &data, Some(gzip::default_header(6))).unwrap();
        let mut back = Vec::new();
        flate2::read::MultiGzDecoder::new(&gz[..]).read_to_end(&mut back).unwrap();
        assert!(back == data);
    }

    #[test]
    fn piece_boundaries_and_thresholds() {
        assert!(!applies(MIN_INPUT - 1, 6));
        assert!(!applies(1 << 20, 0));
        assert!(applies(MIN_INPUT, 4));
        assert!(!applies(MIN_INPUT, 3));
        assert!(applies(MIN_INPUT_FAST_LEVELS, 1));
        assert_eq!(piece_len(MIN_INPUT), 32 << 10);
        assert_eq!(piece_len(1 << 20), 256 << 10);
        assert!(compress_to_vec(Format::Zlib, 6, &[1, 2, 3], Some(vec![])).is_err());
        assert!(compress_to_vec(Format::Gzip, 10, &[1, 2, 3], None).is_err());
        let small = sample(MIN_INPUT - 1);
        assert_eq!(compress_to_vec(Format::Gzip, 6, &small, None).unwrap(), deflate::compress_to_vec(Format::Gzip, 6, &small, None).unwrap());
    }
}
