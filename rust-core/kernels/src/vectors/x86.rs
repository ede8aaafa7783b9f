//! x86-64 kernels: AVX2+FMA, AVX-512 (F+BW+VL) and AVX-512 VNNI, written with `std::arch`; and the
//! Hamming distance with `popcnt` and AVX-512 VPOPCNTDQ.
//!
//! Each `#[target_feature]` function is reachable only through [`super::kernels::Kernel::kernels`],
//! which checks the CPU first; the safe wrappers below rely on that. int8 lanes sum at most
//! `MAX_DIMENSION / 8` products of ≤ 255² each, below 2^31, and are widened to `i64` at the end.

use std::arch::x86_64::*;

use super::kernels::{self, Kernel, Kernels, X4};

macro_rules! table {
    ($kind:expr, $dot:ident, $l2:ident, $doti8:ident, $l2i8:ident) => {{
        // SAFETY (all four): only handed out by `Kernel::kernels` after the CPU check for `$kind`.
        fn dot(a: &[f32], b: &[f32]) -> f32 {
            unsafe { $dot(a, b) }
        }
        fn l2(a: &[f32], b: &[f32]) -> f32 {
            unsafe { $l2(a, b) }
        }
        fn doti8(a: &[i8], b: &[i8]) -> i64 {
            unsafe { $doti8(a, b) }
        }
        fn l2i8(a: &[i8], b: &[i8]) -> i64 {
            unsafe { $l2i8(a, b) }
        }
        Kernels { kind: $kind, dot_f32: dot, l2_f32: l2, dot_i8: doti8, l2_i8: l2i8, x4: None }
    }};
}

/// The four-query table of an AVX-512 family.
macro_rules! table_x4 {
    ($dot:ident, $l2:ident, $doti8:ident, $l2i8:ident) => {{
        // SAFETY (all four): only handed out by `Kernel::kernels` after the CPU check.
        fn dot(q: [&[f32]; 4], v: &[f32]) -> [f32; 4] {
            unsafe { $dot(q, v) }
        }
        fn l2(q: [&[f32]; 4], v: &[f32]) -> [f32; 4] {
            unsafe { $l2(q, v) }
        }
        fn doti8(q: [&[i8]; 4], v: &[i8]) -> [i64; 4] {
            unsafe { $doti8(q, v) }
        }
        fn l2i8(q: [&[i8]; 4], v: &[i8]) -> [i64; 4] {
            unsafe { $l2i8(q, v) }
        }
        Some(X4 { dot_f32: dot, l2_f32: l2, dot_i8: doti8, l2_i8: l2i8 })
    }};
}

pub(super) fn avx2() -> Kernels {
    table!(Kernel::Avx2, dot_f32_avx2, l2_f32_avx2, dot_i8_avx2, l2_i8_avx2)
}

pub(super) fn avx512() -> Kernels {
    let mut k = table!(Kernel::Avx512, dot_f32_avx512, l2_f32_avx512, dot_i8_avx512, l2_i8_avx512);
    k.x4 = table_x4!(dot_f32_x4_avx512, l2_f32_x4_avx512, dot_i8_x4_avx512, l2_i8_x4_avx512);
    k
}

pub(super) fn avx512_vnni() -> Kernels {
    let mut k = table!(Kernel::Avx512Vnni, dot_f32_avx512, l2_f32_avx512, dot_i8_vnni, l2_i8_vnni);
    k.x4 = table_x4!(dot_f32_x4_avx512, l2_f32_x4_avx512, dot_i8_x4_vnni, l2_i8_x4_vnni);
    k
}

#[target_feature(enable = "avx2,fma")]
unsafe fn hsum256_ps(v: __m256) -> f32 {
    let s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    let s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    let s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    _mm_cvtss_f32(s)
}

#[target_feature(enable = "avx2")]
unsafe fn hsum256_epi32_wide(v: __m256i) -> i64 {
    let mut lanes = [0i32; 8];
    _mm256_storeu_si256(lanes.as_mut_ptr().cast(), v);
    lanes.iter().map(|&x| x as i64).sum()
}

