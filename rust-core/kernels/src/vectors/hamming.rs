//! Hamming distance of bit-packed binary vectors (popcount of a XOR b), with its own run-time
//! dispatch: the popcount instructions are independent of the float/int8 kernel families (a CPU may
//! have AVX-512 VNNI without VPOPCNTDQ, or the reverse).

use std::sync::OnceLock;

use super::kernels::CpuFeatures;

/// A popcount kernel; [`HammingKernel::detect`] picks the best one this CPU runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HammingKernel {
    /// Portable Rust: 64-bit words, `count_ones` without a popcount instruction (x86-64 baseline).
    Scalar,
    /// x86-64 `popcnt` on 64-bit words.
    Popcnt,
    /// x86-64 AVX-512 VPOPCNTDQ (with BW for masked loads): eight 64-bit popcounts per instruction.
    Avx512Vpopcntdq,
    /// aarch64 Advanced SIMD `cnt` on 16 bytes per instruction.
    Neon,
}

/// Σ popcount(a XOR b) over two byte slices of equal length.
pub type HammingFn = fn(&[u8], &[u8]) -> u64;

impl HammingKernel {
    /// Short name for diagnostics.
    pub fn name(self) -> &'static str {
        match self {
            HammingKernel::Scalar => "scalar",
            HammingKernel::Popcnt => "popcnt",
            HammingKernel::Avx512Vpopcntdq => "avx512-vpopcntdq",
            HammingKernel::Neon => "neon",
        }
    }

    /// Every popcount kernel a CPU with `f` can run, best last (a pure function, unit-tested for
    /// every CPU).
    pub fn supported_by(f: CpuFeatures) -> Vec<HammingKernel> {
        let mut v = vec![HammingKernel::Scalar];
        if f.popcnt {
            v.push(HammingKernel::Popcnt);
            if f.avx512f && f.avx512bw && f.avx512vpopcntdq {
                v.push(HammingKernel::Avx512Vpopcntdq);
            }
        }
        if f.neon {
            v.push(HammingKernel::Neon);
        }
        v
    }

    /// Every popcount kernel this CPU can run, best last.
    pub fn available() -> Vec<HammingKernel> {
        HammingKernel::supported_by(CpuFeatures::detect())
    }

    /// The best popcount kernel for this CPU.
    pub fn detect() -> HammingKernel {
        *HammingKernel::available().last().unwrap_or(&HammingKernel::Scalar)
    }

    /// This kernel's function, or `None` if the CPU cannot run it.
    pub fn function(self) -> Option<HammingFn> {
        if !HammingKernel::available().contains(&self) {
            return None;
        }
        Some(match self {
            HammingKernel::Scalar => hamming,
            #[cfg(target_arch = "x86_64")]
            HammingKernel::Popcnt => super::x86::hamming_popcnt(),
            #[cfg(target_arch = "x86_64")]
            HammingKernel::Avx512Vpopcntdq => super::x86::hamming_avx512(),
            #[cfg(target_arch = "aarch64")]
            HammingKernel::Neon => super::neon::hamming(),
            #[allow(unreachable_patterns)]
            _ => return None,
        })
    }
}

/// The popcount kernel chosen for this process (detected once) and its function.
pub fn active() -> &'static (HammingKernel, HammingFn) {
    static ACTIVE: OnceLock<(HammingKernel, HammingFn)> = OnceLock::new();
    ACTIVE.get_or_init(|| {
        let k = HammingKernel::detect();
        (k, k.function().expect("detected kernel is available"))
    })
}

