#!/usr/bin/env bash
# The small-input rows the targets name, on the current code, unpinned on a quiet machine: BLAKE3 at 64
# and 154 B, compression at 1 KiB, one 768-float pair, and regex at 80 and 150 chars (every operation)
# plus matches() at 30 chars. Settings as benchmarks/run-small.sh (regex: -wi 1 -w 500ms -i 2 -r 500ms).
# Usage: run.sh JAR OUTDIR java...
set -euo pipefail
jar=$1 out=$2; shift 2
for java in "$@"; do
  v=$("$java" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
  dir="$out/jdk-$v"; mkdir -p "$dir"
  { date -u; uptime; lscpu | sed -n '1,20p'; "$java" -version 2>&1; sha256sum "$jar"; } > "$dir/machine.txt"
  "$java" -jar "$jar" 'SmallBlake3Bench' -p size=64,154 -prof gc -rf json -rff "$dir/SmallBlake3Bench.json" > "$dir/SmallBlake3Bench.txt"
  "$java" -jar "$jar" 'SmallCompressBench' -p size=1024 -prof gc -rf json -rff "$dir/SmallCompressBench.json" > "$dir/SmallCompressBench.txt"
  "$java" -jar "$jar" 'SmallVectorsBench' -p dims=768 -prof gc -rf json -rff "$dir/SmallVectorsBench.json" > "$dir/SmallVectorsBench.txt"
  "$java" -jar "$jar" 'SmallRegexBench' -p size=80,150 -wi 1 -w 500ms -i 2 -r 500ms -prof gc \
    -rf json -rff "$dir/SmallRegexBench.json" > "$dir/SmallRegexBench.txt"
  "$java" -jar "$jar" 'SmallRegexBench.(ferricMatches|jdkMatches)$' -p size=30 -wi 1 -w 500ms -i 2 -r 500ms -prof gc \
    -rf json -rff "$dir/SmallRegexBench-30.json" > "$dir/SmallRegexBench-30.txt"
  { echo "end: $(date -u)"; uptime; } >> "$dir/machine.txt"
done
