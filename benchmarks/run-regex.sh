#!/usr/bin/env bash
# Every regex measurement of BENCHMARKS.md in one go (about 20 minutes on 2 cores), then the
# Markdown tables. Usage: benchmarks/run-regex.sh [output-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/regex-bench}
mkdir -p "$out"
{ date -u; uptime; lscpu | sed -n '1,20p'; java -version 2>&1; } > "$out/machine.txt"
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
run() { # name, JMH arguments...
  local name=$1; shift
  { date -u; uptime; } >> "$out/load.txt"
  java -jar "$jar" "$@" -f 1 -rf json -rff "$out/$name.json" | tee "$out/$name.txt"
}
# count all matches: bytes, String, one object per match, and the two peers
run RegexBench 'RegexBench\.(ferricBytes|ferricString|ferricBytesFindAll|javaUtilRegex|re2j)$' -wi 2 -i 3 -prof gc
run RegexPathologicalBench RegexPathologicalBench
run RegexLinearBench RegexLinearBench -wi 1 -i 2
run RegexCompileBench RegexCompileBench -wi 1 -i 2 -prof gc
{ date -u; uptime; } >> "$out/load.txt"
python3 benchmarks/scripts/regex-report.py "$out" | tee "$out/report.md"
