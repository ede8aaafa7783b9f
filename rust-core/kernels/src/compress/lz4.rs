//! LZ4 block format on `lz4_flex` (safe Rust encoder and decoder), shaped like lz4-java's block API:
//! a compress bound, "fast" decompression of a known decompressed length (which also finds where the
//! block ends) and "safe" decompression with a maximum length.

use std::cell::RefCell;

use lz4_flex::block::CompressTable;

use super::{CodecError, CodecResult};

thread_local! {
    /// The encoder's hash table, one per thread: cleared for each block instead of allocated and
    /// zeroed for each (8 KiB for blocks under 64 KiB, 16 KiB above; freed when the thread ends).
    static TABLE: RefCell<CompressTable> = RefCell::new(CompressTable::default());
}

/// Largest compressed size of `len` input bytes in the LZ4 format (`LZ4_compressBound`). Callers may
/// size destinations with it; a destination smaller than the encoder's own working bound is served
/// through a scratch buffer.
pub fn max_compressed_length(len: usize) -> usize {
    len + len / 255 + 16
}

/// Compresses `input` into `output`; returns the compressed length.
pub fn compress_into(input: &[u8], output: &mut [u8]) -> CodecResult<usize> {
    if output.len() >= lz4_flex::block::get_maximum_output_size(input.len()) {
        let with_table = |t: &RefCell<CompressTable>| match t.try_borrow_mut() {
            Ok(mut table) => lz4_flex::block::compress_into_with_table(input, output, &mut table),
            Err(_) => lz4_flex::block::compress_into(input, output), // (not re-entered; be safe anyway)
        };
        let result = TABLE.try_with(with_table).unwrap_or_else(|_| lz4_flex::block::compress_into(input, output));
        return result.map_err(|e| CodecError::Lz4(e.to_string()));
    }
    let c = lz4_flex::block::compress(input);
    if c.len() > output.len() {
        return Err(CodecError::Lz4(format!(
            "destination of {} bytes is too small for {} compressed bytes (use maxCompressedLength)",
            output.len(),
            c.len()
        )));
    }
    output[..c.len()].copy_from_slice(&c);
    Ok(c.len())
}

/// Decompresses the whole block `input` into `output` (at most `output.len()` bytes); returns the
/// decompressed length.
pub fn decompress_safe(input: &[u8], output: &mut [u8]) -> CodecResult<usize> {
    lz4_flex::block::decompress_into(input, output).map_err(|e| CodecError::Lz4(format!("Malformed LZ4 block: {e}")))
}

/// Decompresses a block of exactly `output.len()` decompressed bytes starting at `input[0]`, where
/// `input` may extend past the block's end; returns the compressed bytes the block occupies.
pub fn decompress_fast(input: &[u8], output: &mut [u8]) -> CodecResult<usize> {
    let end = block_end(input, output.len())?;
    let n = decompress_safe(&input[..end], output)?;
    if n != output.len() {
        return Err(CodecError::Lz4(format!("Malformed LZ4 block: decompressed to {n} bytes, expected {}", output.len())));
    }
    Ok(end)
}

fn malformed(what: &str) -> CodecError {
    CodecError::Lz4(format!("Malformed LZ4 block: {what}"))
}

fn read_len(input: &[u8], pos: &mut usize, mut n: usize) -> CodecResult<usize> {
    loop {
        let b = *input.get(*pos).ok_or_else(|| malformed("length runs past the input"))?;
        *pos += 1;
        n = n.checked_add(b as usize).ok_or_else(|| malformed("length overflows"))?;
        if b != 255 {
            return Ok(n);
        }
    }
}

/// Walks the block's sequences (tokens, lengths, offsets; no copying) until `out_len` bytes would be
/// produced; returns the compressed length. The last sequence ends with literals, per the format.
pub fn block_end(input: &[u8], out_len: usize) -> CodecResult<usize> {
    let (mut pos, mut out) = (0usize, 0usize);
    loop {
        let token = *input.get(pos).ok_or_else(|| malformed("input ends before the block"))?;
        pos += 1;
        let mut lit = (token >> 4) as usize;
        if lit == 15 {
            lit = read_len(input, &mut pos, lit)?;
        }
        pos = pos.checked_add(lit).filter(|&p| p <= input.len()).ok_or_else(|| malformed("literals run past the input"))?;
        out = out.checked_add(lit).filter(|&o| o <= out_len).ok_or_else(|| malformed("decompresses past the given length"))?;
        if out == out_len {
            return Ok(pos);
        }
        if pos + 2 > input.len() {
            return Err(malformed("offset runs past the input"));
        }
        pos += 2;
        let mut m = (token & 15) as usize;
        if m == 15 {
            m = read_len(input, &mut pos, m)?;
        }
        out = out.checked_add(m + 4).filter(|&o| o <= out_len).ok_or_else(|| malformed("decompresses past the given length"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: usize) -> Vec<u8> {
        (0..n).map(|i| if i % 7 == 0 { (i * 31 % 251) as u8 } else { b"lorem ipsum dolor "[i % 18] }).collect()
    }

    #[test]
    fn block_round_trip_and_fast_finds_the_end() {
        for n in [0, 1, 15, 16, 300, 70_000] {
            let data = sample(n);
            let mut c = vec![0u8; max_compressed_length(n)];
            let k = compress_into(&data, &mut c).unwrap();
            let mut out = vec![0u8; n];
            assert_eq!(decompress_safe(&c[..k], &mut out).unwrap(), n);
            assert_eq!(out, data);
            let mut with_tail = c[..k].to_vec();
            with_tail.extend_from_slice(b"next block");
            let mut out2 = vec![0u8; n];
            assert_eq!(decompress_fast(&with_tail, &mut out2).unwrap(), k);
            assert_eq!(out2, data);
            let mut big = vec![0u8; n + 10];
            assert_eq!(decompress_safe(&c[..k], &mut big).unwrap(), n);
        }
    }

    #[test]
    fn malformed_blocks_are_errors() {
        let data = sample(5000);
        let c = lz4_flex::block::compress(&data);
        let mut out = vec![0u8; 5000];
        for cut in [0, 1, c.len() / 2, c.len() - 1] {
            assert!(decompress_safe(&c[..cut], &mut out).is_err() || cut == 0);
            assert!(decompress_fast(&c[..cut], &mut out).is_err());
        }
        let mut small = vec![0u8; 4999];
        assert!(decompress_safe(&c, &mut small).is_err());
        assert!(decompress_fast(&c, &mut small).is_err());
        let mut tiny = [0u8; 3];
        assert!(compress_into(&data, &mut tiny).is_err());
        for i in 0..c.len() {
            let mut f = c.clone();
            f[i] ^= 0xa5;
            let _ = decompress_safe(&f, &mut out);
            let _ = decompress_fast(&f, &mut out);
        }
    }
}
