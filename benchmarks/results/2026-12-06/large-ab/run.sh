#!/usr/bin/env bash
# BASE/MID vs HEAD, interleaved per benchmark class (order alternates so drift hits both jars).
# Usage: run.sh OUTDIR [STEP...]   (jars in $JARS: base-3073279.jar, head-4b3da3d.jar, mid-3014037.jar)
set -u
OUT=$1; shift
JARS=${JARS:-/work/jars}
declare -A JAR=([base]=$JARS/base-3073279.jar [head]=$JARS/head-4b3da3d.jar [mid]=$JARS/mid-3014037.jar)
LARGE="-f 1 -wi 2 -w 1 -i 4 -r 1"
SMALL="-f 1 -wi 2 -w 500ms -i 4 -r 500ms"
R1="literal,literal-ci,alternation,alternation-ci,class,word,suffix"
R2="anchored-line,email,ipv4,date,log-captures,unicode-cyrillic,quoted"

one() { # which name jmh-args...
  local w=$1 n=$2; shift 2
  mkdir -p "$OUT/$w"
  echo "$(date -u +%T) start $w $n load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
  echo "taskset -c 1 java -jar $(basename "${JAR[$w]}") $* -rf json -rff $w/$n.json" > "$OUT/$w/$n.txt"
  taskset -c 1 java -jar "${JAR[$w]}" "$@" -rf json -rff "$OUT/$w/$n.json" >> "$OUT/$w/$n.txt" 2>&1
  echo "$(date -u +%T) end   $w $n rc=$? load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.log"
}

step() {
  case $1 in
  blake3)   for w in base head; do one $w Blake3Bench 'bench\.Blake3Bench\.(ferric|ferricAllocating|ferricDirectBuffer|bouncyCastle|jdkSha256)$' -p size=65536,1048576 $LARGE; done ;;
  compress) for w in head base; do one $w CompressBench 'bench\.CompressBench\.(gzipFerric|gzipJdk|zlibFerric|zlibJdk)$' -p chunk=16777216 -p level=1,6 $LARGE; done ;;
  inflate)  for w in base head; do one $w InflateBench 'bench\.InflateBench\.' -p chunk=16777216 $LARGE; done ;;
  lz4)      for w in head base; do one $w Lz4Bench 'bench\.Lz4Bench\.' -p chunk=16777216 $LARGE; done ;;
  regex1)   for w in base head; do one $w RegexBench-1 'bench\.RegexBench\.(ferricBytes|ferricString|ferricBytesFindAll|javaUtilRegex)$' -p name=$R1 $LARGE; done ;;
  regex2)   for w in head base; do one $w RegexBench-2 'bench\.RegexBench\.(ferricBytes|ferricString|ferricBytesFindAll|javaUtilRegex)$' -p name=$R2 $LARGE; done ;;
  vectors)  for w in base head; do one $w VectorsBench 'bench\.VectorsBench\.(ferric|javaScalar)[A-Za-z0-9]*$' $LARGE; done ;;
  sregex)   for w in mid head; do one $w SmallRegexBench 'SmallRegexBench\.(ferricIsMatchBytes|ferricIsMatch|ferricFind|jdkFind)$' -p size=150 $SMALL; done ;;
  sblake3)  for w in head mid; do one $w SmallBlake3Bench 'SmallBlake3Bench\.(ferricHash|ferricHashInto|ferricHashHex|ferricReusedHasher|jdkSha256)$' -p size=64,154 $SMALL; done ;;
  scompress) for w in mid head; do one $w SmallCompressBench 'SmallCompressBench\.' -p size=1024 $SMALL; done ;;
  *) echo "unknown step $1" >&2; exit 2 ;;
  esac
}

for s in "$@"; do step "$s"; done
