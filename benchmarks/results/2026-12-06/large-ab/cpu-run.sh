#!/usr/bin/env bash
# CPU time per operation (CpuTimeRun.java) of the same benchmark methods, BASE vs HEAD and MID vs HEAD,
# one JVM per (class, params) group, the jar order alternating from group to group.
# Usage: cpu-run.sh OUTDIR large|small   (jars in $JARS; CpuTimeRun compiled into $CPUH)
set -u
OUT=$1; which=$2
JARS=${JARS:-/work/jars}; CPUH=${CPUH:-/work/cpuh}
declare -A JAR=([base]=$JARS/base-3073279.jar [head]=$JARS/head-4b3da3d.jar [mid]=$JARS/mid-3014037.jar)
n=0
grp() { # old new class params methods warmupMs rounds roundMs
  local a=$1 b=$2; shift 2
  local order="$a $b"; [ $((n % 2)) = 1 ] && order="$b $a"; n=$((n + 1))
  for w in $order; do
    echo "$(date -u +%T) $w $1 $2 load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/cpu-timeline.log"
    taskset -c 1 java -Xmx4g --enable-native-access=ALL-UNNAMED -cp "${JAR[$w]}:$CPUH" CpuTimeRun "$@" 2>&1 \
      | grep -v '^WARNING' | sed "s/^/$w\t/" >> "$OUT/cpu-$which.tsv"
  done
}
L="1000 5 200"
if [ "$which" = large ]; then
  for s in 65536 1048576; do grp base head Blake3Bench size=$s ferric,ferricAllocating,ferricDirectBuffer,jdkSha256 $L; done
  for l in 1 6; do grp base head CompressBench chunk=16777216,level=$l gzipFerric,zlibFerric,gzipJdk $L; done
  grp base head InflateBench chunk=16777216 zlibFerric,gzipFerric,stream100MiBFerric,gzipJdk $L
  grp base head Lz4Bench chunk=16777216 blockCompressFerric,blockDecompressFastFerric,blockDecompressSafeFerric,frameCompressFerric,frameDecompressFerric,frameStreamFerric,blockCompressLz4JavaJni $L
  for p in literal literal-ci alternation alternation-ci class word suffix anchored-line email ipv4 date log-captures unicode-cyrillic quoted; do
    case $p in literal|date|word) m=ferricBytes,ferricString,javaUtilRegex ;; *) m=ferricBytes,ferricString ;; esac
    grp base head RegexBench name=$p $m $L
  done
  grp base head VectorsBench - ferricFloat32,ferricFloat32Batch16,ferricInt8,ferricInt8Batch16,ferricHamming,ferricPairFloat32,ferricPairInt8,javaScalarInt8 $L
else
  S="1500 5 100"
  for p in date ipv4 email uuid level latency keyvalue literal; do
    grp mid head small.SmallRegexBench pattern=$p,size=150 ferricIsMatchBytes,ferricIsMatch,ferricFind,jdkFind $S
  done
  for s in 64 154; do grp mid head small.SmallBlake3Bench size=$s ferricHash,ferricHashInto,ferricHashHex,ferricReusedHasher,jdkSha256 $S; done
  grp mid head small.SmallCompressBench size=1024 ferricGzip,ferricGunzip,ferricLz4Compress,ferricLz4Decompress,jdkGzip,jdkGunzip,lz4JavaCompress,lz4JavaDecompress $S
fi
