//! Pure-Rust reference for the regex JMH numbers: counts matches of a pattern in a file, through
//! ferric's kernel module (bytes and text modes) and the UTF-16 transcoder, without JNI.
//! `cargo run --release --example regex_throughput -- FILE PATTERN`

use std::time::Instant;

use ferric_kernels::regex::utf16::Utf8Text;
use ferric_kernels::regex::{Mode, Options, Regex};

fn best_of<F: FnMut() -> usize>(runs: usize, mut f: F) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        n = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best * 1e6, n)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = std::fs::read(&args[1]).expect("read corpus");
    let re = Regex::new(&args[2], &Options::default()).expect("compile");
    let text = std::str::from_utf8(&data).expect("utf-8 corpus");
    let units: Vec<u16> = text.encode_utf16().collect();
    let (us, n) = best_of(20, || re.count(Mode::Bytes, &data, 0).unwrap());
    println!("bytes count: {n} matches, {us:.0} us");
    let (us, n) = best_of(20, || re.count(Mode::Text, &data, 0).unwrap());
    println!("text count:  {n} matches, {us:.0} us");
    let (us, n) = best_of(20, || Utf8Text::from_utf16(&units).bytes().len());
    println!("transcode {} UTF-16 units to {n} bytes: {us:.0} us", units.len());
}
