//! The reference for ferric's BLAKE3 benchmarks: the `blake3` crate called directly from Rust, on the
//! same sizes as `benchmarks/.../Blake3Bench`. Run: `cargo run --release --example blake3_throughput`.

use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let sizes = [64usize, 1024, 65536, 1 << 20];
    println!("{:>8}  {:>12}  {:>10}", "size", "ns/op", "MB/s");
    for &size in &sizes {
        let input: Vec<u8> = (0..size).map(|i| (i * 31 % 251) as u8).collect();
        // warm-up, then the best of 5 one-second rounds (as steady-state as JMH's average)
        let mut best = f64::MAX;
        for round in 0..6 {
            let budget = Duration::from_millis(if round == 0 { 500 } else { 1000 });
            let start = Instant::now();
            let mut ops = 0u64;
            while start.elapsed() < budget {
                for _ in 0..64 {
                    black_box(blake3::hash(black_box(&input)));
                }
                ops += 64;
            }
            let ns = start.elapsed().as_nanos() as f64 / ops as f64;
            if round > 0 {
                best = best.min(ns);
            }
        }
        println!("{:>8}  {:>12.1}  {:>10.0}", size, best, size as f64 / best * 1e3);
    }
}
