#!/usr/bin/env bash
# Confirmation of the rows flagged in the first pass: CPU time in three JVMs per jar (order B H H B B H),
# then one more interleaved JMH run per jar (same options as run.sh).
set -u
OUT=$1
JARS=${JARS:-/work/jars}; CPUH=${CPUH:-/work/cpuh}
declare -A JAR=([base]=$JARS/base-3073279.jar [head]=$JARS/head-4b3da3d.jar)
L="1000 5 200"
cpu() { # class params methods
  for w in base head head base base head; do
    echo "$(date -u +%T) confirm-cpu $w $1 $2 load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/cpu-timeline.log"
    taskset -c 1 java -Xmx4g --enable-native-access=ALL-UNNAMED -cp "${JAR[$w]}:$CPUH" CpuTimeRun "$@" $L 2>&1 \
      | grep -v '^WARNING' | sed "s/^/$w\t/" >> "$OUT/cpu-confirm.tsv"
  done
}
cpu CompressBench chunk=16777216,level=6 gzipFerric,zlibFerric,gzipJdk
cpu CompressBench chunk=16777216,level=1 gzipFerric,zlibFerric,gzipJdk
cpu RegexBench name=word ferricBytes,ferricString,javaUtilRegex
cpu RegexBench name=alternation-ci ferricBytes,ferricString,javaUtilRegex
cpu Blake3Bench size=1048576 ferric,ferricDirectBuffer,jdkSha256
LARGE="-f 1 -wi 2 -w 1 -i 4 -r 1"
jmh() { # name jmh-args...
  local n=$1; shift
  for w in base head; do
    echo "$(date -u +%T) start $w $n load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
    echo "taskset -c 1 java -jar $(basename "${JAR[$w]}") $* -rf json -rff $w/$n.json" > "$OUT/$w/$n.txt"
    taskset -c 1 java -jar "${JAR[$w]}" "$@" -rf json -rff "$OUT/$w/$n.json" >> "$OUT/$w/$n.txt" 2>&1
    echo "$(date -u +%T) end   $w $n rc=$? load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
  done
}
jmh CompressBench-rerun 'bench\.CompressBench\.(gzipFerric|gzipJdk|zlibFerric)$' -p chunk=16777216 -p level=6 $LARGE
jmh RegexBench-rerun 'bench\.RegexBench\.(ferricBytes|ferricString|javaUtilRegex)$' -p name=word,alternation-ci $LARGE
jmh Blake3Bench-rerun 'bench\.Blake3Bench\.(ferric|ferricDirectBuffer|jdkSha256)$' -p size=1048576 $LARGE
