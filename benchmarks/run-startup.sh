#!/usr/bin/env bash
# Start-up cost of loading ferric, each sample a fresh JVM timing its first Ferric.isAvailable()
# (find, check, hash and load the library, with verification on):
#   warm  the cache already holds the library and the verifier (every JVM but a machine's first)
#   cold  an empty cache directory for each JVM (read from the jar, extract, hash, load)
#   warm, AppCDS  as warm, in a JVM started with a class archive of such a run (-XX:SharedArchiveFile,
#         JDK 13+): what an application whose AppCDS archive holds ferric's classes pays
# then whole processes with hyperfine: `./ferric gzip -d` of a 100-byte file, and `ferric gzip -6` /
# `ferric gzip -d` of the 64 MiB mixed corpus (the 16 MiB benchmark corpus four times), each against a
# plain java + java.util.zip program (benchmarks/startup/Plain*.java).
# Prints the median and the spread of each; the raw samples go to OUTPUT_DIR.
# Usage: benchmarks/run-startup.sh [OUTPUT_DIR] [RUNS]   (after ./mvnw package; JAVA=... picks the JDK;
#        needs hyperfine for the whole-process part, which is skipped without it)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/bench-results}
runs=${2:-20}
java=${JAVA:-java}
mkdir -p "$out"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
api=java-api/target/ferric-$version.jar
# this machine's classifier: platform-jars/target may also hold the other platforms' jars of a dry run
arch=$(uname -m); case $arch in aarch64|arm64) arch=aarch_64 ;; esac
os=$(uname -s | tr '[:upper:]' '[:lower:]'); [ "$os" = darwin ] && os=osx
# (musl's ldd --version exits 1: not part of the test, which pipefail would make fail)
libc=; [ "$os" = linux ] && { ldd --version 2>&1 || true; } | grep -qi musl && libc=-musl
native=platform-jars/target/ferric-native-$version-$os-$arch$libc.jar
if [ ! -f "$api" ] || [ ! -f "$native" ]; then echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work/classes" -cp "$api" benchmarks/startup/*.java
# (a jar: a class archive cannot be made with a non-empty directory on the class path)
(cd "$work/classes" && jar cf "$work/probe.jar" StartupProbe.class)
cp="$api:$native:$work/probe.jar"
{ date -u; uptime; lscpu | sed -n '1,20p'; "$java" -version 2>&1; } > "$out/startup-machine.txt"

# The cache is chosen through XDG_CACHE_HOME (CACHE_HOME/ferric), not -Dferric.cache.dir: the loader then
# takes the default path of a user's JVM, reading the environment included.
sample() { # sample CACHE_HOME: one fresh JVM, prints its wall and CPU milliseconds
  XDG_CACHE_HOME="$1" "$java" -cp "$cp" StartupProbe | cut -d' ' -f1,2
}
summary() { # summary NAME FILE COLUMN: median, min, max of that column of the samples in FILE
  cut -d' ' -f"$3" "$2" | sort -n | awk -v name="$1" '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
    printf "%-13s median %6.1f ms   min %6.1f   max %6.1f   (%d fresh JVMs)\n", name, m, v[1], v[NR], NR}'
}

XDG_CACHE_HOME="$work/warm" "$java" -cp "$cp" StartupProbe > "$out/startup-hashing.txt" # fills the warm cache
cds=
if XDG_CACHE_HOME="$work/warm" "$java" -XX:ArchiveClassesAtExit="$work/probe.jsa" -Xlog:cds=off -cp "$cp" StartupProbe \
    > /dev/null 2>&1 && [ -f "$work/probe.jsa" ]; then
  cds=-XX:SharedArchiveFile="$work/probe.jsa"
fi
: > "$out/startup-warm.txt"
: > "$out/startup-cold.txt"
: > "$out/startup-warm-cds.txt"
for i in $(seq 1 "$runs"); do # interleaved, so that a noisy moment hits all alike
  sample "$work/warm" >> "$out/startup-warm.txt"
  sample "$work/cold-$i" >> "$out/startup-cold.txt"
  if [ -n "$cds" ]; then XDG_CACHE_HOME="$work/warm" "$java" "$cds" -cp "$cp" StartupProbe | cut -d' ' -f1,2 >> "$out/startup-warm-cds.txt"; fi
done
echo "first Ferric.isAvailable() of a fresh JVM, $("$java" -version 2>&1 | head -1):"
summary warm "$out/startup-warm.txt" 1 | tee "$out/startup.txt"
summary cold "$out/startup-cold.txt" 1 | tee -a "$out/startup.txt"
if [ -n "$cds" ]; then summary "warm, AppCDS" "$out/startup-warm-cds.txt" 1 | tee -a "$out/startup.txt"; fi
# the calling thread's CPU time (Linux): what a busy machine inflates less than the wall time
summary "warm (cpu)" "$out/startup-warm.txt" 2 | tee -a "$out/startup.txt"
summary "cold (cpu)" "$out/startup-cold.txt" 2 | tee -a "$out/startup.txt"
echo "hashing: $(cut -d' ' -f3- "$out/startup-hashing.txt")" | tee -a "$out/startup.txt"

command -v hyperfine >/dev/null || { echo "no hyperfine: whole-process rows skipped (apt-get install hyperfine)"; exit 0; }
cli=cli/target/ferric-cli.jar
[ -f "$cli" ] || { echo "no $cli: ./mvnw -B -DskipTests package" >&2; exit 2; }
corpus=$work/corpus.bin
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
"$java" --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.ferric.bench.CompressCorpus "$work/c16" > /dev/null
cat "$work/c16" "$work/c16" "$work/c16" "$work/c16" > "$corpus"
gzip -6 -c "$corpus" > "$corpus.gz"
head -c 100 README.md | gzip -c > "$work/small.gz"
./ferric gzip -d -c "$work/small.gz" > /dev/null # the CLI's cache and class archive, made
plain="$java -cp $work/classes"
ferric="./ferric"   # as users run it (C1, serial GC, AppCDS: see the script)
hyperfine -N --warmup 3 --runs $((runs * 2)) --export-json "$out/startup-cli-small.json" \
  "$ferric gzip -d -c $work/small.gz" "$plain PlainGunzip $work/small.gz" | tee "$out/startup-cli-small.txt"
hyperfine -N --warmup 1 --runs 5 --output=null --export-json "$out/startup-cli-gzip64.json" \
  "$ferric gzip -6 -c $corpus" "$plain PlainGzip $corpus" | tee "$out/startup-cli-gzip64.txt"
hyperfine -N --warmup 1 --runs 10 --output=null --export-json "$out/startup-cli-gunzip64.json" \
  "$ferric gzip -d -c $corpus.gz" "$plain PlainGunzip $corpus.gz" | tee "$out/startup-cli-gunzip64.txt"
python3 - "$out" <<'PY' | tee -a "$out/startup.txt"
import json, statistics, sys
out = sys.argv[1]
for name, label in [("small", "gzip -d, 100-byte file"), ("gzip64", "gzip -6, 64 MiB corpus"), ("gunzip64", "gzip -d, 64 MiB corpus")]:
    r = json.load(open(f"{out}/startup-cli-{name}.json"))["results"]
    f, p = (statistics.median(x["times"]) * 1000 for x in r)
    print(f"whole process, {label:24} ferric {f:8.1f} ms   plain java {p:8.1f} ms   ferric/plain {f / p:5.2f}x time")
PY
