#!/usr/bin/env bash
# Every vector-search measurement of BENCHMARKS.md in one go: builds the benchmark jar on
# JDK 25 (so it includes the Lucene peer), runs ferric against the scalar Java loops on JDK 17 and
# against Lucene's Panama VectorUtil on JDK 25, then the Rust-side reference. Results in $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=${OUT:-target/vectors-bench}
mkdir -p "$OUT"
JAVA_HOME="$JDK25" ./mvnw -B -q -DskipTests -pl benchmarks -am package
lscpu | head -20 > "$OUT/machine.txt"
{ date -u; uptime; } | tee "$OUT/jdk17.txt"
"$JDK17/bin/java" -jar benchmarks/target/benchmarks.jar '^dev.ferric.bench.VectorsBench' -f 1 -wi 3 -i 5 -prof gc \
  -rf json -rff "$OUT/jdk17.json" | tee -a "$OUT/jdk17.txt"
{ date -u; uptime; } | tee "$OUT/jdk25.txt"
"$JDK25/bin/java" --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar 'VectorsBench' -f 1 -wi 3 -i 5 -prof gc \
  -rf json -rff "$OUT/jdk25.json" | tee -a "$OUT/jdk25.txt"
(cd rust-core && cargo run -q --release --locked -p ferric-kernels --example vectors_throughput) | tee "$OUT/rust.txt"
