fn cpu_ns() -> u128 { let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 }; unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) }; t.tv_sec as u128 * 1_000_000_000 + t.tv_nsec as u128 }
struct Instant(u128);
impl Instant { fn now() -> Instant { Instant(cpu_ns()) } fn elapsed(&self) -> std::time::Duration { std::time::Duration::from_nanos((cpu_ns() - self.0) as u64) } }
use zlib_rs::c_api::z_stream;
use zlib_rs::deflate::{self as zd, DeflateConfig, DeflateStream};
use zlib_rs::DeflateFlush;

fn rec(n: usize) -> Vec<u8> {
    let mut s = String::new();
    let mut i = 0u64;
    while s.len() < n { s.push_str(&format!("{{\"id\":{},\"user\":\"user{}\",\"event\":\"click\",\"ts\":{}}},", i, i * 7 % 1000, 1700000000 + i * 13)); i += 1; }
    s.into_bytes()[..n].to_vec()
}

fn once(input: &[u8], out: &mut [u8], wb: i32, ml: i32) -> usize {
    let cfg = DeflateConfig { level: 6, window_bits: wb, mem_level: ml, ..DeflateConfig::default() };
    let mut strm = z_stream::default();
    assert_eq!(zd::init(&mut strm, cfg), zlib_rs::ReturnCode::Ok);
    strm.next_in = input.as_ptr() as *mut u8; strm.avail_in = input.len() as u32;
    strm.next_out = out.as_mut_ptr(); strm.avail_out = out.len() as u32;
    let s = unsafe { DeflateStream::from_stream_mut(&mut strm) }.unwrap();
    let rc = zd::deflate(s, DeflateFlush::Finish);
    assert_eq!(rc, zlib_rs::ReturnCode::StreamEnd);
    zd::end(s);
    (out.len() as u32 - strm.avail_out) as usize
}

fn reused(input: &[u8], out: &mut [u8], iters: usize) -> f64 {
    let cfg = DeflateConfig { level: 6, window_bits: 31, mem_level: 8, ..DeflateConfig::default() };
    let mut strm = z_stream::default();
    assert_eq!(zd::init(&mut strm, cfg), zlib_rs::ReturnCode::Ok);
    let t = Instant::now();
    for _ in 0..iters {
        let s = unsafe { DeflateStream::from_stream_mut(&mut strm) }.unwrap();
        zd::reset(s);
        strm.next_in = input.as_ptr() as *mut u8; strm.avail_in = input.len() as u32;
        strm.next_out = out.as_mut_ptr(); strm.avail_out = out.len() as u32;
        let s = unsafe { DeflateStream::from_stream_mut(&mut strm) }.unwrap();
        assert_eq!(zd::deflate(s, DeflateFlush::Finish), zlib_rs::ReturnCode::StreamEnd);
    }
    t.elapsed().as_nanos() as f64 / iters as f64
}

fn main() {
    for &size in &[200usize, 1024, 4096] { let input = rec(size); let mut out = vec![0u8; 8192]; println!("size {size} reused+reset: {:.0} ns", reused(&input, &mut out, 20000)); }
    if std::env::args().nth(1).as_deref() == Some("prof2") { let input = rec(1024); let mut out = vec![0u8; 8192]; reused(&input, &mut out, 200000); return; }
    if std::env::args().nth(1).as_deref() == Some("prof") { let input = rec(200); let mut out = vec![0u8; 8192]; for _ in 0..100000 { std::hint::black_box(once(&input, &mut out, 31, 8)); } return; }
    for &size in &[200usize, 1024, 4096] {
        let input = rec(size);
        let mut out = vec![0u8; 8192];
        for &(wb, ml) in &[(31, 8), (31 - 15 + 11, 8), (31 - 15 + 11, 4), (31 - 15 + 13, 6), (31-15+9, 1)] {
            let n = once(&input, &mut out, wb, ml);
            let iters = 20000;
            let t = Instant::now();
            for _ in 0..iters { std::hint::black_box(once(&input, &mut out, wb, ml)); }
            let ns = t.elapsed().as_nanos() as f64 / iters as f64;
            println!("size {size} wb {wb} ml {ml}: {n} bytes, {ns:.0} ns");
        }
        let t = Instant::now();
        for _ in 0..20000 { std::hint::black_box(ferric_kernels::compress::deflate::compress_to_vec(ferric_kernels::compress::deflate::Format::Gzip, 6, &input, None).unwrap()); }
        println!("size {size} ferric compress_to_vec: {:.0} ns", t.elapsed().as_nanos() as f64 / 20000.0);
        // lz4
        let mut o = vec![0u8; 8192];
        let t = Instant::now();
        for _ in 0..200000 { std::hint::black_box(lz4_flex::block::compress_into(&input, &mut o).unwrap()); }
        println!("size {size} lz4 compress_into: {:.0} ns", t.elapsed().as_nanos() as f64 / 200000.0);
    }
}
