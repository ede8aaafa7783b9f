//! Distance kernels with run-time CPU dispatch.
//!
//! One table of function pointers is chosen once per process from what the CPU reports
//! (`is_x86_feature_detected!` / `is_aarch64_feature_detected!`), never from the build machine's CPU.
//! The scalar functions here are the reference every SIMD path is tested against.

use std::sync::OnceLock;

/// A family of kernels; [`Kernel::detect`] picks the best one this CPU runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// Portable Rust loops (auto-vectorised to the baseline instruction set only).
    Scalar,
    /// x86-64 AVX2 + FMA: 8 floats or 16 int16 lanes per instruction.
    Avx2,
    /// x86-64 AVX-512 F + BW + VL: 16 floats per instruction, masked tails.
    Avx512,
    /// AVX-512 plus VNNI: int8 products accumulated with `vpdpwssd`.
    Avx512Vnni,
    /// aarch64 Advanced SIMD.
    Neon,
}

/// The functions of one kernel family. Float kernels accumulate in `f32`; int8 kernels are exact.
#[derive(Clone, Copy)]
pub struct Kernels {
    /// Which family these are.
    pub kind: Kernel,
    /// Σ a·b over `f32`; both slices have the same length.
    pub dot_f32: fn(&[f32], &[f32]) -> f32,
    /// Σ (a−b)² over `f32`.
    pub l2_f32: fn(&[f32], &[f32]) -> f32,
    /// Σ a·b over `i8`, exact.
    pub dot_i8: fn(&[i8], &[i8]) -> i64,
    /// Σ (a−b)² over `i8`, exact.
    pub l2_i8: fn(&[i8], &[i8]) -> i64,
    /// Optional register-blocked forms scoring four queries against one stored vector per call, so
    /// each load of the stored vector serves four queries (used by batch search). Each returns, bit
    /// for bit, what the single-pair function returns for each query.
    pub x4: Option<X4>,
}

/// Four-queries-at-once kernels (see [`Kernels::x4`]).
#[derive(Clone, Copy)]
pub struct X4 {
    pub dot_f32: fn([&[f32]; 4], &[f32]) -> [f32; 4],
    pub l2_f32: fn([&[f32]; 4], &[f32]) -> [f32; 4],
    pub dot_i8: fn([&[i8]; 4], &[i8]) -> [i64; 4],
    pub l2_i8: fn([&[i8]; 4], &[i8]) -> [i64; 4],
}

/// The CPU features kernel dispatch depends on, as the CPU reports them at run time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CpuFeatures {
    pub avx2: bool,
    pub fma: bool,
    pub avx512f: bool,
    pub avx512bw: bool,
    pub avx512vl: bool,
    pub avx512vnni: bool,
    pub popcnt: bool,
    pub avx512vpopcntdq: bool,
    pub neon: bool,
}

impl CpuFeatures {
    /// What this CPU reports (`is_x86_feature_detected!` / `is_aarch64_feature_detected!`); all
    /// false for the other architecture's features.
    pub fn detect() -> CpuFeatures {
        #[allow(unused_mut)]
        let mut f = CpuFeatures::default();
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::is_x86_feature_detected as has;
            f.avx2 = has!("avx2");
            f.fma = has!("fma");
            f.avx512f = has!("avx512f");
            f.avx512bw = has!("avx512bw");
            f.avx512vl = has!("avx512vl");
            f.avx512vnni = has!("avx512vnni");
            f.popcnt = has!("popcnt");
            f.avx512vpopcntdq = has!("avx512vpopcntdq");
        }
        #[cfg(target_arch = "aarch64")]
        {
            f.neon = std::arch::is_aarch64_feature_detected!("neon");
        }
        f
    }
}