/// Scalar Hamming distance: the reference the other kernels are tested against. `#[inline(always)]`
/// and written without closures so that, inlined into the `popcnt` kernel, every word compiles to the
/// instruction (a closure left out of line would keep the baseline's software popcount).
#[inline(always)]
pub fn hamming(a: &[u8], b: &[u8]) -> u64 {
    let n = a.len().min(b.len());
    let mut d = 0u64;
    let mut i = 0;
    while i + 8 <= n {
        let x = u64::from_ne_bytes(a[i..i + 8].try_into().unwrap());
        let y = u64::from_ne_bytes(b[i..i + 8].try_into().unwrap());
        d += (x ^ y).count_ones() as u64;
        i += 8;
    }
    while i < n {
        d += (a[i] ^ b[i]).count_ones() as u64;
        i += 1;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::super::kernels::tests::Rng;
    use super::*;

    /// Bit by bit, the definition.
    fn naive(a: &[u8], b: &[u8]) -> u64 {
        let mut d = 0;
        for (x, y) in a.iter().zip(b) {
            for bit in 0..8 {
                d += u64::from((x >> bit) & 1 != (y >> bit) & 1);
            }
        }
        d
    }

    /// Every kernel this CPU runs against the bit-by-bit definition on every length 0..=300 and a few
    /// large odd ones (each main loop, remainder and tail), on random, all-ones and equal inputs.
    #[test]
    fn every_kernel_matches_the_definition() {
        let mut rng = Rng(0xB17_5EED);
        let lens: Vec<usize> = (0..=300).chain([511, 512, 513, 767, 768, 1023, 4095, 4096, 8191, 8192, 65_536, 65_537]).collect();
        for kind in HammingKernel::available() {
            let f = kind.function().unwrap();
            for &n in &lens {
                let a: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                let b: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                assert_eq!(f(&a, &b), naive(&a, &b), "{kind:?} n={n}");
                assert_eq!(f(&a, &a), 0, "{kind:?} n={n}");
                let ones = vec![0xFFu8; n];
                assert_eq!(f(&ones, &vec![0u8; n]), 8 * n as u64, "{kind:?} n={n}");
                // offset slices: unaligned loads
                if n > 3 {
                    assert_eq!(f(&a[3..], &b[1..n - 2]), naive(&a[3..], &b[1..n - 2]), "{kind:?} n={n} unaligned");
                }
            }
        }
    }

    #[test]
    fn dispatch_decision() {
        let none = CpuFeatures::default();
        assert_eq!(HammingKernel::supported_by(none), vec![HammingKernel::Scalar]);
        let popcnt = CpuFeatures { popcnt: true, ..none };
        assert_eq!(HammingKernel::supported_by(popcnt), vec![HammingKernel::Scalar, HammingKernel::Popcnt]);
        // VPOPCNTDQ needs AVX-512 F, BW (the masked tail load) and popcnt.
        let vp = CpuFeatures { avx512vpopcntdq: true, ..popcnt };
        assert_eq!(HammingKernel::supported_by(vp).last(), Some(&HammingKernel::Popcnt));
        let vp = CpuFeatures { avx512f: true, ..vp };
        assert_eq!(HammingKernel::supported_by(vp).last(), Some(&HammingKernel::Popcnt));
        let vp = CpuFeatures { avx512bw: true, ..vp };
        assert_eq!(HammingKernel::supported_by(vp), vec![HammingKernel::Scalar, HammingKernel::Popcnt, HammingKernel::Avx512Vpopcntdq]);
        let neon = CpuFeatures { neon: true, ..none };
        assert_eq!(HammingKernel::supported_by(neon).last().unwrap().name(), "neon");
    }

    #[cfg(target_arch = "aarch64")]
    #[test]
    fn aarch64_dispatches_to_neon() {
        assert_eq!(active().0, HammingKernel::Neon);
    }

    #[test]
    fn unavailable_kernels_have_no_function() {
        for kind in [HammingKernel::Scalar, HammingKernel::Popcnt, HammingKernel::Avx512Vpopcntdq, HammingKernel::Neon] {
            assert_eq!(kind.function().is_some(), HammingKernel::available().contains(&kind), "{kind:?}");
        }
        assert!(HammingKernel::available().contains(&active().0));
    }
}
