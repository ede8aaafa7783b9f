//! Fuzzes `ferric_boundary::check_from_index_size`, the range check every JNI entry point runs
//! on Java's (offset, length) before touching an array: it must accept exactly the ranges
//! `java.util.Objects.checkFromIndexSize` accepts, and an accepted range must lie inside the array.
#![no_main]

use ferric_boundary::check_from_index_size;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: [u8; 16]| {
    let off = i32::from_le_bytes(data[0..4].try_into().unwrap());
    let len = i32::from_le_bytes(data[4..8].try_into().unwrap());
    // Java arrays have at most i32::MAX elements; larger lengths still must not overflow.
    let array_len = u64::from_le_bytes(data[8..16].try_into().unwrap()) as usize;

    // The JDK's rule, in 64-bit arithmetic where nothing can overflow.
    let jdk_accepts = off >= 0 && len >= 0 && (off as i128) + (len as i128) <= array_len as i128;
    match check_from_index_size(off, len, array_len) {
        Ok((o, l)) => {
            assert!(jdk_accepts, "accepted off={off} len={len} array_len={array_len}");
            assert_eq!((o, l), (off as usize, len as usize));
            assert!(o.checked_add(l).is_some_and(|end| end <= array_len));
        }
        Err(_) => assert!(!jdk_accepts, "refused off={off} len={len} array_len={array_len}"),
    }
});
