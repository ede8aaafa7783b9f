//! ferric's vector kernels called directly from Rust, on the data of `benchmarks/.../VectorsBench`
//! (100,000 × 768, k = 10, dot product): every kernel family this CPU runs, one thread and all
//! threads, single queries and batches of 16. Run: `cargo run --release --example vectors_throughput`
//! (`RAYON_NUM_THREADS=1` for one thread).

mod common;

use std::hint::black_box;

use common::best_ms;
use ferric_kernels::vectors::{ElementType, FlatIndex, Kernel, Metric, Query};

const N: usize = 100_000;
const D: usize = 768;

fn rng(seed: u64) -> impl FnMut() -> u64 {
    let mut s = seed;
    move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    }
}

fn main() {
    let mut r = rng(1);
    let floats: Vec<f32> = (0..N * D).map(|_| (r() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0).collect();
    let bytes: Vec<i8> = (0..N * D).map(|_| (r() >> 56) as u8 as i8).collect();
    let qf: Vec<f32> = floats[..16 * D].iter().map(|x| -x).collect();
    let qb: Vec<i8> = bytes[..16 * D].iter().map(|x| x.wrapping_neg()).collect();

    println!("one thread, raw kernel scans (no top-k): ms per query over {N} x {D}");
    for kind in Kernel::available() {
        let k = kind.kernels().unwrap();
        let f = best_ms(5, || {
            let mut s = 0f32;
            for row in floats.chunks_exact(D) {
                s += (k.dot_f32)(&qf[..D], row);
            }
            black_box(s);
        });
        let b = best_ms(5, || {
            let mut s = 0i64;
            for row in bytes.chunks_exact(D) {
                s += (k.dot_i8)(&qb[..D], row);
            }
            black_box(s);
        });
        println!("  {:<12} float32 {:7.2} ms ({:5.1} GB/s)   int8 {:7.2} ms ({:5.1} GB/s)", kind.name(), f, (N * D * 4) as f64 / f / 1e6, b, (N * D) as f64 / b / 1e6);
    }

    let mut fi = FlatIndex::new(D, Metric::Dot, ElementType::F32, u64::MAX).unwrap();
    fi.add_f32(&floats).unwrap();
    let mut bi = FlatIndex::new(D, Metric::Dot, ElementType::I8, u64::MAX).unwrap();
    bi.add_i8(&bytes).unwrap();
    let fq: Vec<Query<'_>> = qf.chunks_exact(D).map(Query::F32).collect();
    let bq: Vec<Query<'_>> = qb.chunks_exact(D).map(Query::I8).collect();
    println!("FlatIndex, top-10, {} threads, kernel {}: ms per query", rayon::current_num_threads(), ferric_kernels::vectors::active().kind.name());
    let f1 = best_ms(5, || drop(black_box(fi.search(fq[0], 10).unwrap())));
    let f16 = best_ms(5, || drop(black_box(fi.search_batch(&fq, 10).unwrap()))) / 16.0;
    let b1 = best_ms(5, || drop(black_box(bi.search(bq[0], 10).unwrap())));
    let b16 = best_ms(5, || drop(black_box(bi.search_batch(&bq, 10).unwrap()))) / 16.0;
    println!("  float32 single {f1:7.2}   batch of 16 {f16:7.2}");
    println!("  int8    single {b1:7.2}   batch of 16 {b16:7.2}");
}
