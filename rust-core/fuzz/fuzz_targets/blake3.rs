//! Fuzzes `ferric_kernels::blake3`, the pure module behind `dev.ferric.blake3.Blake3`.
//!
//! Input layout: byte 0 picks how the message is split, bytes 1..9 are an output position
//! (little-endian u64), bytes 9..11 an output length; the rest is the message. Checked:
//! streaming over any split equals the one-shot hash; reading the output does not change the
//! state; a read at any position equals the same bytes read in two pieces; reset forgets input.
#![no_main]

use ferric_kernels::blake3::{hash, Hasher, OUT_LEN};
use libfuzzer_sys::fuzz_target;

/// Longest extended output read per run: enough to cross several 64-byte output blocks.
const MAX_OUT: usize = 1024;

fuzz_target!(|data: &[u8]| {
    if data.len() < 11 {
        return;
    }
    let split_seed = data[0] as usize;
    let position = u64::from_le_bytes(data[1..9].try_into().unwrap());
    let out_len = u16::from_le_bytes([data[9], data[10]]) as usize % (MAX_OUT + 1);
    let message = &data[11..];

    // Streaming over pieces of pseudo-random sizes (0 included) equals the one-shot hash.
    let expected = hash(message);
    let mut h = Hasher::new();
    let mut rest = message;
    let mut step = split_seed;
    while !rest.is_empty() {
        step = step.wrapping_mul(31).wrapping_add(7);
        let n = (step % 1500).min(rest.len());
        h.update(&rest[..n]);
        rest = &rest[n..];
    }
    let mut first = [0u8; OUT_LEN];
    h.finalize_xof_into(0, &mut first);
    assert_eq!(first, expected, "streaming != one-shot");

    // Reading the output does not consume or change the state.
    let mut again = [0u8; OUT_LEN];
    h.finalize_xof_into(0, &mut again);
    assert_eq!(first, again, "second read differs");

    // Random access at any position (up to u64::MAX): one read equals two adjacent reads.
    let position = position.min(u64::MAX - MAX_OUT as u64);
    let mut whole = vec![0u8; out_len];
    h.finalize_xof_into(position, &mut whole);
    let cut = split_seed % (out_len + 1);
    let mut head = vec![0u8; cut];
    let mut tail = vec![0u8; out_len - cut];
    h.finalize_xof_into(position, &mut head);
    h.finalize_xof_into(position + cut as u64, &mut tail);
    assert_eq!(&whole[..cut], &head[..], "head of a split read differs");
    assert_eq!(&whole[cut..], &tail[..], "tail of a split read differs");

    // The first 32 output bytes at position 0 are the digest, for any output length.
    if position == 0 && out_len >= OUT_LEN {
        assert_eq!(&whole[..OUT_LEN], &expected[..]);
    }

    // Reset forgets everything absorbed.
    h.reset();
    let mut empty = [0u8; OUT_LEN];
    h.finalize_xof_into(0, &mut empty);
    assert_eq!(empty, hash(&[]), "reset did not forget input");
});
