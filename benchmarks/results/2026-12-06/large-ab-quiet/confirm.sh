#!/usr/bin/env bash
# Second look at the rows slower than 1.05x in the first passes (see README.md): regex `word`, `ipv4`
# and `quoted` in CPU time (cpu-run.sh, twice: 8 more JVMs per jar each), and the VectorsBench rows in
# JMH (three more single-fork runs per jar, H B B H H B).   Usage: confirm.sh OUTDIR
set -u
OUT=$1; here=$(dirname "$0")
mkdir -p "$OUT"
for i in 1 2; do "$here/cpu-run.sh" "$OUT" regex:word regex:ipv4 regex:quoted; done
declare -A JAR=([base]=${BASE:-/work/jars/base-3073279.jar} [head]=${HEAD:-/work/jars/head-fix.jar})
n=0
for w in head base base head head base; do
  n=$((n + 1)); mkdir -p "$OUT/$w"
  echo "$(date -u +%T) start $w VectorsBench#$n load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
  args=('bench\.VectorsBench\.(ferricInt8Batch16|ferricPairFloat32|ferricPairInt8|ferricFloat32Batch16|javaScalarPairFloat32|javaScalarPairInt8)$' -f 1 -wi 2 -w 1 -i 4 -r 1 -tu ns)
  echo "java -jar $(basename "${JAR[$w]}") ${args[*]} -rf json -rff $w/VectorsBench-$n.json" > "$OUT/$w/VectorsBench-$n.txt"
  java -jar "${JAR[$w]}" "${args[@]}" -rf json -rff "$OUT/$w/VectorsBench-$n.json" >> "$OUT/$w/VectorsBench-$n.txt" 2>&1
done
echo "$(date -u +%T) end" >> "$OUT/timeline.log"
