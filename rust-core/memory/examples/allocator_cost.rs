//! What ferric's counting allocator adds to an allocation and its free: `memory::CountingAllocator`
//! (a kernel's counter and the total, relaxed atomics, and the thread's kernel) against `System`
//! alone and against one total counter (ferric's allocator before it counted by kernel), on 64-byte
//! and 2 KiB blocks. Run: `cargo run --release -p ferric-memory --example allocator_cost`. Prints the best and the
//! median of 21 rounds of each, interleaved, in ns per allocation + free, on one thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::time::Instant;

use std::sync::atomic::{AtomicI64, Ordering};

use ferric_memory::{CountingAllocator, Kernel};

/// One relaxed atomic add per allocation and free, the total only.
struct TotalOnly(AtomicI64);

// SAFETY: forwards to `System`.
unsafe impl GlobalAlloc for TotalOnly {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            self.0.fetch_add(layout.size() as i64, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        self.0.fetch_sub(layout.size() as i64, Ordering::Relaxed);
    }
}

const PAIRS: usize = 2_000_000;

fn round<A: GlobalAlloc>(a: &A, layout: Layout) -> f64 {
    let start = Instant::now();
    for _ in 0..PAIRS {
        // SAFETY: a valid, non-zero layout; the block is freed with the same layout.
        unsafe {
            let p = a.alloc(black_box(layout));
            black_box(p);
            a.dealloc(p, layout);
        }
    }
    start.elapsed().as_nanos() as f64 / PAIRS as f64
}

fn main() {
    Kernel::Blake3.enter();
    let total_only = TotalOnly(AtomicI64::new(0));
    println!("{:>6}  {:>16}  {:>16}  {:>16}", "size", "System (best/med)", "total only", "by kernel");
    for size in [64usize, 2048] {
        let layout = Layout::from_size_align(size, 8).expect("valid layout");
        let mut runs: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for _ in 0..21 {
            runs[0].push(round(&System, layout));
            runs[1].push(round(&total_only, layout));
            runs[2].push(round(&CountingAllocator, layout));
        }
        let cell = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            format!("{:.1} / {:.1}", v[0], v[10])
        };
        let [a, b, c] = &mut runs;
        println!("{:>6}  {:>16}  {:>16}  {:>16}", size, cell(a), cell(b), cell(c));
    }
}
