//! x86-64 kernels: AVX2+FMA, AVX-512 (F+BW) and AVX-512 VNNI, written with `std::arch`.
//!
//! Each `#[target_feature]` function is reachable only through [`super::kernels::Kernel::kernels`],
//! which checks the CPU first; the safe wrappers below rely on that. int8 lanes sum at most
//! `MAX_DIMENSION / 8` products of ≤ 255² each, below 2^31, and are widened to `i64` at the end.

use std::arch::x86_64::*;

use super::kernels::{self, Kernel, Kernels};

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
        Kernels { kind: $kind, dot_f32: dot, l2_f32: l2, dot_i8: doti8, l2_i8: l2i8 }
    }};
}

pub(super) fn avx2() -> Kernels {
    table!(Kernel::Avx2, dot_f32_avx2, l2_f32_avx2, dot_i8_avx2, l2_i8_avx2)
}

pub(super) fn avx512() -> Kernels {
    table!(Kernel::Avx512, dot_f32_avx512, l2_f32_avx512, dot_i8_avx512, l2_i8_avx512)
}

pub(super) fn avx512_vnni() -> Kernels {
    table!(Kernel::Avx512Vnni, dot_f32_avx512, l2_f32_avx512, dot_i8_vnni, l2_i8_vnni)
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

#[target_feature(enable = "avx512f")]
unsafe fn hsum512_epi32_wide(v: __m512i) -> i64 {
    let mut lanes = [0i32; 16];
    _mm512_storeu_si512(lanes.as_mut_ptr().cast(), v);
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

#[target_feature(enable = "avx512f")]
unsafe fn dot_f32_avx512(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut acc = [_mm512_setzero_ps(); 4];
    let mut i = 0;
    while i + 64 <= n {
        for (j, s) in acc.iter_mut().enumerate() {
            *s = _mm512_fmadd_ps(_mm512_loadu_ps(pa.add(i + 16 * j)), _mm512_loadu_ps(pb.add(i + 16 * j)), *s);
        }
        i += 64;
    }
    while i + 16 <= n {
        acc[0] = _mm512_fmadd_ps(_mm512_loadu_ps(pa.add(i)), _mm512_loadu_ps(pb.add(i)), acc[0]);
        i += 16;
    }
    if i < n {
        let m = tail_mask(n - i);
        acc[1] = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(m, pa.add(i)), _mm512_maskz_loadu_ps(m, pb.add(i)), acc[1]);
    }
    _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(acc[0], acc[1]), _mm512_add_ps(acc[2], acc[3])))
}

#[target_feature(enable = "avx512f")]
unsafe fn l2_f32_avx512(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut acc = [_mm512_setzero_ps(); 4];
    let mut i = 0;
    while i + 64 <= n {
        for (j, s) in acc.iter_mut().enumerate() {
            let d = _mm512_sub_ps(_mm512_loadu_ps(pa.add(i + 16 * j)), _mm512_loadu_ps(pb.add(i + 16 * j)));
            *s = _mm512_fmadd_ps(d, d, *s);
        }
        i += 64;
    }
    while i + 16 <= n {
        let d = _mm512_sub_ps(_mm512_loadu_ps(pa.add(i)), _mm512_loadu_ps(pb.add(i)));
        acc[0] = _mm512_fmadd_ps(d, d, acc[0]);
        i += 16;
    }
    if i < n {
        let m = tail_mask(n - i);
        let d = _mm512_sub_ps(_mm512_maskz_loadu_ps(m, pa.add(i)), _mm512_maskz_loadu_ps(m, pb.add(i)));
        acc[1] = _mm512_fmadd_ps(d, d, acc[1]);
    }
    _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(acc[0], acc[1]), _mm512_add_ps(acc[2], acc[3])))
}

/// Loads 32 int8 values and sign-extends them to 32 int16 lanes.
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn load_i8x32(p: *const i8) -> __m512i {
    _mm512_cvtepi8_epi16(_mm256_loadu_si256(p.cast()))
}

