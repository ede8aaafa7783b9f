#!/usr/bin/env bash
# The per-record regime: one call on one small input (a log line, a field, a 154-byte row, one
# embedding), ferric next to its peer in the same run, on each JDK given. Prints the machine first.
# Usage: benchmarks/run-small.sh [output-dir] [java ...]   (default: the java on PATH)
# Each JDK's raw JMH output (text and JSON, with -prof gc) lands in <output-dir>/<jdk-version>/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/bench-results/small}
shift || true
javas=("$@")
[ ${#javas[@]} -gt 0 ] || javas=(java)
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
# Short iterations: ~400 small benchmarks per JDK; each is one fork, 2 x 1 s warm-up and 3 x 1 s measured
# (regex: 1 x 0.5 s and 2 x 0.5 s, 384 of them).
for java in "${javas[@]}"; do
  v=$("$java" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
  dir="$out/jdk-$v"
  mkdir -p "$dir"
  { date -u; uptime; lscpu | sed -n '1,20p'; "$java" -version 2>&1; } > "$dir/machine.txt"
  for bench in SmallBlake3Bench SmallCompressBench SmallVectorsBench; do
    "$java" -jar "$jar" "$bench" -prof gc -rf json -rff "$dir/$bench.json" > "$dir/$bench.txt"
  done
  "$java" -jar "$jar" SmallRegexBench -wi 1 -w 500ms -i 2 -r 500ms -prof gc -rf json -rff "$dir/SmallRegexBench.json" \
    > "$dir/SmallRegexBench.txt"
  echo "$v: $dir"
done
