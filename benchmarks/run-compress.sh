#!/usr/bin/env bash
# Every compression measurement of BENCHMARKS.md in one go (about 15 minutes on 2 cores): JMH for
# deflate/gzip (ferric serial and parallel against java.util.zip) and LZ4 (against lz4-java's JNI and
# pure-Java instances), the corpus sizes per level, the lz4 tool's own benchmark, then the Markdown table.
# Usage: benchmarks/run-compress.sh [output-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/compress-bench}
mkdir -p "$out"
{ date -u; uptime; lscpu | sed -n '1,20p'; java -version 2>&1; } > "$out/machine.txt"
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
corpus=$PWD/target/compress-corpus.bin   # 16 MiB, regenerated; not kept with the results
mkdir -p target
benchmarks/compress-corpus.sh "$corpus" | tee "$out/corpus.txt"
{ date -u; uptime; } >> "$out/load.txt"
java -jar "$jar" 'CompressBench|InflateBench|Lz4Bench' -f 1 -wi 2 -i 3 -prof gc -rf json -rff "$out/compress.json" | tee "$out/compress.txt"
{ date -u; uptime; } >> "$out/load.txt"
if command -v lz4 > /dev/null; then lz4 -b1 -i3 "$corpus" 2>&1 | tr '\r' '\n' | grep 'MB/s ,' | tail -1 | tee "$out/lz4-tool.txt"; fi
python3 benchmarks/scripts/compress-report.py "$out/compress.json" | tee "$out/report.md"
