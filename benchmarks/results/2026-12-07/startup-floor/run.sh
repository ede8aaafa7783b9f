#!/usr/bin/env bash
# The floor of a verified warm start (minimal/.../NativeLoader.java) next to ferric's loader, in
# interleaved fresh JVMs on a warm cache. Usage: run.sh API_JAR NATIVE_JAR RUNS OUT_DIR (after ./mvnw package)
set -euo pipefail
api=$(realpath "$1"); native=$(realpath "$2"); runs=$3; out=$4
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
javac -d "$work/minimal" -cp "$api" "$here/minimal/dev/ferric/internal/NativeLoader.java"
javac -d "$work/probe" -cp "$api" "$here/../../../../benchmarks/startup/StartupProbe.java"
XDG_CACHE_HOME="$work/cache" java -cp "$api:$native:$work/probe" StartupProbe > /dev/null # fills the cache
lib=$(cd "$work/cache/ferric" && ls libferric-*.so); ver=$(cd "$work/cache/ferric" && ls libferric_verifier-*.so)
libsha=$(sha256sum "$work/cache/ferric/$lib" | cut -d' ' -f1); versha=$(sha256sum "$work/cache/ferric/$ver" | cut -d' ' -f1)
: > "$out/minimal.txt"; : > "$out/ferric.txt"
for _ in $(seq 1 "$runs"); do
  java -Dferric.cache.dir="$work/cache/ferric" -cp "$work/minimal:$api" dev.ferric.internal.NativeLoader \
    "$ver" "$lib" "$versha" "$libsha" >> "$out/minimal.txt"
  XDG_CACHE_HOME="$work/cache" java -cp "$api:$native:$work/probe" StartupProbe >> "$out/ferric.txt"
done
for f in minimal ferric; do
  cut -d' ' -f1 "$out/$f.txt" | sort -n | awk -v n="$f" '{v[NR]=$1} END {printf "%-8s median %6.1f ms  min %6.1f  max %6.1f  (%d JVMs)\n", n, (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2, v[1], v[NR], NR}'
done | tee "$out/summary.txt"
