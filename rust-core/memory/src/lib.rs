//! Counts the bytes ferric's Rust code holds on the native heap, in total and by kernel, for
//! `Ferric.nativeStats()`, the `dev.ferric:type=Native` MBean and `ferric doctor --memory`.
//!
//! Each allocation is charged to the kernel the current thread last entered ([`Kernel::enter`],
//! called first by every native entry point of a kernel), and each free is credited to that same
//! kernel: no per-allocation header. The kernel stays set after the entry point returns, so what is
//! freed after its body (temporaries of its last expression, an error message the error policy turns
//! into an exception) is credited where it was charged. Every kernel frees its own objects in its own
//! entry points ([`Owned`]), and the jobs a kernel hands to the shared thread pool
//! enter that kernel on the pool's thread (parallel compression, vector scans), so the figures agree
//! except for memory allocated on one kernel's thread and freed on another's outside these paths: the
//! total is exact, a kernel's figure can drift by such transfers. Threads that never entered a kernel
//! (a pool's own bookkeeping) are charged to [`Kernel::Core`].

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicI64, Ordering};

/// Where an allocation is charged. The order and names are shared with
/// `dev.ferric.internal.NativeMemory` (checked by `SharedConstantsTest`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kernel {
    /// Outside any kernel: the loader's calls, thread pools, allocations of worker threads.
    Core = 0,
    /// `dev.ferric.blake3`.
    Blake3 = 1,
    /// `dev.ferric.regex`.
    Regex = 2,
    /// `dev.ferric.compress` (zlib, LZ4).
    Compression = 3,
    /// `dev.ferric.vectors`.
    Vectors = 4,
}

/// How many [`Kernel`]s there are.
pub const KERNELS: usize = 5;

/// The name of each [`Kernel`], by its number.
pub const KERNEL_NAMES: [&str; KERNELS] = ["core", "blake3", "regex", "compression", "vectors"];

/// One kernel's counters, alone on a cache line so kernels running on different cores do not
/// contend.
#[repr(align(64))]
struct Counters {
    live: AtomicI64,
    peak: AtomicI64,
}

#[allow(clippy::declare_interior_mutable_const)] // only used to initialise the array below
const ZERO: Counters = Counters { live: AtomicI64::new(0), peak: AtomicI64::new(0) };

static BY_KERNEL: [Counters; KERNELS] = [ZERO; KERNELS];
static TOTAL: Counters = ZERO;

thread_local! {
    /// The kernel this thread is running ([`Kernel::enter`]); const-initialised and without a
    /// destructor, so reading it from the allocator never allocates.
    static CURRENT: Cell<u8> = const { Cell::new(Kernel::Core as u8) };
    /// Bytes this thread has freed, ever: the leak net reads it around one free to learn what that
    /// object held.
    static FREED_HERE: Cell<i64> = const { Cell::new(0) };
}

/// An object a Java handle owns, and the kernel its memory is charged to: freeing the handle
/// (`ferric_boundary::free_handle`) enters that kernel, so the freed bytes are credited where they
/// were charged. Implemented by each kernel for its handle types.
pub trait Owned {
    /// The kernel whose entry points create and use this object.
    const KERNEL: Kernel;
}

impl Kernel {
    /// Charges this thread's allocations and frees to `self` until it enters another kernel. Not
    /// restored on return: see the module documentation.
    #[inline]
    pub fn enter(self) {
        CURRENT.with(|c| c.set(self as u8));
    }
}

#[inline]
fn charge(delta: i64) {
    let k = CURRENT.with(Cell::get) as usize;
    add(&BY_KERNEL[k % KERNELS], delta);
    add(&TOTAL, delta);
    if delta < 0 {
        FREED_HERE.with(|f| f.set(f.get() - delta));
    }
}

#[inline]
fn add(c: &Counters, delta: i64) {
    let now = c.live.fetch_add(delta, Ordering::Relaxed) + delta;
    // a plain load first: the read-modify-write only when a new peak is reached
    if delta > 0 && now > c.peak.load(Ordering::Relaxed) {
        c.peak.fetch_max(now, Ordering::Relaxed);
    }
}

/// The system allocator plus two relaxed atomic adds (the kernel's and the total) per allocation
/// and free.
pub struct CountingAllocator;

// SAFETY: every call is forwarded unchanged to `System`; the counting neither allocates nor panics.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            charge(layout.size() as i64);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            charge(layout.size() as i64);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        charge(-(layout.size() as i64));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            charge(new_size as i64 - layout.size() as i64);
        }
        p
    }
}

/// Bytes currently allocated by ferric's Rust code (including thread pools and caches).
pub fn live_bytes() -> i64 {
    TOTAL.live.load(Ordering::Relaxed)
}

/// Where [`live_bytes`] is kept: an aligned 8-byte counter that lives as long as the library, for
/// readers that look at it in place (Java reads it through a direct buffer, with no native call).
pub fn live_bytes_address() -> *mut i64 {
    TOTAL.live.as_ptr()
}

/// The most bytes ferric's Rust code held at once since the library was loaded.
pub fn peak_bytes() -> i64 {
    TOTAL.peak.load(Ordering::Relaxed)
}

/// Bytes currently charged to each kernel, by [`Kernel`] number.
pub fn live_by_kernel() -> [i64; KERNELS] {
    std::array::from_fn(|k| BY_KERNEL[k].live.load(Ordering::Relaxed))
}

/// The most bytes charged to each kernel at once, by [`Kernel`] number.
pub fn peak_by_kernel() -> [i64; KERNELS] {
    std::array::from_fn(|k| BY_KERNEL[k].peak.load(Ordering::Relaxed))
}

/// Bytes the current thread has freed since it started: the difference around one free is what
/// that free released.
pub fn freed_by_this_thread() -> i64 {
    FREED_HERE.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    // this crate's test binary counts with the allocator, as the library does
    #[global_allocator]
    static ALLOCATOR: CountingAllocator = CountingAllocator;

    #[test]
    fn allocations_are_charged_to_the_kernel_entered_and_credited_back() {
        let before = live_by_kernel();
        Kernel::Regex.enter();
        let v = Vec::<u8>::with_capacity(1 << 20);
        let during = live_by_kernel();
        // other tests allocate concurrently, but none of them inside the regex kernel
        assert!(during[Kernel::Regex as usize] - before[Kernel::Regex as usize] >= 1 << 20);
        assert!(peak_by_kernel()[Kernel::Regex as usize] >= during[Kernel::Regex as usize]);
        let freed = freed_by_this_thread();
        drop(v);
        assert_eq!(freed_by_this_thread() - freed, 1 << 20);
        assert!(live_by_kernel()[Kernel::Regex as usize] <= during[Kernel::Regex as usize] - (1 << 20));
    }

    #[test]
    fn a_kernel_stays_entered_until_another_is() {
        assert_eq!(CURRENT.with(Cell::get), Kernel::Core as u8, "a new thread starts in core");
        Kernel::Blake3.enter();
        assert_eq!(CURRENT.with(Cell::get), Kernel::Blake3 as u8);
        Kernel::Vectors.enter();
        assert_eq!(CURRENT.with(Cell::get), Kernel::Vectors as u8);
    }
}
