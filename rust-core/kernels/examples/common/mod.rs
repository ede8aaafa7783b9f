//! Timing shared by the `*_throughput` examples.

use std::time::Instant;

/// Best of `rounds` timings of `f` after one warm-up call, in milliseconds.
pub fn best_ms(rounds: usize, mut f: impl FnMut()) -> f64 {
    f();
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::MAX, f64::min)
}