#[target_feature(enable = "avx2,fma")]
unsafe fn dot_f32_avx2(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut acc = [_mm256_setzero_ps(); 4];
    let mut i = 0;
    while i + 32 <= n {
        for (j, s) in acc.iter_mut().enumerate() {
            *s = _mm256_fmadd_ps(_mm256_loadu_ps(pa.add(i + 8 * j)), _mm256_loadu_ps(pb.add(i + 8 * j)), *s);
        }
        i += 32;
    }
    while i + 8 <= n {
        acc[0] = _mm256_fmadd_ps(_mm256_loadu_ps(pa.add(i)), _mm256_loadu_ps(pb.add(i)), acc[0]);
        i += 8;
    }
    let v = _mm256_add_ps(_mm256_add_ps(acc[0], acc[1]), _mm256_add_ps(acc[2], acc[3]));
    hsum256_ps(v) + kernels::dot_f32(&a[i..n], &b[i..n])
}

#[target_feature(enable = "avx2,fma")]
unsafe fn l2_f32_avx2(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut acc = [_mm256_setzero_ps(); 4];
    let mut i = 0;
    while i + 32 <= n {
        for (j, s) in acc.iter_mut().enumerate() {
            let d = _mm256_sub_ps(_mm256_loadu_ps(pa.add(i + 8 * j)), _mm256_loadu_ps(pb.add(i + 8 * j)));
            *s = _mm256_fmadd_ps(d, d, *s);
        }
        i += 32;
    }
    while i + 8 <= n {
        let d = _mm256_sub_ps(_mm256_loadu_ps(pa.add(i)), _mm256_loadu_ps(pb.add(i)));
        acc[0] = _mm256_fmadd_ps(d, d, acc[0]);
        i += 8;
    }
    let v = _mm256_add_ps(_mm256_add_ps(acc[0], acc[1]), _mm256_add_ps(acc[2], acc[3]));
    hsum256_ps(v) + kernels::l2_f32(&a[i..n], &b[i..n])
}

/// Loads 16 int8 values and sign-extends them to 16 int16 lanes.
#[target_feature(enable = "avx2")]
unsafe fn load_i8x16(p: *const i8) -> __m256i {
    _mm256_cvtepi8_epi16(_mm_loadu_si128(p.cast()))
}

#[target_feature(enable = "avx2")]
unsafe fn dot_i8_avx2(a: &[i8], b: &[i8]) -> i64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let (mut s0, mut s1) = (_mm256_setzero_si256(), _mm256_setzero_si256());
    let mut i = 0;
    while i + 32 <= n {
        s0 = _mm256_add_epi32(s0, _mm256_madd_epi16(load_i8x16(pa.add(i)), load_i8x16(pb.add(i))));
        s1 = _mm256_add_epi32(s1, _mm256_madd_epi16(load_i8x16(pa.add(i + 16)), load_i8x16(pb.add(i + 16))));
        i += 32;
    }
    hsum256_epi32_wide(s0) + hsum256_epi32_wide(s1) + kernels::dot_i8(&a[i..n], &b[i..n])
}

#[target_feature(enable = "avx2")]
unsafe fn l2_i8_avx2(a: &[i8], b: &[i8]) -> i64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let (mut s0, mut s1) = (_mm256_setzero_si256(), _mm256_setzero_si256());
    let mut i = 0;
    while i + 32 <= n {
        let d0 = _mm256_sub_epi16(load_i8x16(pa.add(i)), load_i8x16(pb.add(i)));
        let d1 = _mm256_sub_epi16(load_i8x16(pa.add(i + 16)), load_i8x16(pb.add(i + 16)));
        s0 = _mm256_add_epi32(s0, _mm256_madd_epi16(d0, d0));
        s1 = _mm256_add_epi32(s1, _mm256_madd_epi16(d1, d1));
        i += 32;
    }
    hsum256_epi32_wide(s0) + hsum256_epi32_wide(s1) + kernels::l2_i8(&a[i..n], &b[i..n])
}

/// Mask selecting the first `r` (< 16) lanes.
#[inline(always)]
fn tail_mask(r: usize) -> __mmask16 {
    ((1u32 << r) - 1) as __mmask16
}

