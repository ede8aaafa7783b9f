//! Fuzzes the deflate/zlib/gzip decoders: one-shot (with limits) and resumable through tiny buffers.
//! The first byte picks the format and the piece sizes; the rest is the compressed input.
#![no_main]

use ferric_kernels::compress::deflate::{decompress_to_vec, Decoder, Format};
use ferric_kernels::compress::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&ctl, input)) = data.split_first() else { return };
    let format = [Format::Raw, Format::Zlib, Format::Gzip][(ctl % 3) as usize];
    let limits = Limits { max_output: 8 << 20, max_ratio: 100 };
    let one_shot = decompress_to_vec(format, input, limits);
    let mut d = Decoder::new(format);
    let (piece, mut out) = (1 + (ctl >> 2) as usize % 64, [0u8; 61]);
    let (mut pos, mut produced) = (0usize, Vec::new());
    loop {
        let end = (pos + piece).min(input.len());
        match d.step(&input[pos..end], &mut out) {
            Ok(s) => {
                pos += s.consumed;
                produced.extend_from_slice(&out[..s.produced]);
                if d.finished() || d.needs_dictionary() || (s.consumed == 0 && s.produced == 0 && end == input.len()) || produced.len() > 8 << 20 {
                    break;
                }
            }
            Err(_) => {
                assert!(one_shot.is_err(), "streaming failed where one-shot succeeded");
                return;
            }
        }
    }
    if let Ok(v) = one_shot {
        assert!(produced.len() <= v.len() || format == Format::Gzip);
        assert_eq!(&v[..produced.len().min(v.len())], &produced[..produced.len().min(v.len())]);
    }
});