#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn dot_i8_avx512(a: &[i8], b: &[i8]) -> i64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let (mut s0, mut s1) = (_mm512_setzero_si512(), _mm512_setzero_si512());
    let mut i = 0;
    while i + 64 <= n {
        s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(load_i8x32(pa.add(i)), load_i8x32(pb.add(i))));
        s1 = _mm512_add_epi32(s1, _mm512_madd_epi16(load_i8x32(pa.add(i + 32)), load_i8x32(pb.add(i + 32))));
        i += 64;
    }
    if i + 32 <= n {
        s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(load_i8x32(pa.add(i)), load_i8x32(pb.add(i))));
        i += 32;
    }
    hsum512_epi32_wide(s0) + hsum512_epi32_wide(s1) + dot_i8_avx2(&a[i..n], &b[i..n])
}

#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn l2_i8_avx512(a: &[i8], b: &[i8]) -> i64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let (mut s0, mut s1) = (_mm512_setzero_si512(), _mm512_setzero_si512());
    let mut i = 0;
    while i + 64 <= n {
        let d0 = _mm512_sub_epi16(load_i8x32(pa.add(i)), load_i8x32(pb.add(i)));
        let d1 = _mm512_sub_epi16(load_i8x32(pa.add(i + 32)), load_i8x32(pb.add(i + 32)));
        s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(d0, d0));
        s1 = _mm512_add_epi32(s1, _mm512_madd_epi16(d1, d1));
        i += 64;
    }
    if i + 32 <= n {
        let d0 = _mm512_sub_epi16(load_i8x32(pa.add(i)), load_i8x32(pb.add(i)));
        s0 = _mm512_add_epi32(s0, _mm512_madd_epi16(d0, d0));
        i += 32;
    }
    hsum512_epi32_wide(s0) + hsum512_epi32_wide(s1) + l2_i8_avx2(&a[i..n], &b[i..n])
}

#[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
unsafe fn dot_i8_vnni(a: &[i8], b: &[i8]) -> i64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let (mut s0, mut s1) = (_mm512_setzero_si512(), _mm512_setzero_si512());
    let mut i = 0;
    while i + 64 <= n {
        s0 = _mm512_dpwssd_epi32(s0, load_i8x32(pa.add(i)), load_i8x32(pb.add(i)));
        s1 = _mm512_dpwssd_epi32(s1, load_i8x32(pa.add(i + 32)), load_i8x32(pb.add(i + 32)));
        i += 64;
    }
    if i + 32 <= n {
        s0 = _mm512_dpwssd_epi32(s0, load_i8x32(pa.add(i)), load_i8x32(pb.add(i)));
        i += 32;
    }
    hsum512_epi32_wide(s0) + hsum512_epi32_wide(s1) + dot_i8_avx2(&a[i..n], &b[i..n])
}

#[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
unsafe fn l2_i8_vnni(a: &[i8], b: &[i8]) -> i64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let (mut s0, mut s1) = (_mm512_setzero_si512(), _mm512_setzero_si512());
    let mut i = 0;
    while i + 64 <= n {
        let d0 = _mm512_sub_epi16(load_i8x32(pa.add(i)), load_i8x32(pb.add(i)));
        let d1 = _mm512_sub_epi16(load_i8x32(pa.add(i + 32)), load_i8x32(pb.add(i + 32)));
        s0 = _mm512_dpwssd_epi32(s0, d0, d0);
        s1 = _mm512_dpwssd_epi32(s1, d1, d1);
        i += 64;
    }
    if i + 32 <= n {
        let d0 = _mm512_sub_epi16(load_i8x32(pa.add(i)), load_i8x32(pb.add(i)));
        s0 = _mm512_dpwssd_epi32(s0, d0, d0);
        i += 32;
    }
    hsum512_epi32_wide(s0) + hsum512_epi32_wide(s1) + l2_i8_avx2(&a[i..n], &b[i..n])
}