/// The float32 loops of the AVX-512 families: two partial sums (more sums measured slower on
/// streaming scans), 32 components per step, then 16, then a masked tail. `$term(acc, a, b)` adds
/// one product term. The four-query form below repeats this exact order, so results match bit for bit.
macro_rules! f32_avx512 {
    ($name:ident, |$s:ident, $qv:ident, $x:ident| $term:expr) => {
        #[target_feature(enable = "avx512f")]
        unsafe fn $name(a: &[f32], b: &[f32]) -> f32 {
            let n = a.len().min(b.len());
            let (pa, pb) = (a.as_ptr(), b.as_ptr());
            let mut acc = [_mm512_setzero_ps(); 2];
            let mut i = 0;
            while i + 32 <= n {
                for (j, $s) in acc.iter_mut().enumerate() {
                    let ($qv, $x) = (_mm512_loadu_ps(pa.add(i + 16 * j)), _mm512_loadu_ps(pb.add(i + 16 * j)));
                    *$s = $term;
                }
                i += 32;
            }
            if i + 16 <= n {
                let $s = &mut acc[0];
                let ($qv, $x) = (_mm512_loadu_ps(pa.add(i)), _mm512_loadu_ps(pb.add(i)));
                *$s = $term;
                i += 16;
            }
            if i < n {
                let m = tail_mask(n - i);
                let $s = &mut acc[1];
                let ($qv, $x) = (_mm512_maskz_loadu_ps(m, pa.add(i)), _mm512_maskz_loadu_ps(m, pb.add(i)));
                *$s = $term;
            }
            _mm512_reduce_add_ps(_mm512_add_ps(acc[0], acc[1]))
        }
    };
}

f32_avx512!(dot_f32_avx512, |s, qv, x| _mm512_fmadd_ps(qv, x, *s));
f32_avx512!(l2_f32_avx512, |s, qv, x| {
    let d = _mm512_sub_ps(qv, x);
    _mm512_fmadd_ps(d, d, *s)
});

/// Loads 32 int8 values and sign-extends them to 32 int16 lanes.
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn load_i8x32(p: *const i8) -> __m512i {
    _mm512_cvtepi8_epi16(_mm256_loadu_si256(p.cast()))
}

/// Loads the first `r` (< 32) int8 values (zeros after) sign-extended to int16 lanes.
#[target_feature(enable = "avx512f,avx512bw,avx512vl")]
unsafe fn load_i8x32_tail(p: *const i8, r: usize) -> __m512i {
    _mm512_cvtepi8_epi16(_mm256_maskz_loadu_epi8(((1u64 << r) - 1) as __mmask32, p.cast()))
}

/// Sum of the 16 int32 lanes, widened to int64 first (their total may exceed 2^31).
#[target_feature(enable = "avx512f")]
unsafe fn reduce512_epi32_wide(v: __m512i) -> i64 {
    let lo = _mm512_cvtepi32_epi64(_mm512_castsi512_si256(v));
    let hi = _mm512_cvtepi32_epi64(_mm512_extracti64x4_epi64(v, 1));
    _mm512_reduce_add_epi64(_mm512_add_epi64(lo, hi))
}

/// The int8 loops of the AVX-512 families: 32 components per step, a masked last step, and
/// `$madd(acc, x, y)` accumulating products (of the inputs or of their difference, see `$pre`).
/// Two accumulators hide the instruction latency; each lane sums at most `dim / 16` products.
macro_rules! i8_avx512 {
    ($name:ident, $features:literal, |$acc:ident, $x:ident, $y:ident| $step:expr) => {
        #[target_feature(enable = $features)]
        unsafe fn $name(a: &[i8], b: &[i8]) -> i64 {
            let n = a.len().min(b.len());
            let (pa, pb) = (a.as_ptr(), b.as_ptr());
            let (mut s0, mut s1) = (_mm512_setzero_si512(), _mm512_setzero_si512());
            let mut i = 0;
            while i + 64 <= n {
                {
                    let ($acc, $x, $y) = (s0, load_i8x32(pa.add(i)), load_i8x32(pb.add(i)));
                    s0 = $step;
                }
                {
                    let ($acc, $x, $y) = (s1, load_i8x32(pa.add(i + 32)), load_i8x32(pb.add(i + 32)));
                    s1 = $step;
                }
                i += 64;
            }
            if i + 32 <= n {
                let ($acc, $x, $y) = (s0, load_i8x32(pa.add(i)), load_i8x32(pb.add(i)));
                s0 = $step;
                i += 32;
            }
            if i < n {
                let ($acc, $x, $y) = (s1, load_i8x32_tail(pa.add(i), n - i), load_i8x32_tail(pb.add(i), n - i));
                s1 = $step;
            }
            reduce512_epi32_wide(_mm512_add_epi32(s0, s1))
        }
    };
}

