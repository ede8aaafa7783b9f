#!/usr/bin/env bash
# JMH (wall time), BASE vs HEAD, for the large rows whose work runs on a native thread pool (BLAKE3 at
# 1 MiB, VectorsBench), which cpu-run.sh cannot measure. Not pinned, on a quiet machine: each class
# runs in four JVMs, B H H B, one fork each (-f 1 -wi 2 -w 1 -i 4 -r 1, as ../large-ab/run.sh).
# Usage: jmh-run.sh OUTDIR   (jars $BASE and $HEAD)
set -u
OUT=$1
declare -A JAR=([base]=${BASE:-/work/jars/base-3073279.jar} [head]=${HEAD:-/work/jars/head-fix.jar})
LARGE="-f 1 -wi 2 -w 1 -i 4 -r 1"
n=0
one() { # which name jmh-args...
  local w=$1 name=$2; shift 2
  n=$((n + 1)); mkdir -p "$OUT/$w"
  echo "$(date -u +%T) start $w $name#$n load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
  echo "java -jar $(basename "${JAR[$w]}") $* -rf json -rff $w/$name-$n.json" > "$OUT/$w/$name-$n.txt"
  java -jar "${JAR[$w]}" "$@" -rf json -rff "$OUT/$w/$name-$n.json" >> "$OUT/$w/$name-$n.txt" 2>&1
  echo "$(date -u +%T) end   $w $name#$n rc=$? load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
}
for w in base head head base; do
  one $w Blake3Bench 'bench\.Blake3Bench\.(ferric|ferricAllocating|ferricDirectBuffer|jdkSha256)$' -p size=1048576 $LARGE
done
for w in head base base head; do
  one $w VectorsBench 'bench\.VectorsBench\.(ferric|javaScalar)[A-Za-z0-9]*$' $LARGE
done
