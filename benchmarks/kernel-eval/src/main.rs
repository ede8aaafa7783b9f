//! How ferric's vector kernels were chosen: its own `std::arch` kernels against the `simsimd` crate
//! (single pairs from L1, one-thread scans of 100,000 × 768) and against `gemm` for batches of 16
//! queries (gemm computes the 16 × 100,000 score matrix only; ferric's figure includes top-10).
//! Standalone crate, not part of the build. Run: `RAYON_NUM_THREADS=1 cargo run --release`
//! in benchmarks/kernel-eval. Results: BENCHMARKS.md (Vector search section).
use std::hint::black_box;
use std::time::Instant;

use ferric::vectors::{active, ElementType, FlatIndex, Metric, Query};
use simsimd::SpatialSimilarity;

const N: usize = 100_000;
const D: usize = 768;

fn best_ms(rounds: usize, mut f: impl FnMut()) -> f64 {
    f();
    (0..rounds).map(|_| { let t = Instant::now(); f(); t.elapsed().as_secs_f64() * 1e3 }).fold(f64::MAX, f64::min)
}

fn main() {
    let mut s = 1u64;
    let mut r = move || { s ^= s << 13; s ^= s >> 7; s ^= s << 17; s };
    let floats: Vec<f32> = (0..N * D).map(|_| (r() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0).collect();
    let bytes: Vec<i8> = (0..N * D).map(|_| (r() >> 56) as u8 as i8).collect();
    let q: Vec<f32> = floats[..16 * D].iter().map(|x| -x).collect();
    let qb: Vec<i8> = bytes[..16 * D].iter().map(|x| x.wrapping_neg()).collect();
    let k = active();
    println!("ferric kernel: {}", k.kind.name());

    // single pair at 768 from L1, ns per call
    let reps = 2_000_000;
    let t = best_ms(3, || { let mut a = 0f32; for i in 0..reps { a += (k.dot_f32)(black_box(&q[..D]), black_box(&floats[(i & 7) * D..(i & 7) * D + D])); } black_box(a); });
    println!("pair f32 768: ferric {:.1} ns", t * 1e6 / reps as f64);
    let t = best_ms(3, || { let mut a = 0f64; for i in 0..reps { a += f32::dot(black_box(&q[..D]), black_box(&floats[(i & 7) * D..(i & 7) * D + D])).unwrap(); } black_box(a); });
    println!("pair f32 768: simsimd {:.1} ns", t * 1e6 / reps as f64);
    let t = best_ms(3, || { let mut a = 0i64; for i in 0..reps { a += (k.dot_i8)(black_box(&qb[..D]), black_box(&bytes[(i & 7) * D..(i & 7) * D + D])); } black_box(a); });
    println!("pair i8 768: ferric {:.1} ns", t * 1e6 / reps as f64);
    let t = best_ms(3, || { let mut a = 0f64; for i in 0..reps { a += i8::dot(black_box(&qb[..D]), black_box(&bytes[(i & 7) * D..(i & 7) * D + D])).unwrap(); } black_box(a); });
    println!("pair i8 768: simsimd {:.1} ns", t * 1e6 / reps as f64);

    // one-thread scans of 100k x 768
    for _ in 0..2 {
    let t = best_ms(3, || { let mut a = 0f32; for row in floats.chunks_exact(D) { a += (k.dot_f32)(&q[..D], row); } black_box(a); });
    println!("scan f32: ferric {:.2} ms", t);
    let t = best_ms(3, || { let mut a = 0f64; for row in floats.chunks_exact(D) { a += f32::dot(&q[..D], row).unwrap(); } black_box(a); });
    println!("scan f32: simsimd {:.2} ms", t);
    }
    let t = best_ms(5, || { let mut a = 0i64; for row in bytes.chunks_exact(D) { a += (k.dot_i8)(&qb[..D], row); } black_box(a); });
    println!("scan i8: ferric {:.2} ms", t);
    let t = best_ms(5, || { let mut a = 0f64; for row in bytes.chunks_exact(D) { a += i8::dot(&qb[..D], row).unwrap(); } black_box(a); });
    println!("scan i8: simsimd {:.2} ms", t);

    // batches of 16, one thread: ferric blocked search vs gemm scores (16 x 100k) without top-k
    let mut ix = FlatIndex::new(D, Metric::Dot, ElementType::F32, u64::MAX).unwrap();
    ix.add_f32(&floats).unwrap();
    let qs: Vec<Query<'_>> = q.chunks_exact(D).map(Query::F32).collect();
    let t = best_ms(5, || drop(black_box(ix.search_batch(&qs, 10).unwrap())));
    println!("batch16 f32: ferric search_batch {:.2} ms per query", t / 16.0);
    let mut dst = vec![0f32; 16 * N];
    let t = best_ms(5, || unsafe {
        gemm::gemm(16, N, D, dst.as_mut_ptr(), 1, N as isize, false, q.as_ptr(), 1, D as isize, floats.as_ptr(), D as isize, 1, 0.0f32, 1.0f32, false, false, false, gemm::Parallelism::None);
        black_box(&dst);
    });
    println!("batch16 f32: gemm scores only, 1 thread {:.2} ms per query", t / 16.0);
}
