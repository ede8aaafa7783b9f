// Throwaway harness (run as an example of ferric-kernels: copy to rust-core/kernels/examples/ and
// `cargo run --release -p ferric-kernels --example zz_gunzip_small`), before and after pooling decoders.
use ferric_kernels::compress::deflate::{compress_to_vec, decompress_into, decompress_to_vec, Format};
use ferric_kernels::compress::Limits;
use std::time::Instant;
fn main() {
    for size in [200usize, 1024, 4096] {
        let text: Vec<u8> = (0..size).map(|i| b"{\"id\":12345,\"name\":\"record\",\"tags\":[\"a\",\"b\"]}"[i % 45]).collect();
        let gz = compress_to_vec(Format::Gzip, 6, &text, None).unwrap();
        let n = 200_000;
        let mut out = vec![0u8; size];
        for round in 0..3 {
            let t = Instant::now();
            for _ in 0..n { std::hint::black_box(decompress_to_vec(Format::Gzip, std::hint::black_box(&gz), Limits { max_output: 1 << 30, max_ratio: 0 }).unwrap()); }
            let a = t.elapsed().as_nanos() as f64 / n as f64;
            let t = Instant::now();
            for _ in 0..n { std::hint::black_box(decompress_into(Format::Gzip, std::hint::black_box(&gz), &mut out).unwrap()); }
            let b = t.elapsed().as_nanos() as f64 / n as f64;
            let t = Instant::now();
            for _ in 0..n { std::hint::black_box(flate2::Decompress::new(false)); }
            let c = t.elapsed().as_nanos() as f64 / n as f64;
            println!("size {size} round {round}: to_vec {a:.0} ns, into {b:.0} ns, Decompress::new+drop {c:.0} ns");
        }
    }
}
