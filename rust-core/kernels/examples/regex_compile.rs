//! Pure-Rust reference for the regex compile-time rows: the median time to compile each pattern of
//! the benchmarks' suite (RegexBench's fourteen and SmallRegexBench's eight) through ferric's kernel,
//! without JNI: the median of many compiles (steadier than a mean on a shared machine).
//! `cargo run --release -p ferric-kernels --example regex_compile [ROUNDS]`

use std::time::Instant;

use ferric_kernels::regex::{Options, Regex};

const PATTERNS: &[(&str, &str)] = &[
    ("literal", "Sherlock"),
    ("literal-ci", "(?i)sherlock"),
    ("alternation", "Sherlock|Holmes|Watson|Irene|Adler|Lestrade|Moriarty"),
    ("alternation-ci", "(?i)(holmes|watson|baker street)"),
    ("class", "[A-Z][a-z]+ [A-Z][a-z]+"),
    ("word", r"\w+"),
    ("suffix", r"\w+ing\b"),
    ("anchored-line", r"(?m)^Holmes\b.*$"),
    ("email", r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    ("ipv4", r"\b(?:\d{1,3}\.){3}\d{1,3}\b"),
    ("date", r"\d{4}-\d{2}-\d{2}"),
    ("log-captures", r"(?m)^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (INFO|WARN|ERROR) \[([\w.-]+)\] (.*)$"),
    ("unicode-cyrillic", "[а-яА-ЯёЁ]+"),
    ("quoted", "\"[^\"]{0,30}\""),
    ("small:uuid", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    ("small:level", r"\b(ERROR|WARN|INFO|DEBUG)\b"),
    ("small:latency", r"took (\d+) ms"),
    ("small:keyvalue", r"(\w+)=(\w+)"),
];

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(51);
    let opts = Options::default();
    let mut medians = Vec::new();
    println!("| pattern | median µs |\n|---|---:|");
    for (name, p) in PATTERNS {
        let mut t: Vec<u64> = (0..rounds)
            .map(|_| {
                let start = Instant::now();
                let re = Regex::new(p, &opts).expect("compiles");
                let took = start.elapsed().as_nanos() as u64;
                drop(re);
                took
            })
            .collect();
        t.sort_unstable();
        let median = t[t.len() / 2] as f64 / 1e3;
        medians.push(median);
        println!("| {name} | {median:.1} |");
    }
    medians.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("median over the {} patterns: {:.1} µs", medians.len(), medians[medians.len() / 2]);
}