impl Kernel {
    /// Short name for diagnostics, e.g. `avx512-vnni`.
    pub fn name(self) -> &'static str {
        match self {
            Kernel::Scalar => "scalar",
            Kernel::Avx2 => "avx2-fma",
            Kernel::Avx512 => "avx512",
            Kernel::Avx512Vnni => "avx512-vnni",
            Kernel::Neon => "neon",
        }
    }

    /// Every kernel family a CPU with `f` can run, best last. A pure function of the features, so
    /// the dispatch decision of every CPU (including ones this machine is not) is unit-tested.
    pub fn supported_by(f: CpuFeatures) -> Vec<Kernel> {
        let mut v = vec![Kernel::Scalar];
        if f.avx2 && f.fma {
            v.push(Kernel::Avx2);
            if f.avx512f && f.avx512bw && f.avx512vl {
                v.push(Kernel::Avx512);
                if f.avx512vnni {
                    v.push(Kernel::Avx512Vnni);
                }
            }
        }
        if f.neon {
            v.push(Kernel::Neon);
        }
        v
    }

    /// Every kernel family this CPU can run, best last. Tests compare each against `Scalar`.
    pub fn available() -> Vec<Kernel> {
        Kernel::supported_by(CpuFeatures::detect())
    }

    /// The best kernel family for this CPU.
    pub fn detect() -> Kernel {
        *Kernel::available().last().unwrap_or(&Kernel::Scalar)
    }

    /// This family's function table, or `None` if the CPU cannot run it (so a SIMD function is never
    /// reachable on a CPU without its instructions).
    pub fn kernels(self) -> Option<Kernels> {
        if !Kernel::available().contains(&self) {
            return None;
        }
        Some(match self {
            Kernel::Scalar => Kernels { kind: self, dot_f32, l2_f32, dot_i8, l2_i8, x4: None },
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx2 => super::x86::avx2(),
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx512 => super::x86::avx512(),
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx512Vnni => super::x86::avx512_vnni(),
            #[cfg(target_arch = "aarch64")]
            Kernel::Neon => super::neon::neon(),
            #[allow(unreachable_patterns)]
            _ => return None,
        })
    }
}

/// The kernels chosen for this process (detected once).
pub fn active() -> &'static Kernels {
    static ACTIVE: OnceLock<Kernels> = OnceLock::new();
    ACTIVE.get_or_init(|| Kernel::detect().kernels().expect("detected kernel is available"))
}

/// Elements per block in the scalar int8 loops: 4096 products of at most 2^15 (dot) or 255² (L2)
/// stay below 2^31, so the inner sum is `i32` (which vectorises) and blocks add up in `i64`.
const I8_BLOCK: usize = 4096;

/// Scalar Σ a·b with 8 independent accumulators (fixed order, so results are reproducible).
pub fn dot_f32(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, ta) = a.split_at(a.len() / 8 * 8);
    let (cb, tb) = b.split_at(ca.len());
    for (x, y) in ca.chunks_exact(8).zip(cb.chunks_exact(8)) {
        for j in 0..8 {
            acc[j] += x[j] * y[j];
        }
    }
    let mut s = acc.iter().sum::<f32>();
    for (x, y) in ta.iter().zip(tb) {
        s += x * y;
    }
    s
}

/// Scalar Σ (a−b)².
pub fn l2_f32(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, ta) = a.split_at(a.len() / 8 * 8);
    let (cb, tb) = b.split_at(ca.len());
    for (x, y) in ca.chunks_exact(8).zip(cb.chunks_exact(8)) {
        for j in 0..8 {
            let d = x[j] - y[j];
            acc[j] += d * d;
        }
    }
    let mut s = acc.iter().sum::<f32>();
    for (x, y) in ta.iter().zip(tb) {
        let d = x - y;
        s += d * d;
    }
    s
}

/// Scalar Σ a·b over int8, exact.
pub fn dot_i8(a: &[i8], b: &[i8]) -> i64 {
    a.chunks(I8_BLOCK)
        .zip(b.chunks(I8_BLOCK))
        .map(|(x, y)| x.iter().zip(y).map(|(&p, &q)| p as i32 * q as i32).sum::<i32>() as i64)
        .sum()
}

