//! Fuzzes LZ4 block decoding: safe decompression with a bounded destination and fast decompression
//! of a claimed length (which must find the block's end without reading past the input).
#![no_main]

use ferric_kernels::compress::lz4;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&ctl, input)) = data.split_first() else { return };
    let mut out = vec![0u8; (ctl as usize) * 257];
    if let Ok(n) = lz4::decompress_safe(input, &mut out) {
        assert!(n <= out.len());
    }
    if let Ok(end) = lz4::decompress_fast(input, &mut out) {
        assert!(end <= input.len());
        let mut again = vec![0u8; out.len()];
        assert_eq!(lz4::decompress_safe(&input[..end], &mut again).unwrap(), out.len());
        assert_eq!(again, out);
    }
});