i8_avx512!(dot_i8_avx512, "avx512f,avx512bw,avx512vl", |acc, x, y| _mm512_add_epi32(acc, _mm512_madd_epi16(x, y)));
i8_avx512!(l2_i8_avx512, "avx512f,avx512bw,avx512vl", |acc, x, y| {
    let d = _mm512_sub_epi16(x, y);
    _mm512_add_epi32(acc, _mm512_madd_epi16(d, d))
});
i8_avx512!(dot_i8_vnni, "avx512f,avx512bw,avx512vl,avx512vnni", |acc, x, y| _mm512_dpwssd_epi32(acc, x, y));
i8_avx512!(l2_i8_vnni, "avx512f,avx512bw,avx512vl,avx512vnni", |acc, x, y| {
    let d = _mm512_sub_epi16(x, y);
    _mm512_dpwssd_epi32(acc, d, d)
});

/// Four queries against one stored vector, AVX-512 float32: the loop of `f32_avx512` (same two
/// partial sums per query, same steps and tail, same final additions, so results are bit-identical)
/// with each load of the stored vector shared by the four queries.
macro_rules! f32_x4_avx512 {
    ($name:ident, |$s:ident, $qv:ident, $x:ident| $term:expr) => {
        #[target_feature(enable = "avx512f")]
        unsafe fn $name(q: [&[f32]; 4], v: &[f32]) -> [f32; 4] {
            let n = v.len().min(q[0].len()).min(q[1].len()).min(q[2].len()).min(q[3].len());
            let pv = v.as_ptr();
            let pq = [q[0].as_ptr(), q[1].as_ptr(), q[2].as_ptr(), q[3].as_ptr()];
            let mut acc = [[_mm512_setzero_ps(); 2]; 4];
            let mut i = 0;
            while i + 32 <= n {
                for j in 0..2 {
                    let $x = _mm512_loadu_ps(pv.add(i + 16 * j));
                    for (a, p) in acc.iter_mut().zip(pq) {
                        let ($s, $qv) = (&mut a[j], _mm512_loadu_ps(p.add(i + 16 * j)));
                        *$s = $term;
                    }
                }
                i += 32;
            }
            if i + 16 <= n {
                let $x = _mm512_loadu_ps(pv.add(i));
                for (a, p) in acc.iter_mut().zip(pq) {
                    let ($s, $qv) = (&mut a[0], _mm512_loadu_ps(p.add(i)));
                    *$s = $term;
                }
                i += 16;
            }
            if i < n {
                let m = tail_mask(n - i);
                let $x = _mm512_maskz_loadu_ps(m, pv.add(i));
                for (a, p) in acc.iter_mut().zip(pq) {
                    let ($s, $qv) = (&mut a[1], _mm512_maskz_loadu_ps(m, p.add(i)));
                    *$s = $term;
                }
            }
            let mut out = [0f32; 4];
            for (o, a) in out.iter_mut().zip(acc) {
                *o = _mm512_reduce_add_ps(_mm512_add_ps(a[0], a[1]));
            }
            out
        }
    };
}

f32_x4_avx512!(dot_f32_x4_avx512, |s, qv, x| _mm512_fmadd_ps(qv, x, *s));
f32_x4_avx512!(l2_f32_x4_avx512, |s, qv, x| {
    let d = _mm512_sub_ps(qv, x);
    _mm512_fmadd_ps(d, d, *s)
});

/// Four int8 queries against one stored vector (exact, so any order gives the same sums): the
/// stored vector is loaded and widened once per 32 components for all four queries.
macro_rules! i8_x4_avx512 {
    ($name:ident, $features:literal, |$acc:ident, $qv:ident, $x:ident| $step:expr) => {
        #[target_feature(enable = $features)]
        unsafe fn $name(q: [&[i8]; 4], v: &[i8]) -> [i64; 4] {
            let n = v.len().min(q[0].len()).min(q[1].len()).min(q[2].len()).min(q[3].len());
            let pv = v.as_ptr();
            let pq = [q[0].as_ptr(), q[1].as_ptr(), q[2].as_ptr(), q[3].as_ptr()];
            let mut acc = [[_mm512_setzero_si512(); 2]; 4];
            let mut i = 0;
            while i + 64 <= n {
                for h in 0..2 {
                    let $x = load_i8x32(pv.add(i + 32 * h));
                    for (a, p) in acc.iter_mut().zip(pq) {
                        let ($acc, $qv) = (a[h], load_i8x32(p.add(i + 32 * h)));
                        a[h] = $step;
                    }
                }
                i += 64;
            }
            while i < n {
                let r = (n - i).min(32);
                let $x = load_i8x32_tail(pv.add(i), r);
                for (a, p) in acc.iter_mut().zip(pq) {
                    let ($acc, $qv) = (a[0], load_i8x32_tail(p.add(i), r));
                    a[0] = $step;
                }
                i += r;
            }
            let mut out = [0i64; 4];
            for (o, a) in out.iter_mut().zip(acc) {
                *o = reduce512_epi32_wide(_mm512_add_epi32(a[0], a[1]));
            }
            out
        }
    };
}