/// Scalar Σ (a−b)² over int8, exact.
pub fn l2_i8(a: &[i8], b: &[i8]) -> i64 {
    a.chunks(I8_BLOCK)
        .zip(b.chunks(I8_BLOCK))
        .map(|(x, y)| {
            x.iter()
                .zip(y)
                .map(|(&p, &q)| {
                    let d = p as i32 - q as i32;
                    d * d
                })
                .sum::<i32>() as i64
        })
        .sum()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Deterministic pseudo-random numbers (xorshift), so tests need no extra crate.
    pub(crate) struct Rng(pub u64);

    impl Rng {
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        pub fn f32(&mut self) -> f32 {
            ((self.next() >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
        }
        pub fn i8(&mut self) -> i8 {
            (self.next() >> 56) as u8 as i8
        }
    }

    fn dot_f64(a: &[f32], b: &[f32]) -> (f64, f64) {
        let s: f64 = a.iter().zip(b).map(|(&x, &y)| x as f64 * y as f64).sum();
        let abs: f64 = a.iter().zip(b).map(|(&x, &y)| (x as f64 * y as f64).abs()).sum();
        (s, abs)
    }

    fn l2_f64(a: &[f32], b: &[f32]) -> f64 {
        a.iter().zip(b).map(|(&x, &y)| (x as f64 - y as f64).powi(2)).sum()
    }

    /// Every available SIMD family against the scalar reference and a double-precision sum, on every
    /// length 0..=300 and a few large odd ones (covers each main loop, remainder and mask path).
    #[test]
    fn every_kernel_matches_scalar_and_f64() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let lens: Vec<usize> = (0..=300).chain([511, 767, 768, 1023, 1536, 4095, 4096, 4097, 12_289, 65_536]).collect();
        for kind in Kernel::available() {
            let k = kind.kernels().unwrap();
            for &n in &lens {
                let a: Vec<f32> = (0..n).map(|_| rng.f32()).collect();
                let b: Vec<f32> = (0..n).map(|_| rng.f32()).collect();
                let (exact, abs) = dot_f64(&a, &b);
                let tol = 2.0 * n as f64 * f32::EPSILON as f64 * abs + f64::MIN_POSITIVE;
                let got = (k.dot_f32)(&a, &b) as f64;
                assert!((got - exact).abs() <= tol, "{kind:?} dot n={n}: {got} vs {exact}");
                let exact = l2_f64(&a, &b);
                let got = (k.l2_f32)(&a, &b) as f64;
                let tol = (n as f64 + 2.0) * f32::EPSILON as f64 * exact + f64::MIN_POSITIVE;
                assert!((got - exact).abs() <= tol, "{kind:?} l2 n={n}: {got} vs {exact}");

                let a: Vec<i8> = (0..n).map(|_| rng.i8()).collect();
                let b: Vec<i8> = (0..n).map(|_| rng.i8()).collect();
                assert_eq!((k.dot_i8)(&a, &b), dot_i8(&a, &b), "{kind:?} dot_i8 n={n}");
                assert_eq!((k.l2_i8)(&a, &b), l2_i8(&a, &b), "{kind:?} l2_i8 n={n}");
            }
        }
    }

    /// The four-query kernels return exactly (bit for bit) what four single calls return.
    #[test]
    fn blocked_kernels_equal_single_calls() {
        let mut rng = Rng(77);
        for kind in Kernel::available() {
            let k = kind.kernels().unwrap();
            let Some(x4) = k.x4 else { continue };
            for n in (0..=200).chain([767, 768, 769, 4096, 4099]) {
                let qs: Vec<Vec<f32>> = (0..4).map(|_| (0..n).map(|_| rng.f32()).collect()).collect();
                let v: Vec<f32> = (0..n).map(|_| rng.f32()).collect();
                let q4 = [&qs[0][..], &qs[1][..], &qs[2][..], &qs[3][..]];
                let dots = (x4.dot_f32)(q4, &v);
                let l2s = (x4.l2_f32)(q4, &v);
                for j in 0..4 {
                    assert_eq!(dots[j].to_bits(), (k.dot_f32)(q4[j], &v).to_bits(), "{kind:?} dot x4 n={n}");
                    assert_eq!(l2s[j].to_bits(), (k.l2_f32)(q4[j], &v).to_bits(), "{kind:?} l2 x4 n={n}");
                }
                let qs: Vec<Vec<i8>> = (0..4).map(|_| (0..n).map(|_| rng.i8()).collect()).collect();
                let v: Vec<i8> = (0..n).map(|_| rng.i8()).collect();
                let q4 = [&qs[0][..], &qs[1][..], &qs[2][..], &qs[3][..]];
                let dots = (x4.dot_i8)(q4, &v);
                let l2s = (x4.l2_i8)(q4, &v);
                for j in 0..4 {
                    assert_eq!(dots[j], dot_i8(q4[j], &v), "{kind:?} dot_i8 x4 n={n}");
                    assert_eq!(l2s[j], l2_i8(q4[j], &v), "{kind:?} l2_i8 x4 n={n}");
                }
            }
        }
    }

    /// Extreme int8 values at the largest supported dimension: no lane may overflow.
    #[test]
    fn int8_extremes_do_not_overflow() {
        let n = super::super::MAX_DIMENSION;
        let lo = vec![-128i8; n];
        let hi = vec![127i8; n];
        for kind in Kernel::available() {
            let k = kind.kernels().unwrap();
            assert_eq!((k.dot_i8)(&lo, &lo), 16384 * n as i64, "{kind:?}");
            assert_eq!((k.dot_i8)(&lo, &hi), -128 * 127 * n as i64, "{kind:?}");
            assert_eq!((k.l2_i8)(&lo, &hi), 255 * 255 * n as i64, "{kind:?}");
        }
    }

    #[test]
    fn dispatch_decision() {
        let none = CpuFeatures::default();
        assert_eq!(Kernel::supported_by(none), vec![Kernel::Scalar]);
        let avx2 = CpuFeatures { avx2: true, fma: true, ..none };
        assert_eq!(Kernel::supported_by(CpuFeatures { fma: false, ..avx2 }), vec![Kernel::Scalar]);
        assert_eq!(Kernel::supported_by(avx2), vec![Kernel::Scalar, Kernel::Avx2]);
        let avx512 = CpuFeatures { avx512f: true, avx512bw: true, avx512vl: true, ..avx2 };
        assert_eq!(Kernel::supported_by(CpuFeatures { avx512vl: false, ..avx512 }).last(), Some(&Kernel::Avx2));
        assert_eq!(Kernel::supported_by(avx512).last(), Some(&Kernel::Avx512));
        // VNNI without AVX2 (no such CPU, but the rule is that every family needs the ones below it).
        assert_eq!(Kernel::supported_by(CpuFeatures { avx512vnni: true, ..none }), vec![Kernel::Scalar]);
        let vnni = CpuFeatures { avx512vnni: true, ..avx512 };
        assert_eq!(Kernel::supported_by(vnni), vec![Kernel::Scalar, Kernel::Avx2, Kernel::Avx512, Kernel::Avx512Vnni]);
        let neon = CpuFeatures { neon: true, ..none };
        assert_eq!(Kernel::supported_by(neon), vec![Kernel::Scalar, Kernel::Neon]);
        assert_eq!(Kernel::supported_by(neon).last().unwrap().name(), "neon");
    }

    /// NEON is part of the aarch64 baseline, so an aarch64 process (also under emulation) must pick it
    /// and `ferric doctor` must name it.
    #[cfg(target_arch = "aarch64")]
    #[test]
    fn aarch64_dispatches_to_neon() {
        assert_eq!(Kernel::detect(), Kernel::Neon);
        assert_eq!(active().kind.name(), "neon");
    }

    /// A family whose instructions the CPU lacks is never handed out.
    #[test]
    fn unavailable_families_have_no_table() {
        for kind in [Kernel::Scalar, Kernel::Avx2, Kernel::Avx512, Kernel::Avx512Vnni, Kernel::Neon] {
            assert_eq!(kind.kernels().is_some(), Kernel::available().contains(&kind), "{kind:?}");
        }
    }

    #[test]
    fn detection_picks_an_available_kernel() {
        let k = active();
        assert_eq!(k.kind, Kernel::detect());
        assert!(Kernel::available().contains(&k.kind));
    }
}
