//! Fuzzes the resumable deflate/zlib/gzip encoder (the zlib-rs stream ferric drives directly): any
//! level and strategy, input in pieces, sync/full flushes between them, outputs of 1-128 bytes; the
//! stream must always make progress and decode back to the input (zlib: sometimes with a preset
//! dictionary). The first 4 bytes are the controls.
#![no_main]

use ferric_kernels::compress::deflate::{compress_to_vec, decompress_to_vec, Encoder, Flush, Format};
use ferric_kernels::compress::engine::strategy_from_id;
use ferric_kernels::compress::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (ctl, input) = data.split_at(4);
    let format = [Format::Raw, Format::Zlib, Format::Gzip][(ctl[0] % 3) as usize];
    let level = (ctl[0] / 3) as u32 % 10;
    let strategy = strategy_from_id((ctl[1] % 3) as i32).unwrap();
    let (piece, out_len, flush_phase) = (1 + ctl[2] as usize * 4, 1 + (ctl[3] % 128) as usize, (ctl[1] >> 2) as usize);
    // sometimes created at another level first (and with a dictionary for zlib), then changed
    let mut e = Encoder::new(format, if ctl[3] & 0x80 != 0 { 9 - level } else { level }, None).unwrap();
    let dictionary = if format == Format::Zlib && ctl[2] & 1 != 0 { &input[..input.len() / 2] } else { &[][..] };
    if !dictionary.is_empty() {
        e.set_dictionary(dictionary).unwrap();
    }
    e.set_params(level, strategy).unwrap();
    let (mut out, mut packed) = (vec![0u8; out_len], Vec::new());
    for (i, chunk) in input.chunks(piece).enumerate() {
        let flush = match (flush_phase + i) % 4 {
            0 => Flush::Sync,
            1 => Flush::Full,
            _ => Flush::None,
        };
        let mut pos = 0;
        loop {
            let s = e.step(&chunk[pos..], &mut out, flush).unwrap();
            pos += s.consumed;
            packed.extend_from_slice(&out[..s.produced]);
            if pos == chunk.len() && s.produced < out.len() {
                break; // input used up and nothing more pending for this flush
            }
            assert!(s.consumed > 0 || s.produced > 0, "encoder made no progress");
        }
    }
    while !e.finished() {
        let s = e.step(&[], &mut out, Flush::Finish).unwrap();
        packed.extend_from_slice(&out[..s.produced]);
        assert!(s.produced > 0 || e.finished(), "encoder made no progress while finishing");
    }
    let unlimited = Limits { max_output: u64::MAX, max_ratio: 0 };
    if dictionary.is_empty() {
        assert_eq!(decompress_to_vec(format, &packed, unlimited).unwrap(), input);
    } else {
        let mut d = ferric_kernels::compress::deflate::Decoder::new(format);
        let mut back = vec![0u8; input.len() + 1];
        let s = d.step(&packed, &mut back).unwrap();
        assert!(d.needs_dictionary() && s.produced == 0, "FDICT not set");
        d.set_dictionary(dictionary).unwrap();
        let s2 = d.step(&packed[s.consumed..], &mut back).unwrap();
        assert!(d.finished());
        assert_eq!(&back[..s2.produced], input);
    }
    let one_shot = compress_to_vec(format, level, input, None).unwrap();
    assert_eq!(decompress_to_vec(format, &one_shot, unlimited).unwrap(), input);
});
