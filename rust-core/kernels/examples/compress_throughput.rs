//! ferric's deflate and LZ4 code called directly from Rust on the corpus of `benchmarks/.../CompressBench`
//! (write it with `benchmarks/compress-corpus.sh FILE`), 64 KiB pieces and the whole file, one thread:
//! what the JMH rows would be without JNI. Run:
//! `cargo run --release --example compress_throughput -- FILE`.

mod common;

use std::hint::black_box;

use common::best_ms;
use ferric_kernels::compress::deflate::{self, Format};
use ferric_kernels::compress::{lz4, parallel};

fn row(name: &str, chunk: usize, total: usize, ms: f64) {
    println!("{name:<28} {chunk:>9} {ms:>10.2} ms {:>7.0} MB/s", total as f64 / ms / 1e3);
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: compress_throughput CORPUS_FILE");
    let corpus = std::fs::read(&path).expect("read the corpus");
    let n = corpus.len();
    let serial = deflate::compress_to_vec(Format::Gzip, 6, &corpus, None).unwrap().len();
    let parallel = parallel::compress_to_vec(Format::Gzip, 6, &corpus, None).unwrap().len();
    println!("gzip level 6 of the whole file: {serial} bytes serial, {parallel} bytes compressParallel ({:+.3}%)",
        (parallel as f64 / serial as f64 - 1.0) * 100.0);
    println!("{:<28} {:>9} {:>13} {:>12}", "operation (ms per corpus)", "piece", "best of 10", "input rate");
    for chunk in [64 << 10, n] {
        let pieces: Vec<&[u8]> = corpus.chunks(chunk).collect();
        let mut out = vec![0u8; deflate::bound(Format::Gzip, chunk)];
        for level in [1, 6] {
            let ms = best_ms(10, || {
                for p in &pieces {
                    black_box(deflate::compress_into(Format::Gzip, level, p, &mut out).unwrap());
                }
            });
            row(&format!("gzip compress level {level}"), chunk, n, ms);
        }
        for format in [Format::Gzip, Format::Zlib] {
            let packed: Vec<Vec<u8>> = pieces.iter().map(|p| deflate::compress_to_vec(format, 6, p, None).unwrap()).collect();
            let ms = best_ms(10, || {
                for c in &packed {
                    black_box(deflate::decompress_into(format, c, &mut out).unwrap());
                }
            });
            row(&format!("{format:?} decompress"), chunk, n, ms);
        }
        let blocks: Vec<Vec<u8>> = pieces.iter().map(|p| lz4_flex::block::compress(p)).collect();
        let mut lz = vec![0u8; lz4::max_compressed_length(chunk).max(lz4_flex::block::get_maximum_output_size(chunk))];
        let ms = best_ms(10, || {
            for p in &pieces {
                black_box(lz4::compress_into(p, &mut lz).unwrap());
            }
        });
        row("lz4 block compress", chunk, n, ms);
        let ms = best_ms(10, || {
            for b in &blocks {
                black_box(lz4::decompress_safe(b, &mut out).unwrap());
            }
        });
        row("lz4 block decompress (safe)", chunk, n, ms);
    }
}
