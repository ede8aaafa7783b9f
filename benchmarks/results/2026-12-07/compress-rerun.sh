#!/bin/bash
# SmallCompressBench again on the code with pooled decoders, pinned to CPU 0 while the main run used CPU 1
set -e
cd /work/main
for java in java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
  v=$("$java" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
  dir=benchmarks/results/2026-12-07/small-compress/jdk-$v
  mkdir -p "$dir"
  { date -u; uptime; lscpu | sed -n '1,20p'; "$java" -version 2>&1; } > "$dir/machine.txt"
  taskset -c 0 "$java" -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar SmallCompressBench -prof gc -rf json -rff "$dir/SmallCompressBench.json" > "$dir/SmallCompressBench.txt"
done
