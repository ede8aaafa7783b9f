#!/usr/bin/env bash
# Start-up cost of loading ferric, each sample a fresh JVM timing its first Ferric.isAvailable()
# (find, check, hash and load the library, with verification on):
#   warm  the cache already holds the library and the verifier (every JVM but a machine's first)
#   cold  an empty cache directory for each JVM (read from the jar, extract, hash, load)
# Prints the median and the spread of each; the raw samples go to OUTPUT_DIR.
# Usage: benchmarks/run-startup.sh [OUTPUT_DIR] [RUNS]   (after ./mvnw package; JAVA=... picks the JDK)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/bench-results}
runs=${2:-20}
java=${JAVA:-java}
mkdir -p "$out"
api=$(ls java-api/target/ferric-*.jar | grep -v -e sources -e javadoc | head -1)
native=$(ls platform-jars/target/ferric-native-*.jar | grep -v all-platforms | head -1)
[ -f "$api" ] && [ -f "$native" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${java%java}javac" -d "$work/classes" -cp "$api" benchmarks/startup/StartupProbe.java 2>/dev/null ||
  javac -d "$work/classes" -cp "$api" benchmarks/startup/StartupProbe.java
cp="$api:$native:$work/classes"
{ date -u; uptime; lscpu | sed -n '1,20p'; "$java" -version 2>&1; } > "$out/startup-machine.txt"

sample() { # sample CACHE_DIR: one fresh JVM, prints its milliseconds
  "$java" -Dferric.cache.dir="$1" -cp "$cp" StartupProbe | cut -d' ' -f1
}
summary() { # summary NAME FILE: median, min, max of the samples in FILE
  sort -n "$2" | awk -v name="$1" '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
    printf "%-5s median %6.1f ms   min %6.1f   max %6.1f   (%d fresh JVMs)\n", name, m, v[1], v[NR], NR}'
}

"$java" -Dferric.cache.dir="$work/warm" -cp "$cp" StartupProbe > "$out/startup-hashing.txt" # fills the warm cache
: > "$out/startup-warm.txt"
: > "$out/startup-cold.txt"
for i in $(seq 1 "$runs"); do # interleaved, so that a noisy moment hits both alike
  sample "$work/warm" >> "$out/startup-warm.txt"
  sample "$work/cold-$i" >> "$out/startup-cold.txt"
done
echo "first Ferric.isAvailable() of a fresh JVM, $("$java" -version 2>&1 | head -1):"
summary warm "$out/startup-warm.txt" | tee "$out/startup.txt"
summary cold "$out/startup-cold.txt" | tee -a "$out/startup.txt"
echo "hashing: $(cut -d' ' -f2- "$out/startup-hashing.txt")" | tee -a "$out/startup.txt"
