//! aarch64 Advanced SIMD (NEON) kernels, and the Hamming distance with `cnt`. NEON is mandatory on
//! aarch64, but dispatch still goes through [`super::kernels::Kernel::kernels`] (and
//! [`super::hamming::HammingKernel::function`]) like every other family.

use std::arch::aarch64::*;

use super::kernels::{self, Kernel, Kernels};

pub(super) fn neon() -> Kernels {
    // SAFETY (all four): only handed out after `is_aarch64_feature_detected!("neon")`.
    fn dot(a: &[f32], b: &[f32]) -> f32 {
        unsafe { dot_f32_neon(a, b) }
    }
    fn l2(a: &[f32], b: &[f32]) -> f32 {
        unsafe { l2_f32_neon(a, b) }
    }
    fn doti8(a: &[i8], b: &[i8]) -> i64 {
        unsafe { dot_i8_neon(a, b) }
    }
    fn l2i8(a: &[i8], b: &[i8]) -> i64 {
        unsafe { l2_i8_neon(a, b) }
    }
    Kernels { kind: Kernel::Neon, dot_f32: dot, l2_f32: l2, dot_i8: doti8, l2_i8: l2i8, x4: None }
}

#[target_feature(enable = "neon")]
unsafe fn dot_f32_neon(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut acc = [vdupq_n_f32(0.0); 4];
    let mut i = 0;
    while i + 16 <= n {
        for (j, s) in acc.iter_mut().enumerate() {
            *s = vfmaq_f32(*s, vld1q_f32(pa.add(i + 4 * j)), vld1q_f32(pb.add(i + 4 * j)));
        }
        i += 16;
    }
    let v = vaddq_f32(vaddq_f32(acc[0], acc[1]), vaddq_f32(acc[2], acc[3]));
    vaddvq_f32(v) + kernels::dot_f32(&a[i..n], &b[i..n])
}

#[target_feature(enable = "neon")]
unsafe fn l2_f32_neon(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut acc = [vdupq_n_f32(0.0); 4];
    let mut i = 0;
    while i + 16 <= n {
        for (j, s) in acc.iter_mut().enumerate() {
            let d = vsubq_f32(vld1q_f32(pa.add(i + 4 * j)), vld1q_f32(pb.add(i + 4 * j)));
            *s = vfmaq_f32(*s, d, d);
        }
        i += 16;
    }
    let v = vaddq_f32(vaddq_f32(acc[0], acc[1]), vaddq_f32(acc[2], acc[3]));
    vaddvq_f32(v) + kernels::l2_f32(&a[i..n], &b[i..n])
}

/// Lanes are widened to i64 every `BLOCK` elements: each of the 4 i32 lanes takes 4 products per 16
/// elements, so 1024 products of ≤ 255² stay below 2^31.
const BLOCK: usize = 4096;

#[target_feature(enable = "neon")]
unsafe fn dot_i8_neon(a: &[i8], b: &[i8]) -> i64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut total: i64 = 0;
    let mut i = 0;
    while i + 16 <= n {
        let end = (i + BLOCK).min(n / 16 * 16);
        let mut s = vdupq_n_s32(0);
        while i < end {
            let x = vld1q_s8(pa.add(i));
            let y = vld1q_s8(pb.add(i));
            s = vpadalq_s16(s, vmull_s8(vget_low_s8(x), vget_low_s8(y)));
            s = vpadalq_s16(s, vmull_high_s8(x, y));
            i += 16;
        }
        total += vaddlvq_s32(s);
    }
    total + kernels::dot_i8(&a[i..n], &b[i..n])
}

#[target_feature(enable = "neon")]
unsafe fn l2_i8_neon(a: &[i8], b: &[i8]) -> i64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut total: i64 = 0;
    let mut i = 0;
    while i + 16 <= n {
        let end = (i + BLOCK).min(n / 16 * 16);
        let mut s = vdupq_n_s32(0);
        while i < end {
            let x = vld1q_s8(pa.add(i));
            let y = vld1q_s8(pb.add(i));
            let lo = vsubl_s8(vget_low_s8(x), vget_low_s8(y));
            let hi = vsubl_high_s8(x, y);
            s = vmlal_s16(s, vget_low_s16(lo), vget_low_s16(lo));
            s = vmlal_high_s16(s, lo, lo);
            s = vmlal_s16(s, vget_low_s16(hi), vget_low_s16(hi));
            s = vmlal_high_s16(s, hi, hi);
            i += 16;
        }
        total += vaddlvq_s32(s);
    }
    total + kernels::l2_i8(&a[i..n], &b[i..n])
}

/// Hamming distance with `cnt` (per-byte popcount).
pub(super) fn hamming() -> super::hamming::HammingFn {
    // SAFETY: only handed out by `HammingKernel::function` after `is_aarch64_feature_detected!("neon")`.
    fn f(a: &[u8], b: &[u8]) -> u64 {
        unsafe { hamming_neon(a, b) }
    }
    f
}

/// 64 bytes per step: four byte counts (≤ 8 each) added as bytes (≤ 32), widened pairwise to 16
/// and accumulated into four 32-bit lanes (each gains ≤ 128 per step, so 2^25 steps fit); then 16
/// bytes per step, then the scalar tail.
#[target_feature(enable = "neon")]
unsafe fn hamming_neon(a: &[u8], b: &[u8]) -> u64 {
    let n = a.len().min(b.len());
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let cnt = |i: usize| vcntq_u8(veorq_u8(vld1q_u8(pa.add(i)), vld1q_u8(pb.add(i))));
    let mut acc = vdupq_n_u32(0);
    let mut i = 0;
    while i + 64 <= n {
        let s = vaddq_u8(vaddq_u8(cnt(i), cnt(i + 16)), vaddq_u8(cnt(i + 32), cnt(i + 48)));
        acc = vpadalq_u16(acc, vpaddlq_u8(s));
        i += 64;
    }
    while i + 16 <= n {
        acc = vpadalq_u16(acc, vpaddlq_u8(cnt(i)));
        i += 16;
    }
    vaddlvq_u32(acc) + super::hamming::hamming(&a[i..n], &b[i..n])
}
