#!/usr/bin/env bash
# Allocation and GC per operation of two regex rows (JMH -prof gc), BASE then HEAD.
set -u
OUT=$1; JARS=${JARS:-/work/jars}
for w in base head; do
  j=$JARS/base-3073279.jar; [ $w = head ] && j=$JARS/head-4b3da3d.jar
  echo "$(date -u +%T) start $w RegexBench-gc load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
  echo "taskset -c 1 java -jar $(basename $j) 'bench\.RegexBench\.(ferricBytes|ferricString)\$' -p name=word,alternation-ci -f 1 -wi 2 -w 1 -i 3 -r 1 -prof gc -rf json -rff $w/RegexBench-gc.json" > "$OUT/$w/RegexBench-gc.txt"
  taskset -c 1 java -jar $j 'bench\.RegexBench\.(ferricBytes|ferricString)$' -p name=word,alternation-ci -f 1 -wi 2 -w 1 -i 3 -r 1 -prof gc -rf json -rff "$OUT/$w/RegexBench-gc.json" >> "$OUT/$w/RegexBench-gc.txt" 2>&1
  echo "$(date -u +%T) end   $w RegexBench-gc load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
done
