#!/usr/bin/env bash
# Runs every BLAKE3 measurement recorded in BENCHMARKS.md, in one go, and prints the machine first.
# Usage: benchmarks/run-blake3.sh [output-dir]   (needs: ./mvnw package done, hyperfine and b3sum installed)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/bench-results}
mkdir -p "$out"
{ date -u; uptime; lscpu | sed -n '1,20p'; java -version 2>&1; } > "$out/machine.txt"
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package

java -jar "$jar" Blake3Bench -f 1 -wi 3 -w 1 -i 5 -r 1 -prof gc -rf json -rff "$out/blake3.json" | tee "$out/blake3.txt"
java -jar "$jar" Blake3FileBench -f 1 -rf json -rff "$out/blake3-file.json" | tee "$out/blake3-file.txt"
(cd rust-core && cargo run -q --release --locked -p ferric-kernels --example blake3_throughput) | tee "$out/blake3-rust.txt"
file=/tmp/ferric-bench-1g.bin
hyperfine -N --warmup 2 --runs 10 --export-json "$out/b3sum.json" "b3sum $file" "b3sum --num-threads 1 $file" | tee "$out/b3sum.txt"
