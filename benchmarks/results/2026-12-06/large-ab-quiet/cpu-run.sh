#!/usr/bin/env bash
# CPU time per operation (../large-ab/CpuTimeRun.java) of the large-input benchmark methods, BASE vs
# HEAD, on a quiet machine, not pinned: each (class, params) group runs in four JVMs, B H H B (or
# H B B H, alternating from group to group), so each jar meets the same drift.
# Only for kernels that run on the calling thread: the CPU time counted is that thread's, so BLAKE3
# above 128 KiB and VectorsBench (their work runs on a native thread pool) are measured with JMH
# instead (jmh-run.sh).
# Usage: cpu-run.sh OUTDIR GROUP...   GROUP: blake3 compress inflate lz4 regex, or regex:NAME for one pattern
#        (jars $BASE and $HEAD; CpuTimeRun compiled into $CPUH; results appended to OUTDIR/cpu-large.tsv)
set -u
OUT=$1; shift
CPUH=${CPUH:-/work/cpuh}
declare -A JAR=([base]=${BASE:-/work/jars/base-3073279.jar} [head]=${HEAD:-/work/jars/head-6285388.jar})
n=0
grp() { # class params methods warmupMs rounds roundMs
  local order="base head head base"; [ $((n % 2)) = 1 ] && order="head base base head"; n=$((n + 1))
  for w in $order; do
    echo "$(date -u +%T) $w $1 $2 load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/cpu-timeline.log"
    java -Xmx4g --enable-native-access=ALL-UNNAMED -cp "${JAR[$w]}:$CPUH" CpuTimeRun "$@" 2>&1 \
      | grep -v '^WARNING' | sed "s/^/$w\t/" >> "$OUT/cpu-large.tsv"
  done
}
L="1000 5 200"
for g in "$@"; do
  case $g in
    blake3) grp Blake3Bench size=65536 ferric,ferricAllocating,ferricDirectBuffer,jdkSha256 $L ;;
    compress) for l in 1 6; do grp CompressBench chunk=16777216,level=$l gzipFerric,zlibFerric,gzipJdk $L; done ;;
    inflate) grp InflateBench chunk=16777216 zlibFerric,gzipFerric,stream100MiBFerric,gzipJdk $L ;;
    lz4) grp Lz4Bench chunk=16777216 blockCompressFerric,blockDecompressFastFerric,blockDecompressSafeFerric,frameCompressFerric,frameDecompressFerric,frameStreamFerric,blockCompressLz4JavaJni $L ;;
    regex)
      for p in literal literal-ci alternation alternation-ci class word suffix anchored-line email ipv4 date log-captures unicode-cyrillic quoted; do
        case $p in literal|date|word) m=ferricBytes,ferricString,javaUtilRegex ;; *) m=ferricBytes,ferricString ;; esac
        grp RegexBench name=$p $m $L
      done ;;
    regex:*) p=${g#regex:}
      case $p in literal|date|word) m=ferricBytes,ferricString,javaUtilRegex ;; *) m=ferricBytes,ferricString ;; esac
      grp RegexBench name=$p $m $L ;;
    *) echo "unknown group $g" >&2; exit 2 ;;
  esac
done
