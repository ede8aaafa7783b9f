//! Fuzzes the LZ4 frame push decoder: one-shot with limits, and fed in small pieces through a small
//! output buffer; both must agree.
#![no_main]

use ferric_kernels::compress::lz4frame::{decompress_to_vec, Decoder};
use ferric_kernels::compress::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&ctl, input)) = data.split_first() else { return };
    let one_shot = decompress_to_vec(input, Limits { max_output: 8 << 20, max_ratio: 0 });
    let mut d = Decoder::new();
    let (piece, mut out) = (1 + ctl as usize % 32, [0u8; 37]);
    let (mut pos, mut produced) = (0usize, Vec::new());
    loop {
        let end = (pos + piece).min(input.len());
        match d.step(&input[pos..end], &mut out) {
            Ok(s) => {
                pos += s.consumed;
                produced.extend_from_slice(&out[..s.produced]);
                if (s.consumed == 0 && s.produced == 0 && end == input.len()) || produced.len() > 8 << 20 {
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
        assert!(d.at_frame_boundary());
        assert_eq!(v, produced);
    }
});