i8_x4_avx512!(dot_i8_x4_avx512, "avx512f,avx512bw,avx512vl", |acc, qv, x| _mm512_add_epi32(acc, _mm512_madd_epi16(qv, x)));
i8_x4_avx512!(l2_i8_x4_avx512, "avx512f,avx512bw,avx512vl", |acc, qv, x| {
    let d = _mm512_sub_epi16(qv, x);
    _mm512_add_epi32(acc, _mm512_madd_epi16(d, d))
});
i8_x4_avx512!(dot_i8_x4_vnni, "avx512f,avx512bw,avx512vl,avx512vnni", |acc, qv, x| _mm512_dpwssd_epi32(acc, qv, x));
i8_x4_avx512!(l2_i8_x4_vnni, "avx512f,avx512bw,avx512vl,avx512vnni", |acc, qv, x| {
    let d = _mm512_sub_epi16(qv, x);
    _mm512_dpwssd_epi32(acc, d, d)
});

/// Hamming distance with `popcnt`: the scalar loop compiled with the instruction enabled.
pub(super) fn hamming_popcnt() -> super::hamming::HammingFn {
    // SAFETY: only handed out by `HammingKernel::function` after the CPU check for popcnt.
    fn f(a: &[u8], b: &[u8]) -> u64 {
        unsafe { hamming_popcnt_impl(a, b) }
    }
    f
}

/// Hamming distance with AVX-512 VPOPCNTDQ.
pub(super) fn hamming_avx512() -> super::hamming::HammingFn {
    // SAFETY: only handed out by `HammingKernel::function` after the CPU check for avx512f,
    // avx512bw, avx512vpopcntdq and popcnt.
    fn f(a: &[u8], b: &[u8]) -> u64 {
        unsafe { hamming_vpopcntdq(a, b) }
    }
    f
}

#[target_feature(enable = "popcnt")]
unsafe fn hamming_popcnt_impl(a: &[u8], b: &[u8]) -> u64 {
    super::hamming::hamming(a, b)
}

/// 128 bytes per step in two accumulators of eight 64-bit counts, then 64, then the tail (< 64
/// bytes) through one masked load, which reads nothing past the end and zero-fills the rest.
#[target_feature(enable = "avx512f,avx512bw,avx512vpopcntdq,popcnt")]
unsafe fn hamming_vpopcntdq(a: &[u8], b: &[u8]) -> u64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let xor = |i: usize| _mm512_xor_si512(_mm512_loadu_si512(pa.add(i).cast()), _mm512_loadu_si512(pb.add(i).cast()));
    let (mut s0, mut s1) = (_mm512_setzero_si512(), _mm512_setzero_si512());
    let mut i = 0;
    while i + 128 <= n {
        s0 = _mm512_add_epi64(s0, _mm512_popcnt_epi64(xor(i)));
        s1 = _mm512_add_epi64(s1, _mm512_popcnt_epi64(xor(i + 64)));
        i += 128;
    }
    if i + 64 <= n {
        s0 = _mm512_add_epi64(s0, _mm512_popcnt_epi64(xor(i)));
        i += 64;
    }
    if i < n {
        let m: __mmask64 = (1u64 << (n - i)) - 1; // n - i < 64
        let x = _mm512_xor_si512(_mm512_maskz_loadu_epi8(m, pa.add(i).cast()), _mm512_maskz_loadu_epi8(m, pb.add(i).cast()));
        s1 = _mm512_add_epi64(s1, _mm512_popcnt_epi64(x));
    }
    _mm512_reduce_add_epi64(_mm512_add_epi64(s0, s1)) as u64
}
